package org.fr3workbench.device.serial;

import java.nio.charset.StandardCharsets;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.CancelledException;

/**
 * The most recent console bytes (as ISO-8859-1 text, one char per byte) for waiting on prompts and markers.
 * Positions are absolute byte counts since the console was opened. Kept in memory only: it may hold an echoed
 * password, so nothing from it goes to a log or an error message without redaction.
 */
final class ExpectBuffer {

    private static final int CAPACITY = 64 * 1024;

    private final StringBuilder text = new StringBuilder();
    private long start;
    private long lastArrivalNanos = System.nanoTime();

    synchronized void append(byte[] data, int length) {
        text.append(new String(data, 0, length, StandardCharsets.ISO_8859_1));
        if (text.length() > CAPACITY) {
            int drop = text.length() - CAPACITY;
            text.delete(0, drop);
            start += drop;
        }
        lastArrivalNanos = System.nanoTime();
        notifyAll();
    }

    /** Absolute position after the last byte received. */
    synchronized long position() {
        return start + text.length();
    }

    /** Text received since {@code position} (as much as is still kept). */
    synchronized String textSince(long position) {
        int from = (int) Math.max(0, position - start);
        return from >= text.length() ? "" : text.substring(from);
    }

    /** The last {@code chars} characters. */
    synchronized String tail(int chars) {
        return text.substring(Math.max(0, text.length() - chars));
    }

    /** Nanoseconds since the last byte arrived. */
    synchronized long quietNanos() {
        return System.nanoTime() - lastArrivalNanos;
    }

    /**
     * Waits until {@code literal} appears after {@code from}.
     *
     * @return the absolute position just after it, or -1 at the deadline
     */
    synchronized long awaitLiteral(String literal, long from, long deadlineNanos, Cancellation cancellation)
            throws CancelledException, InterruptedException {
        while (true) {
            int fromIndex = (int) Math.max(0, from - start);
            int at = text.indexOf(literal, fromIndex);
            if (at >= 0) {
                return start + at + literal.length();
            }
            cancellation.throwIfCancelled();
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            waitNanos(Math.min(left, 100_000_000L));
        }
    }

    /** Waits until something arrives after {@code position} (or the deadline passed). */
    synchronized void awaitData(long position, long deadlineNanos, Cancellation cancellation)
            throws CancelledException, InterruptedException {
        while (start + text.length() <= position) {
            cancellation.throwIfCancelled();
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            waitNanos(Math.min(left, 100_000_000L));
        }
    }

    /** Waits until nothing arrived for {@code quietNanos} (or the deadline passed). */
    synchronized void awaitQuiet(long quietNanos, long deadlineNanos, Cancellation cancellation)
            throws CancelledException, InterruptedException {
        while (true) {
            cancellation.throwIfCancelled();
            long now = System.nanoTime();
            long quietFor = now - lastArrivalNanos;
            if (quietFor >= quietNanos || now - deadlineNanos >= 0) {
                return;
            }
            waitNanos(Math.min(quietNanos - quietFor, deadlineNanos - now));
        }
    }

    private void waitNanos(long nanos) throws InterruptedException {
        if (nanos > 0) {
            wait(Math.max(1, nanos / 1_000_000), 0);
        }
    }
}
