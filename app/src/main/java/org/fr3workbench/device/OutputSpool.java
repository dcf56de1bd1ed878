package org.fr3workbench.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where channels put command output while it streams in. */
@FunctionalInterface
public interface OutputSpool {

    /** A new, empty pair of captured streams. */
    TranscriptOutput create() throws IOException;

    /** Spools each stream into a private temporary file in {@code directory} (created if missing). */
    static OutputSpool tempFiles(Path directory) {
        return () -> {
            Files.createDirectories(directory);
            CapturedStream out = CapturedStream.spooled(directory, "fr3-stdout-");
            try {
                return new TranscriptOutput(out, CapturedStream.spooled(directory, "fr3-stderr-"));
            } catch (IOException e) {
                out.close();
                throw e;
            }
        };
    }

    /** Spools into the system's temporary directory. */
    static OutputSpool tempFiles() {
        return tempFiles(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Keeps nothing but size and SHA-256 (for throughput measurements and outputs nobody needs). */
    static OutputSpool digestOnly() {
        return () -> new TranscriptOutput(CapturedStream.digestOnly(), CapturedStream.digestOnly());
    }
}
