package org.fr3workbench.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The record of one command run on a device channel. The output bytes are not part of it: they are
 * stored as evidence blobs whose size and SHA-256 are given here.
 *
 * @param command      the command as it was asked for, with any secret redacted
 * @param channel      which channel and device, e.g. {@code ssh root@192.0.2.7:22 (SHA256:...)}
 * @param startedAt    when the command was sent
 * @param endedAt      when its outcome was known
 * @param outcome      exited, timed out, cancelled or connection lost
 * @param exitCode     the exit code; empty unless {@code outcome} is {@link CommandOutcome#EXITED}
 * @param stdout       digest of standard output (or of the merged output, see {@code stderrMerged})
 * @param stderr       digest of standard error; {@link OutputDigest#EMPTY} when merged
 * @param stderrMerged whether the channel cannot separate the two streams (serial console)
 * @param redactions   how many secret occurrences were replaced in the output
 */
public record Transcript(String command, String channel, Instant startedAt, Instant endedAt,
                         CommandOutcome outcome, OptionalInt exitCode, OutputDigest stdout, OutputDigest stderr,
                         boolean stderrMerged, int redactions) {

    public Transcript {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(exitCode, "exitCode");
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        if (endedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("endedAt " + endedAt + " is before startedAt " + startedAt);
        }
        if (exitCode.isPresent() != (outcome == CommandOutcome.EXITED)) {
            throw new IllegalArgumentException("an exit code is present exactly when the command exited: "
                    + outcome + " with " + exitCode);
        }
        if (redactions < 0) {
            throw new IllegalArgumentException("redactions must not be negative: " + redactions);
        }
    }

    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }

    /** Whether the command exited with status 0. */
    public boolean succeeded() {
        return outcome == CommandOutcome.EXITED && exitCode.getAsInt() == 0;
    }
}
