package org.fr3workbench.probe;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The little a probe needs from a device: run a shell command, copy a file to it, delete a path on
 * it. The device channels (SSH, serial, local) satisfy it; tests use a local sandbox. Every path
 * or value that a probe puts into {@code command} is quoted by the probe.
 */
public interface ProbeTarget {

    /**
     * Runs a command in the device's POSIX shell and waits for it.
     *
     * @param command a shell command line, already quoted
     * @param timeout how long to wait before the command is stopped and reported as timed out
     * @return the exit code and the combined output (stdout and stderr)
     * @throws IOException          the device could not be reached
     * @throws InterruptedException the caller cancelled
     */
    ExecResult exec(String command, Duration timeout) throws IOException, InterruptedException;

    /** Copies a local file to {@code remotePath} on the device (an absolute path, replaced if present). */
    void upload(Path localPath, String remotePath) throws IOException, InterruptedException;

    /** Deletes a file, or a directory with everything in it, on the device; a missing path is not an error. */
    void remove(String remotePath) throws IOException, InterruptedException;
}
