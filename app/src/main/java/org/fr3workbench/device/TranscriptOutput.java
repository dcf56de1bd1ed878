package org.fr3workbench.device;

import java.io.IOException;

/**
 * The captured output of one command: standard output and standard error, each counted, hashed and kept
 * outside the heap. Close it once the bytes are stored (it deletes the spool files).
 *
 * @param stdout standard output (or the merged output on a serial console)
 * @param stderr standard error (empty when merged)
 */
public record TranscriptOutput(CapturedStream stdout, CapturedStream stderr) implements AutoCloseable {

    void finish() throws IOException {
        stdout.finish();
        stderr.finish();
    }

    @Override
    public void close() throws IOException {
        try {
            stdout.close();
        } finally {
            stderr.close();
        }
    }
}
