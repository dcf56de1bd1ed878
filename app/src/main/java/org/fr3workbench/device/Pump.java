package org.fr3workbench.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Copies a stream to another on a virtual thread until end of stream or an error. */
public final class Pump {

    private static final int BUFFER = 32 * 1024;

    private final CountDownLatch done = new CountDownLatch(1);
    private volatile IOException failure;
    private volatile long copied;

    private Pump() {
    }

    /** Starts copying {@code in} to {@code out}; {@code out} is not closed. */
    public static Pump start(String name, InputStream in, OutputStream out) {
        Pump pump = new Pump();
        Thread.ofVirtual().name(name).start(() -> pump.copy(in, out));
        return pump;
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
