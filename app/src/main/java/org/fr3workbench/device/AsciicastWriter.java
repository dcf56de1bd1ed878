package org.fr3workbench.device;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Writes an interactive session in asciicast v2 format (one JSON header line, then one JSON array per event:
 * {@code [seconds, "o", "text"]}), which asciinema and many web players replay. Output bytes are redacted and
 * decoded as UTF-8 across chunk boundaries (invalid bytes become U+FFFD). Keystrokes are recorded only when
 * asked for ({@link #input}), since an assessor may type passwords the workbench does not know.
 */
public final class AsciicastWriter implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Writer out;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Redactor.RedactingStream output;
    private final Redactor.RedactingStream input;
    private boolean closed;

    /**
     * Starts the recording by writing its header.
     *
     * @param out      where the cast goes (UTF-8); closed by {@link #close()}
     * @param columns  terminal width
     * @param rows     terminal height
     * @param start    wall-clock start (header timestamp)
     * @param title    shown by players, e.g. the channel description
     * @param redactor secrets to keep out of the recording
     * @param nanoTime monotonic clock for event times, normally {@code System::nanoTime}
     */
    public AsciicastWriter(Writer out, int columns, int rows, Instant start, String title, Redactor redactor,
                           LongSupplier nanoTime) throws IOException {
        this.out = out;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("version", 2);
        header.put("width", columns);
        header.put("height", rows);
        header.put("timestamp", start.getEpochSecond());
        header.put("title", redactor.redact(title));
        header.put("env", Map.of("TERM", "xterm-256color"));
        out.write(JSON.writeValueAsString(header));
        out.write('\n');
        this.output = redactor.wrap(new Utf8Events("o"));
        this.input = redactor.wrap(new Utf8Events("i"));
    }

    /** Records what the device printed. */
    public synchronized void output(byte[] data, int offset, int length) throws IOException {
        ensureOpen();
        output.write(data, offset, length);
    }

    /** Records keystrokes (only call this when the assessor agreed to record input). */
    public synchronized void input(byte[] data, int offset, int length) throws IOException {
        ensureOpen();
        input.write(data, offset, length);
    }

    /** Records a terminal resize. */
    public synchronized void resize(int columns, int rows) throws IOException {
        ensureOpen();
        event("r", columns + "x" + rows);
    }

    /** Records a marker (a chapter point in players), e.g. "evidence captured". */
    public synchronized void marker(String label) throws IOException {
        ensureOpen();
        event("m", label);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            output.close();
            input.close();
        } finally {
            closed = true;
            out.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the recording is closed");
        }
    }

    private void event(String code, String text) throws IOException {
        double seconds = (nanoTime.getAsLong() - startNanos) / 1e9;
        out.write(JSON.writeValueAsString(List.of(Math.round(seconds * 1e6) / 1e6, code, text)));
        out.write('\n');
        out.flush();
    }

    /** Decodes UTF-8 incrementally and writes each decoded piece as one event. */
    private final class Utf8Events extends OutputStream {
        private final String code;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private ByteBuffer leftover = ByteBuffer.allocate(0);

        Utf8Events(String code) {
            this.code = code;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int off, int len) throws IOException {
            decode(data, off, len, false);
        }

        @Override
        public void close() throws IOException {
            decode(new byte[0], 0, 0, true);
        }

        private void decode(byte[] data, int off, int len, boolean end) throws IOException {
            ByteBuffer in = ByteBuffer.allocate(leftover.remaining() + len);
            in.put(leftover).put(data, off, len).flip();
            CharBuffer chars = CharBuffer.allocate(in.remaining() + 4);
            decoder.decode(in, chars, end);
            if (end) {
                decoder.flush(chars);
            }
            leftover = in.slice();
            chars.flip();
            if (chars.hasRemaining()) {
                try {
                    event(code, chars.toString());
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
            }
        }
    }
}
