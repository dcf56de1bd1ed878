package org.fr3workbench.probe.tls;

/** The scan could not run at all, e.g. the target refused every connection. */
public final class TlsScanException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlsScanException(String message) {
        super(message);
    }
}
