package org.fr3workbench.device;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces every occurrence of the session's secrets (as UTF-8 bytes) with {@value #MARK}, in streams and in
 * text. A device that echoes a password at a login prompt, or a command that prints one, must not put it into
 * a transcript, a recording or a log. Streams keep back at most (longest secret - 1) bytes until the next
 * write or {@link RedactingStream#finish()}, so a secret split across two reads is still caught.
 */
public final class Redactor implements AutoCloseable {

    /** What a secret is replaced with. */
    public static final String MARK = "[redacted]";
    private static final byte[] MARK_BYTES = MARK.getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> secrets = new CopyOnWriteArrayList<>();

    /** Adds a secret to redact from now on. The redactor keeps its own copy of the bytes until {@link #close()}. */
    public void add(Secret secret) {
        if (!secret.isEmpty()) {
            secrets.add(secret.utf8());
        }
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** The text with every secret replaced. */
    public String redact(String text) {
        if (secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (byte[] secret : secrets) {
            String plain = new String(secret, StandardCharsets.UTF_8);
            result = result.replace(plain, MARK);
        }
        return result;
    }

    /** Wraps {@code target}; bytes written are redacted before they reach it. */
    public RedactingStream wrap(OutputStream target) {
        return new RedactingStream(target, List.copyOf(secrets));
    }

    /** Overwrites the kept copies of the secrets. */
    @Override
    public void close() {
        for (byte[] secret : secrets) {
            Arrays.fill(secret, (byte) 0);
        }
        secrets.clear();
    }

    /** An output stream that redacts; {@link #finish()} flushes what it kept back. */
    public static final class RedactingStream extends OutputStream {

        private final OutputStream target;
        private final List<byte[]> secrets;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private byte[] pending = new byte[0];
        private int redactions;

        private RedactingStream(OutputStream target, List<byte[]> secrets) {
            this.target = target;
            this.secrets = new ArrayList<>(secrets);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int off, int len) throws IOException {
            if (secrets.isEmpty()) {
                target.write(data, off, len);
                return;
            }
            byte[] work = new byte[pending.length + len];
            System.arraycopy(pending, 0, work, 0, pending.length);
            System.arraycopy(data, off, work, pending.length, len);
            int keepFrom = scan(work, false);
            pending = Arrays.copyOfRange(work, keepFrom, work.length);
            emit();
        }

        /** Writes out what was kept back (it cannot be the start of a secret any more). */
        public void finish() throws IOException {
            scan(pending, true);
            pending = new byte[0];
            emit();
            target.flush();
        }

        /** How many secrets were replaced so far. */
        public int redactions() {
            return redactions;
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }

        @Override
        public void close() throws IOException {
            finish();
            target.close();
        }

        private void emit() throws IOException {
            if (out.size() > 0) {
                out.writeTo(target);
                out.reset();
            }
        }

        /** Copies {@code work} to {@code out} with secrets replaced; returns where a possible partial match starts. */
        private int scan(byte[] work, boolean atEnd) {
            int i = 0;
            int runStart = 0;
            while (i < work.length) {
                if (!atEnd && partialMatchAtEnd(work, i)) {
                    break; // a (longer) secret may start here: wait for more bytes
                }
                int matched = fullMatch(work, i);
                if (matched > 0) {
                    out.write(work, runStart, i - runStart);
                    out.write(MARK_BYTES, 0, MARK_BYTES.length);
                    redactions++;
                    i += matched;
                    runStart = i;
                } else {
                    i++;
                }
            }
            out.write(work, runStart, i - runStart);
            return i;
        }

        private int fullMatch(byte[] work, int at) {
            int best = 0;
            for (byte[] secret : secrets) {
                if (secret.length > best && at + secret.length <= work.length && work[at] == secret[0]
                        && Arrays.equals(work, at, at + secret.length, secret, 0, secret.length)) {
                    best = secret.length;
                }
            }
            return best;
        }

        private boolean partialMatchAtEnd(byte[] work, int at) {
            int rest = work.length - at;
            for (byte[] secret : secrets) {
                if (rest < secret.length && work[at] == secret[0] && Arrays.equals(work, at, work.length, secret, 0, rest)) {
                    return true;
                }
            }
            return false;
        }
    }
}
