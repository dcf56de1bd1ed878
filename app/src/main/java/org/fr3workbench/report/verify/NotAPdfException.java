package org.fr3workbench.report.verify;

import java.io.IOException;

/** The file is not a PDF (or too damaged to parse): bad input, not a failed check. */
public final class NotAPdfException extends IOException {
    private static final long serialVersionUID = 1L;

    public NotAPdfException(String message) {
        super(message);
    }

    public NotAPdfException(String message, Throwable cause) {
        super(message, cause);
    }
}
