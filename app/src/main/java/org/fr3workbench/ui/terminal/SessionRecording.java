package org.fr3workbench.ui.terminal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.fr3workbench.device.AsciicastWriter;
import org.fr3workbench.device.Redactor;
import org.fr3workbench.device.serial.AnsiText;

/**
 * Records what an interactive terminal shows, in segments: each segment is an asciicast v2 file and a redacted raw
 * byte log (turned into plain text when stored). Secrets the channel knows are redacted from both before they
 * reach the disk. Written by the terminal's reader thread, cut by {@link #cut()} on a worker; thread-safe.
 */
final class SessionRecording implements AutoCloseable {

    /** One finished segment: plain text and asciicast, ready to be stored as evidence. */
    record Segment(int number, Instant started, Instant ended, String text, Path cast) {
    }

    private final Path directory;
    private final String title;
    private final Redactor redactor;
    private final Clock clock;
    private int columns;
    private int rows;
    private int number;
    private Instant started;
    private Path castFile;
    private Path rawFile;
    private AsciicastWriter cast;
    private Redactor.RedactingStream raw;
    private long bytes;

    SessionRecording(Path directory, String title, Redactor redactor, Clock clock, int columns, int rows) throws IOException {
        this.directory = Files.createDirectories(directory);
        this.title = title;
        this.redactor = redactor;
        this.clock = clock;
        this.columns = columns;
        this.rows = rows;
        begin();
    }

    private void begin() throws IOException {
        number++;
        started = clock.instant();
        castFile = Files.createTempFile(directory, "terminal-", ".cast");
        rawFile = Files.createTempFile(directory, "terminal-", ".log");
        Writer writer = Files.newBufferedWriter(castFile, StandardCharsets.UTF_8);
        cast = new AsciicastWriter(writer, columns, rows, started, title, redactor, System::nanoTime);
        OutputStream file = Files.newOutputStream(rawFile);
        raw = redactor.wrap(file);
        bytes = 0;
    }

    /** What the device printed. */
    synchronized void output(byte[] data, int offset, int length) throws IOException {
        cast.output(data, offset, length);
        raw.write(data, offset, length);
        bytes += length;
    }

    /** The terminal was resized. */
    synchronized void resize(int newColumns, int newRows) throws IOException {
        columns = newColumns;
        rows = newRows;
        cast.resize(newColumns, newRows);
    }

    /** A marker in the cast (e.g. "selection captured"). */
    synchronized void marker(String label) throws IOException {
        cast.marker(label);
    }

    /**
     * Ends the current segment and starts the next one.
     *
     * @return the ended segment, or {@code null} when nothing was printed in it
     */
    synchronized Segment cut() throws IOException {
        Segment ended = finish();
        begin();
        return ended;
    }

    /** Ends the recording and throws the last segment away (nothing is stored). */
    @Override
    public synchronized void close() throws IOException {
        Segment last = finish();
        if (last != null) {
            Files.deleteIfExists(last.cast());
        }
    }

    /** Ends the recording and returns the last segment, or {@code null} when nothing was printed in it. */
    synchronized Segment closeAndTake() throws IOException {
        return finish();
    }

    private Segment finish() throws IOException {
        if (cast == null) {
            return null;
        }
        cast.close();
        raw.close();
        cast = null;
        String text = plain(Files.readString(rawFile, StandardCharsets.UTF_8));
        Files.deleteIfExists(rawFile);
        if (bytes == 0) {
            Files.deleteIfExists(castFile);
            return null;
        }
        return new Segment(number, started, clock.instant(), text, castFile);
    }

    /** Terminal output as plain text: escape sequences removed, CR LF as LF, bare CRs dropped. */
    static String plain(String terminalText) {
        return AnsiText.strip(terminalText).replace("\r\n", "\n").replace("\r", "").replace("\u0007", "");
    }
}
