package org.fr3workbench.device.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the serial console without pause on a virtual thread, from connect to close (through reboots): every
 * byte goes to the {@link ExpectBuffer} (prompts, markers), to an open interactive console if any, and line by
 * line either to the running command's {@link FrameDecoder} or to the {@link ConsoleRecorder}. A partial line
 * (a prompt waiting for input) is recorded after half a second of silence.
 */
final class ConsoleEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleEngine.class);
    private static final long PARTIAL_FLUSH_NANOS = 500_000_000L;

    private final SerialLink link;
    private final ExpectBuffer buffer;
    private final ConsoleRecorder recorder;
    private final Clock clock;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final Object dispatch = new Object();
    private Instant lineStart;
    private long lineStartNanos;
    private final KernelMessages kernel = new KernelMessages();
    private FrameDecoder frame;
    private OutputStream tap;
    private volatile boolean closing;
    private volatile IOException failure;

    ConsoleEngine(SerialLink link, ExpectBuffer buffer, ConsoleRecorder recorder, Clock clock) {
        this.link = link;
        this.buffer = buffer;
        this.recorder = recorder;
        this.clock = clock;
    }

    void start() {
        Thread.ofVirtual().name("serial-reader " + link.description()).start(this::readLoop);
    }

    /** Sends bytes to the device. */
    synchronized void send(byte[] data) throws IOException {
        link.write(data, 0, data.length);
    }

    /** Routes lines to {@code decoder} until {@link #clearFrame()}. */
    void setFrame(FrameDecoder decoder) {
        synchronized (dispatch) {
            kernel.reset();
            frame = decoder;
        }
    }

    /** Stops routing to the frame decoder; after this returns the decoder gets no more lines. */
    void clearFrame() {
        synchronized (dispatch) {
            frame = null;
            kernel.reset();
        }
    }

    /** Copies every raw byte to {@code target} (an interactive console) until set to null. */
    void setTap(OutputStream target) {
        synchronized (dispatch) {
            tap = target;
        }
    }

    /** Whether the port still delivers data. */
    boolean isAlive() {
        return stopped.getCount() > 0;
    }

    /** Why reading stopped, if it failed. */
    IOException failure() {
        return failure;
    }

    @Override
    public void close() {
        closing = true;
        link.close();
        try {
            stopped.await(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readLoop() {
        byte[] chunk = new byte[8192];
        try {
            while (!closing) {
                int n = link.read(chunk);
                if (n < 0) {
                    failure = new IOException("serial port " + link.description() + " is gone");
                    break;
                }
                if (n == 0) {
                    flushPartialIfQuiet();
                    continue;
                }
                buffer.append(chunk, n);
                synchronized (dispatch) {
                    if (tap != null) {
                        writeTap(chunk, n);
                    }
                    split(chunk, n);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                failure = e instanceof IOException io ? io : new IOException(e);
                LOG.warn("reading {} failed: {}", link.description(), e.getMessage());
            }
        } finally {
            synchronized (dispatch) {
                if (line.size() > 0) {
                    recorder.line(line.toByteArray(), line.size(), lineStart, false);
                    line.reset();
                }
            }
            stopped.countDown();
        }
    }

    private void split(byte[] chunk, int n) {
        for (int i = 0; i < n; i++) {
            byte b = chunk[i];
            if (line.size() == 0) {
                lineStart = clock.instant();
                lineStartNanos = System.nanoTime();
            }
            if (b == '\n') {
                completeLine();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }

    private void completeLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        Instant at = lineStart == null ? clock.instant() : lineStart;
        if (frame == null) {
            recorder.line(bytes, bytes.length, at, true);
            return;
        }
        KernelMessages.Split split = kernel.split(bytes);
        if (split.kernelMessage() != null) {
            recorder.line(split.kernelMessage(), split.kernelMessage().length, at, true);
        }
        byte[] forCommand = split.forCommand();
        if (forCommand != null && frame.line(forCommand, forCommand.length) == FrameDecoder.Route.RECORD
                && forCommand.length > 0) {
            recorder.line(forCommand, forCommand.length, at, true);
        }
    }

    private void flushPartialIfQuiet() {
        synchronized (dispatch) {
            if (frame == null && line.size() > 0 && System.nanoTime() - lineStartNanos > PARTIAL_FLUSH_NANOS) {
                recorder.line(line.toByteArray(), line.size(), lineStart, false);
                line.reset();
            }
        }
    }

    private void writeTap(byte[] chunk, int n) {
        try {
            tap.write(chunk, 0, n);
        } catch (IOException e) {
            LOG.debug("interactive console tap closed: {}", e.getMessage());
            tap = null;
        }
    }
}
