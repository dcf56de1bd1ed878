package org.fr3workbench.device;

/** A device channel could not do what was asked; the message says what and where, without secrets. */
public class DeviceException extends Exception {

    public DeviceException(String message) {
        super(message);
    }

    public DeviceException(String message, Throwable cause) {
        super(message, cause);
    }
}
