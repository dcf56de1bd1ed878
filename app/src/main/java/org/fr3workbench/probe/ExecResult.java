package org.fr3workbench.probe;

import java.util.Objects;

/**
 * What a command on the device returned.
 *
 * @param exitCode the exit code; meaningless when {@code timedOut}
 * @param output   stdout and stderr as the device sent them
 * @param timedOut whether the command was stopped at its timeout
 */
public record ExecResult(int exitCode, String output, boolean timedOut) {
    public ExecResult {
        Objects.requireNonNull(output, "output");
    }

    /** A command that ended by itself. */
    public static ExecResult of(int exitCode, String output) {
        return new ExecResult(exitCode, output, false);
    }
}
