package org.fr3workbench.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One command a probe ran on the device, as evidence: what, when, how long, what came back.
 *
 * @param label    what the command was for, e.g. "swupdate check: payload-bit-flip"
 * @param command  the command line as sent
 * @param started  when it was sent
 * @param duration how long it took
 * @param result   exit code and output
 */
public record ProbeTranscript(String label, String command, Instant started, Duration duration, ExecResult result) {
    public ProbeTranscript {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(started, "started");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(result, "result");
    }
}
