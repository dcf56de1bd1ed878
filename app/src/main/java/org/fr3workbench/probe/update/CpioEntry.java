package org.fr3workbench.probe.update;

import java.util.Objects;

/**
 * One member of an ASCII cpio archive, as its header describes it.
 *
 * @param format       newc or crc
 * @param name         the file name without the terminating NUL
 * @param ino          inode number
 * @param mode         file type and permission bits
 * @param uid          owner
 * @param gid          group
 * @param nlink        link count
 * @param mtime        modification time, seconds since the epoch
 * @param size         data size in bytes
 * @param devMajor     device major
 * @param devMinor     device minor
 * @param rdevMajor    rdev major
 * @param rdevMinor    rdev minor
 * @param checksum     the header's checksum field (the sum of the data bytes in the crc format, 0 in newc)
 * @param headerOffset where the header starts in the archive
 * @param dataOffset   where the data starts in the archive
 */
public record CpioEntry(CpioFormat format, String name, long ino, long mode, long uid, long gid, long nlink, long mtime,
                        long size, long devMajor, long devMinor, long rdevMajor, long rdevMinor, long checksum,
                        long headerOffset, long dataOffset) {

    /** The name of the entry that ends every archive. */
    public static final String TRAILER = "TRAILER!!!";
    /** Length of the fixed ASCII header. */
    public static final int HEADER_LENGTH = 110;
    /** Offset of the checksum field inside the header. */
    public static final int CHECKSUM_FIELD = 102;

    public CpioEntry {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(name, "name");
    }

    /** Whether this is the end-of-archive marker. */
    public boolean isTrailer() {
        return TRAILER.equals(name);
    }

    /** Whether the mode says regular file. */
    public boolean isRegularFile() {
        return (mode & 0170000) == 0100000;
    }

    /** The permission bits as octal text, e.g. {@code 100644}. */
    public String modeOctal() {
        return Long.toOctalString(mode);
    }

    /** Offset of the first byte after this entry's data and padding. */
    public long endOffset() {
        return align4(dataOffset + size);
    }

    /** The same entry with another size and checksum (for a re-packed member). */
    public CpioEntry withData(long newSize, long newChecksum) {
        return new CpioEntry(format, name, ino, mode, uid, gid, nlink, mtime, newSize, devMajor, devMinor, rdevMajor,
                rdevMinor, newChecksum, headerOffset, dataOffset);
    }

    static long align4(long offset) {
        return (offset + 3) & ~3L;
    }
}
