package org.fr3workbench.report.sign;

import java.io.IOException;

/** Signing could not be done: a wrong password, no key in the file, an unreachable time-stamp server ... */
public final class SigningException extends IOException {
    private static final long serialVersionUID = 1L;

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
