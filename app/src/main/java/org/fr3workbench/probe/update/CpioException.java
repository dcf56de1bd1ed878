package org.fr3workbench.probe.update;

import java.io.IOException;

/** A cpio archive that cannot be read as one: the message names what and at which byte. */
public final class CpioException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long offset;

    public CpioException(String message, long offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** Where in the archive the problem is. */
    public long offset() {
        return offset;
    }
}
