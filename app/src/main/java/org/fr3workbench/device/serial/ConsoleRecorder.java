package org.fr3workbench.device.serial;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.fr3workbench.device.CapturedStream;
import org.fr3workbench.device.Redactor;
import org.fr3workbench.domain.OutputDigest;

/**
 * The continuous, timestamped console log of a serial channel: every line the device prints (boot messages,
 * kernel messages, prompts, the echo of typed commands) with the time its first byte arrived. It runs from
 * connect to close, through reboots. Lines are redacted and escaped ({@link ConsoleText}); the encoded output
 * of framed commands is not repeated here (it is in the command's transcript), only a note naming the command.
 *
 * <p>Format, one record per line: {@code 2026-05-04T10:15:30.123Z | text} for a complete line,
 * {@code ... ~ text} for a partial line written after a pause (a prompt waiting for input),
 * {@code ... # note} for the workbench's own notes.
 */
public final class ConsoleRecorder implements AutoCloseable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_INSTANT;

    private final CapturedStream capture;
    private final Redactor redactor;
    private final Clock clock;
    private final Instant startedAt;
    private Instant endedAt;

    ConsoleRecorder(Path directory, Redactor redactor, Clock clock) throws IOException {
        this.capture = CapturedStream.spooled(directory, "fr3-console-");
        this.redactor = redactor;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    /** Records one console line (without its line end) that began arriving at {@code at}. */
    synchronized void line(byte[] data, int length, Instant at, boolean complete) {
        if (endedAt != null) {
            return;
        }
        write(at, complete ? " | " : " ~ ", escaped(redacted(data, length)));
    }

    /** Records a note of the workbench itself, e.g. which command ran. */
    public synchronized void note(String text) {
        if (endedAt != null) {
            return;
        }
        write(clock.instant(), " # ", redactor.redact(text).replace("\n", " "));
    }

    public Instant startedAt() {
        return startedAt;
    }

    /** Bytes recorded so far. */
    public synchronized long size() {
        return capture.size();
    }

    /** Stops recording; the digest is fixed from now on. Idempotent. */
    public synchronized OutputDigest finish() {
        if (endedAt == null) {
            endedAt = clock.instant();
            try {
                capture.finish();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the console recording", e);
            }
        }
        return capture.digest();
    }

    /** When {@link #finish()} was called; null while recording. */
    public synchronized Instant endedAt() {
        return endedAt;
    }

    /** Reads the finished recording (UTF-8 text). */
    public InputStream open() throws IOException {
        return capture.open();
    }

    /** The finished recording as text (for tests and short logs). */
    public String text() throws IOException {
        try (InputStream in = open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Deletes the recording file. */
    @Override
    public synchronized void close() throws IOException {
        finish();
        capture.close();
    }

    private static String escaped(byte[] bytes) {
        return ConsoleText.escape(bytes, bytes.length);
    }

    private byte[] redacted(byte[] data, int length) {
        if (redactor.isEmpty()) {
            return java.util.Arrays.copyOf(data, length);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(length);
        try (Redactor.RedactingStream stream = redactor.wrap(out)) {
            stream.write(data, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void write(Instant at, String separator, String text) {
        String record = TIME.format(at.truncatedTo(ChronoUnit.MILLIS)) + separator + text + "\n";
        try {
            capture.sink().write(record.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the console recording", e);
        }
    }
}
