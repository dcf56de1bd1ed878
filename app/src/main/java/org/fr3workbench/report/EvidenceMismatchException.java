package org.fr3workbench.report;

import java.io.IOException;

/** An evidence item's content no longer matches the SHA-256 or size recorded at capture. */
public final class EvidenceMismatchException extends IOException {
    private static final long serialVersionUID = 1L;

    public EvidenceMismatchException(String message) {
        super(message);
    }
}
