package org.fr3workbench.device;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.fr3workbench.domain.OutputDigest;

/**
 * One output stream of a command as it is captured: counted, hashed (SHA-256) and spooled to a temporary
 * file, never held in memory, so 100 MB of output costs only a buffer. After {@link #finish()} the digest
 * is fixed and the bytes can be read back with {@link #open()} (e.g. to store them as an evidence blob).
 * {@link #close()} deletes the spool file.
 */
public final class CapturedStream implements AutoCloseable {

    private final Path file;
    private final OutputStream fileOut;
    private final MessageDigest sha256;
    private final OutputStream sink = new Sink();
    private long size;
    private OutputDigest digest;

    private CapturedStream(Path file) throws IOException {
        this.file = file;
        this.fileOut = file == null ? null : new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024);
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    /** Spools to a new private temporary file in {@code directory}. */
    public static CapturedStream spooled(Path directory, String prefix) throws IOException {
        return new CapturedStream(Files.createTempFile(directory, prefix, ".out"));
    }

    /** Counts and hashes only; the bytes are dropped. */
    static CapturedStream digestOnly() throws IOException {
        return new CapturedStream(null);
    }

    /** Where the channel writes the (already redacted) bytes. */
    public OutputStream sink() {
        return sink;
    }

    /** Closes the spool for writing and fixes the digest. Idempotent. */
    public synchronized void finish() throws IOException {
        if (digest != null) {
            return;
        }
        if (fileOut != null) {
            fileOut.close();
        }
        digest = new OutputDigest(size, HexFormat.of().formatHex(sha256.digest()));
    }

    /** Size and SHA-256; only after {@link #finish()}. */
    public synchronized OutputDigest digest() {
        if (digest == null) {
            throw new IllegalStateException("the stream is still being captured");
        }
        return digest;
    }

    /** Bytes written so far. */
    public synchronized long size() {
        return size;
    }

    /** Whether the bytes were kept (spooled) or only digested. */
    public boolean isKept() {
        return file != null;
    }

    /** Reads the captured bytes back; only after {@link #finish()} and for a kept stream. */
    public InputStream open() throws IOException {
        digest();
        if (file == null) {
            throw new IllegalStateException("this output was only digested, not kept");
        }
        return Files.newInputStream(file);
    }

    /**
     * The first {@code maxBytes} bytes as UTF-8 text (malformed bytes become U+FFFD). For short outputs
     * such as {@code hostname}; use {@link #open()} for anything that may be large.
     */
    public String text(int maxBytes) {
        try (InputStream in = open()) {
            return new String(in.readNBytes(maxBytes), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read captured output " + file, e);
        }
    }

    /** Deletes the spool file. */
    @Override
    public void close() throws IOException {
        finish();
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private final class Sink extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int off, int len) throws IOException {
            synchronized (CapturedStream.this) {
                if (digest != null) {
                    throw new IOException("output capture already finished");
                }
                sha256.update(data, off, len);
                size += len;
                if (fileOut != null) {
                    fileOut.write(data, off, len);
                }
            }
        }
    }
}
