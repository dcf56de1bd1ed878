package org.fr3workbench.device;

import java.time.Duration;
import java.util.Objects;

/**
 * One command to run, with its limits.
 *
 * @param command      what to run
 * @param timeout      after this the command is killed and the outcome is {@code TIMED_OUT}
 * @param listener     sees the output while it streams in
 * @param cancellation cancels the run from another thread (outcome {@code CANCELLED})
 */
public record CommandRequest(Command command, Duration timeout, OutputListener listener, Cancellation cancellation) {

    public CommandRequest {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(timeout, "timeout");
        listener = Objects.requireNonNullElse(listener, OutputListener.NONE);
        cancellation = Objects.requireNonNullElseGet(cancellation, Cancellation::create);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }

    /** A request without listener and with its own cancellation token. */
    public static CommandRequest of(Command command, Duration timeout) {
        return new CommandRequest(command, timeout, OutputListener.NONE, Cancellation.create());
    }

    public CommandRequest withListener(OutputListener newListener) {
        return new CommandRequest(command, timeout, newListener, cancellation);
    }

    public CommandRequest withCancellation(Cancellation newCancellation) {
        return new CommandRequest(command, timeout, listener, newCancellation);
    }
}
