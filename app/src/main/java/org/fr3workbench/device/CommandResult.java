package org.fr3workbench.device;

import java.io.IOException;
import org.fr3workbench.domain.Transcript;

/**
 * A finished command: its transcript (the record to store) and the captured output (the blobs to store).
 * Close it when both are stored; that deletes the spool files.
 */
public record CommandResult(Transcript transcript, TranscriptOutput output) implements AutoCloseable {

    /** Standard output as UTF-8 text, at most {@code maxBytes} bytes. */
    public String stdoutText(int maxBytes) {
        return output.stdout().text(maxBytes);
    }

    /** Standard error as UTF-8 text, at most {@code maxBytes} bytes. */
    public String stderrText(int maxBytes) {
        return output.stderr().text(maxBytes);
    }

    @Override
    public void close() throws IOException {
        output.close();
    }
}
