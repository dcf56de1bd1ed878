package org.fr3workbench.ui.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns a failure of background work into one sentence for the assessor, and logs the details. */
public final class Errors {

    private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    private Errors() {
    }

    /** The failure's own message, or its kind when it has none; the stack trace goes to the log. */
    public static String describe(Throwable error) {
        LOG.warn("Background work failed", error);
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? "Unexpected error: " + cause.getClass().getSimpleName() : message;
    }
}
