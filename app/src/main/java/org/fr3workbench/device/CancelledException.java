package org.fr3workbench.device;

/** The caller cancelled the operation. */
public class CancelledException extends DeviceException {

    public CancelledException(String message) {
        super(message);
    }
}
