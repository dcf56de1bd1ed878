package org.fr3workbench.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One command of a step, as written in a procedure file.
 *
 * @param label        what this command shows, for transcripts and reasons, e.g. "first check (expected clean)"
 * @param template     the command line with {@code {{parameter}}} placeholders; every value is inserted shell-quoted
 * @param asUser       when not empty, a parameter reference or account name: the rendered command runs as that
 *                     (unprivileged) user through {@code su}, quoted as one argument
 * @param timeout      how long it may run before it is killed
 * @param expectations what its result must show, in the order they are checked; empty means the assessor judges
 * @param captureAs    when not empty, the parameter that receives its trimmed output for later commands (e.g. a
 *                     start time), or empty
 */
public record ShellCommand(String label, String template, String asUser, Duration timeout, List<Expectation> expectations,
                           String captureAs) {

    /** Used when a procedure file names no timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    public ShellCommand {
        label = Objects.requireNonNullElse(label, "");
        Objects.requireNonNull(template, "template");
        asUser = Objects.requireNonNullElse(asUser, "");
        timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        expectations = List.copyOf(expectations);
        captureAs = Objects.requireNonNullElse(captureAs, "");
    }

    /** A command without expectations, label or user. */
    public static ShellCommand of(String template) {
        return new ShellCommand("", template, "", DEFAULT_TIMEOUT, List.of(), "");
    }
}
