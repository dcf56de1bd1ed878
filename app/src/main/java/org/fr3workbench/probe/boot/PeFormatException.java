package org.fr3workbench.probe.boot;

/** Bytes that are not a well-formed PE/COFF image or signature structure; the message says what and where. */
public final class PeFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public PeFormatException(String message) {
        super(message);
    }

    public PeFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
