package org.fr3workbench.device;

/**
 * Sees a command's output while it runs (after redaction), e.g. to show it live. Called on the channel's
 * reader thread: copy what you keep and return quickly; never block.
 */
@FunctionalInterface
public interface OutputListener {

    /** Ignores everything. */
    OutputListener NONE = (stream, data, offset, length) -> { };

    void output(Stream stream, byte[] data, int offset, int length);

    /** Which output a chunk came from. */
    enum Stream { STDOUT, STDERR }
}
