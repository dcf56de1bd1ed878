package org.fr3workbench.probe.update;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes an ASCII cpio archive (newc or crc) as GNU cpio does: upper-case hex headers, names and
 * data padded to four bytes, the archive padded with zeros to a multiple of 512 bytes after the
 * trailer. Untouched members can be copied with their original header bytes through
 * {@link #writeRaw(byte[])}.
 */
public final class CpioWriter {

    /** GNU cpio's output block size. */
    public static final int BLOCK = 512;

    private final OutputStream out;
    private long position;

    public CpioWriter(OutputStream out) {
        this.out = out;
    }

    /** Bytes written so far. */
    public long position() {
        return position;
    }

    /** Writes a header (with its name and padding) for {@code entry}, then its data and padding. */
    public void writeEntry(CpioEntry entry, byte[] data) throws IOException {
        if (entry.size() != data.length) {
            throw new IllegalArgumentException("entry '" + entry.name() + "' says " + entry.size() + " bytes, data has " + data.length);
        }
        writeRaw(header(entry));
        writeRaw(data);
        pad(4);
    }

    /** The header, name and padding bytes for an entry. */
    public static byte[] header(CpioEntry entry) {
        byte[] name = (entry.name() + "\0").getBytes(StandardCharsets.UTF_8);
        long[] fields = {entry.ino(), entry.mode(), entry.uid(), entry.gid(), entry.nlink(), entry.mtime(), entry.size(),
            entry.devMajor(), entry.devMinor(), entry.rdevMajor(), entry.rdevMinor(), name.length,
            entry.format() == CpioFormat.CRC ? entry.checksum() : 0};
        StringBuilder text = new StringBuilder(entry.format().magic());
        for (long field : fields) {
            text.append(String.format("%08X", field & 0xffffffffL));
        }
        byte[] fixed = text.toString().getBytes(StandardCharsets.US_ASCII);
        int total = (int) CpioEntry.align4(fixed.length + name.length);
        byte[] header = new byte[total];
        System.arraycopy(fixed, 0, header, 0, fixed.length);
        System.arraycopy(name, 0, header, fixed.length, name.length);
        return header;
    }

    /** Copies bytes as they are (a member's original header, or its data). */
    public void writeRaw(byte[] bytes) throws IOException {
        writeRaw(bytes, 0, bytes.length);
    }

    /** Copies part of a buffer as it is. */
    public void writeRaw(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        position += length;
    }

    /** Writes zeros up to the next multiple of {@code alignment}. */
    public void pad(int alignment) throws IOException {
        long padding = (alignment - position % alignment) % alignment;
        out.write(new byte[(int) padding]);
        position += padding;
    }

    /** Writes the trailer entry in the given format and pads the archive to the block size. */
    public void finish(CpioFormat format) throws IOException {
        writeRaw(header(new CpioEntry(format, CpioEntry.TRAILER, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        pad(BLOCK);
        out.flush();
    }

    /** Writes a trailer copied from the source archive and pads the archive to the block size. */
    public void finishRaw(byte[] rawTrailer) throws IOException {
        writeRaw(rawTrailer);
        pad(BLOCK);
        out.flush();
    }

    /** The crc-format checksum of some data: the sum of its bytes, modulo 2^32. */
    public static long checksum(byte[] data) {
        long sum = 0;
        for (byte b : data) {
            sum += b & 0xff;
        }
        return sum & 0xffffffffL;
    }
}
