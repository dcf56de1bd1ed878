package org.fr3workbench.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs real tools for tests and looks at the processes of this machine (the test peers run here).
 * Output is read after exit through a file, never a pipe that can fill.
 */
public final class Processes {

    private Processes() {
    }

    /** Exit code and combined output of a finished process. */
    public record Result(int exit, String output) {
    }

    /** Runs {@code command} with a 60 s limit in the given directory (or the current one when null). */
    public static Result run(Path directory, String... command) {
        return run(directory, List.of(command));
    }

    /** Runs {@code command} with a 60 s limit in the given directory (or the current one when null). */
    public static Result run(Path directory, List<String> command) {
        try {
            Path log = java.nio.file.Files.createTempFile("fr3-proc", ".log");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
                if (directory != null) {
                    builder.directory(directory.toFile());
                }
                Process process = builder.start();
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("timed out after 60 s: " + command);
                }
                return new Result(process.exitValue(), java.nio.file.Files.readString(log, StandardCharsets.ISO_8859_1));
            } finally {
                java.nio.file.Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * The pids {@code pgrep -f PATTERN} finds, waiting up to five seconds for them to disappear; empty when none
     * is left. Used to prove that a killed command is really gone.
     */
    public static String remaining(String pattern) throws IOException, InterruptedException {
        Peers.require("pgrep", "procps");
        String found = "";
        for (int i = 0; i < 50; i++) {
            Process p = new ProcessBuilder("pgrep", "-f", pattern).start();
            found = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor();
            if (found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }
}
