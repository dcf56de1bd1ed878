package org.fr3workbench.device.ssh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the first line of the remote standard error when it is the process id line the exec wrapper prints
 * ({@code FR3PID:<pid>}) and passes everything else through untouched, so the transcript holds exactly what
 * the command wrote.
 */
final class PidLineFilter extends OutputStream {

    static final String PREFIX = "FR3PID:";
    private static final Pattern LINE = Pattern.compile(PREFIX + "(\\d{1,10})\n");
    private static final int MAX_LINE = PREFIX.length() + 12;

    private final OutputStream target;
    private final ByteArrayOutputStream head = new ByteArrayOutputStream();
    private final CountDownLatch seen = new CountDownLatch(1);
    private volatile long pid = -1;
    private boolean decided;

    PidLineFilter(OutputStream target) {
        this.target = target;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int off, int len) throws IOException {
        if (decided) {
            target.write(data, off, len);
            return;
        }
        int i = off;
        int end = off + len;
        while (i < end && !decided) {
            byte b = data[i++];
            head.write(b);
            if (b == '\n' || head.size() >= MAX_LINE) {
                decide();
            }
        }
        if (i < end) {
            target.write(data, i, end - i);
        }
    }

    /** Passes on a partial head at end of stream. */
    void finish() throws IOException {
        if (!decided) {
            decided = true;
            seen.countDown();
            head.writeTo(target);
        }
    }

    private void decide() throws IOException {
        decided = true;
        Matcher m = LINE.matcher(head.toString(StandardCharsets.ISO_8859_1));
        if (m.matches()) {
            pid = Long.parseLong(m.group(1));
        } else {
            head.writeTo(target);
        }
        seen.countDown();
    }

    /** Waits up to {@code timeout} for the first line (a slow login shell may not have printed it yet). */
    OptionalLong awaitPid(Duration timeout) {
        try {
            seen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return pid();
    }

    /** The remote shell's process id, once its line was seen. */
    OptionalLong pid() {
        long value = pid;
        return value > 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }
}
