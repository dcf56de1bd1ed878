package org.fr3workbench.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.domain.CommandOutcome;

/** Copies a stream to another on a virtual thread until end of stream or an error. */
public final class Pump {

    private static final int BUFFER = 32 * 1024;

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile IOException failure;
    private volatile long copied;

    private Pump() {
    }

    /**
     * Starts copying {@code in} to {@code out} on a virtual thread; {@code out} is not closed. Only for streams
     * that wait in Java (sshj channels): a stream that blocks in native code (process pipes, ttys) pins the virtual
     * thread's carrier and can starve every other virtual thread; use {@link #start(Executor, InputStream,
     * OutputStream)} with platform threads for those.
     */
    public static Pump start(String name, InputStream in, OutputStream out) {
        Pump pump = new Pump();
        Thread.ofVirtual().name(name).start(() -> pump.copy(in, out));
        return pump;
    }

    /** Starts copying on a thread of {@code executor}. */
    public static Pump start(Executor executor, InputStream in, OutputStream out) {
        Pump pump = new Pump();
        executor.execute(() -> pump.copy(in, out));
        return pump;
    }

    /**
     * Waits until both pumps reached end of stream, the deadline passed or the caller cancelled.
     *
     * @return {@code EXITED} when both ended, otherwise {@code TIMED_OUT} or {@code CANCELLED}
     */
    public static CommandOutcome awaitBoth(Pump out, Pump err, long deadlineNanos, Cancellation cancellation)
            throws InterruptedException {
        while (!(out.isDone() && err.isDone())) {
            if (cancellation.isCancelled()) {
                return CommandOutcome.CANCELLED;
            }
            if (System.nanoTime() - deadlineNanos >= 0) {
                return CommandOutcome.TIMED_OUT;
            }
            out.await(Duration.ofMillis(50));
            err.await(Duration.ofMillis(1));
        }
        return CommandOutcome.EXITED;
    }

    private void copy(InputStream in, OutputStream out) {
        byte[] buffer = new byte[BUFFER];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                copied += n;
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            done.countDown();
        }
    }

    public boolean isDone() {
        return done.getCount() == 0;
    }

    /** Waits at most {@code timeout}; true when the copy has ended. */
    public boolean await(Duration timeout) throws InterruptedException {
        return done.await(Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The error that ended the copy, or null for a clean end of stream. */
    public IOException failure() {
        return failure;
    }

    public long copied() {
        return copied;
    }
}
