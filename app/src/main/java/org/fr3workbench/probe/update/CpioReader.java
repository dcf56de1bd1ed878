package org.fr3workbench.probe.update;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads an ASCII cpio archive (newc or crc) as a stream, one entry at a time, never holding more
 * than one buffer of it: SWUpdate images can be hundreds of megabytes. In the crc format the sum of
 * each entry's data is checked against its header as the data passes. Anything malformed (bad
 * magic, non-hex field, missing NUL, truncation, wrong checksum) throws {@link CpioException} with
 * the byte offset.
 *
 * <pre>{@code
 * try (CpioReader reader = new CpioReader(in)) {
 *     for (CpioEntry e = reader.next(); e != null && !e.isTrailer(); e = reader.next()) {
 *         reader.data().transferTo(out);
 *     }
 * }
 * }</pre>
 */
public final class CpioReader implements Closeable {

    /** Longest file name accepted (PATH_MAX); longer names are taken as corruption. */
    public static final int MAX_NAME = 4096;
    private static final String[] FIELDS = {"ino", "mode", "uid", "gid", "nlink", "mtime", "filesize",
        "devmajor", "devminor", "rdevmajor", "rdevminor", "namesize", "check"};

    private final InputStream in;
    private long position;
    private CpioEntry current;
    private long remaining;
    private long sum;
    private byte[] rawHeader = new byte[0];
    private boolean ended;

    public CpioReader(InputStream in) {
        this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 64 * 1024);
    }

    /**
     * Moves to the next entry, skipping (and checking) what is left of the current one.
     *
     * @return the next entry, the trailer entry as the last one, then {@code null}
     */
    public CpioEntry next() throws IOException {
        if (ended) {
            return null;
        }
        if (current != null) {
            finishCurrent();
        }
        long headerOffset = position;
        byte[] header = new byte[CpioEntry.HEADER_LENGTH];
        int got = readUpTo(header, 0, header.length);
        if (got == 0) {
            throw new CpioException("the archive ends without a " + CpioEntry.TRAILER + " entry", position);
        }
        if (got < header.length) {
            throw new CpioException("the archive ends inside a cpio header", position);
        }
        String magic = new String(header, 0, 6, StandardCharsets.US_ASCII);
        CpioFormat format = CpioFormat.ofMagic(magic).orElseThrow(() -> new CpioException(
                "not a newc/crc cpio header: magic '" + printable(magic) + "' instead of 070701 or 070702", headerOffset));
        long[] f = new long[FIELDS.length];
        for (int i = 0; i < FIELDS.length; i++) {
            f[i] = hex(header, 6 + 8 * i, FIELDS[i], headerOffset);
        }
        long nameSize = f[11];
        if (nameSize < 1 || nameSize > MAX_NAME) {
            throw new CpioException("name size " + nameSize + " is out of range (1.." + MAX_NAME + ")", headerOffset);
        }
        int padding = (int) (CpioEntry.align4(CpioEntry.HEADER_LENGTH + nameSize) - CpioEntry.HEADER_LENGTH - nameSize);
        byte[] raw = new byte[(int) (CpioEntry.HEADER_LENGTH + nameSize + padding)];
        System.arraycopy(header, 0, raw, 0, header.length);
        if (readUpTo(raw, header.length, raw.length - header.length) < raw.length - header.length) {
            throw new CpioException("the archive ends inside the name of an entry", position);
        }
        if (raw[(int) (CpioEntry.HEADER_LENGTH + nameSize - 1)] != 0) {
            throw new CpioException("the entry name is not NUL-terminated", headerOffset + CpioEntry.HEADER_LENGTH);
        }
        String name = new String(raw, CpioEntry.HEADER_LENGTH, (int) nameSize - 1, StandardCharsets.UTF_8);
        if (format == CpioFormat.NEWC && f[12] != 0) {
            throw new CpioException("newc entry '" + name + "' has a non-zero checksum field", headerOffset);
        }
        current = new CpioEntry(format, name, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f[12],
                headerOffset, position);
        rawHeader = raw;
        remaining = current.size();
        sum = 0;
        if (current.isTrailer()) {
            finishCurrent();
            ended = true;
            CpioEntry trailer = current;
            current = null;
            return trailer;
        }
        return current;
    }

    /** The header, name and padding bytes of the entry last returned, exactly as in the archive. */
    public byte[] rawHeader() {
        return rawHeader.clone();
    }

    /** How many bytes have been read so far. */
    public long position() {
        return position;
    }

    /** The current entry's data; reading it to the end checks the crc checksum. */
    public InputStream data() {
        if (current == null) {
            throw new IllegalStateException("no current entry");
        }
        return new EntryData();
    }

    /** Reads what follows the trailer (the padding to the block size) and returns its length. */
    public long skipTrailingPadding() throws IOException {
        if (!ended) {
            throw new IllegalStateException("the trailer has not been read yet");
        }
        long skipped = 0;
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            skipped += n;
            position += n;
        }
        return skipped;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void finishCurrent() throws IOException {
        byte[] buffer = new byte[8192];
        while (remaining > 0) {
            int n = readData(buffer, 0, buffer.length);
            if (n < 0) {
                break;
            }
        }
        long padding = CpioEntry.align4(position) - position;
        byte[] pad = new byte[(int) padding];
        if (readUpTo(pad, 0, pad.length) < pad.length) {
            throw new CpioException("the archive ends in the padding after '" + current.name() + "'", position);
        }
    }

    private int readData(byte[] buffer, int offset, int length) throws IOException {
        if (remaining == 0) {
            return -1;
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remaining));
        if (n < 0) {
            throw new CpioException("the archive ends inside the data of '" + current.name() + "': " + remaining
                    + " of " + current.size() + " bytes missing", position);
        }
        for (int i = offset; i < offset + n; i++) {
            sum += buffer[i] & 0xff;
        }
        position += n;
        remaining -= n;
        if (remaining == 0) {
            checkSum();
        }
        return n;
    }

    private void checkSum() throws CpioException {
        long computed = sum & 0xffffffffL;
        if (current.format() == CpioFormat.CRC && computed != current.checksum()) {
            throw new CpioException(String.format("checksum of '%s' is wrong: header says %08X, data sums to %08X",
                    current.name(), current.checksum(), computed), current.headerOffset());
        }
    }

    private int readUpTo(byte[] buffer, int offset, int length) throws IOException {
        int total = 0;
        while (total < length) {
            int n = in.read(buffer, offset + total, length - total);
            if (n < 0) {
                break;
            }
            total += n;
            position += n;
        }
        return total;
    }

    private static long hex(byte[] header, int start, String field, long headerOffset) throws CpioException {
        long value = 0;
        for (int i = start; i < start + 8; i++) {
            int digit = Character.digit(header[i], 16);
            if (digit < 0) {
                throw new CpioException("header field '" + field + "' is not hexadecimal: '"
                        + printable(new String(header, start, 8, StandardCharsets.US_ASCII)) + "'", headerOffset + start);
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return out.toString();
    }

    /** The current entry's data, bounded by its size. */
    private final class EntryData extends InputStream {
        private final CpioEntry entry = current;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (current != entry) {
                throw new IllegalStateException("the reader has moved past '" + entry.name() + "'");
            }
            return length == 0 ? 0 : readData(buffer, offset, length);
        }
    }
}
