package org.fr3workbench.cli;

/** Bad input that is not a usage error, e.g. an unreadable file: reported in one line, exit code 2. */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
