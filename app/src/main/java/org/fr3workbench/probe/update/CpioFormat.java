package org.fr3workbench.probe.update;

import java.util.Optional;

/** The two ASCII cpio formats that SWUpdate reads. */
public enum CpioFormat {
    /** SVR4 "newc" without checksums ({@code cpio -H newc}). */
    NEWC("070701"),
    /** SVR4 with a 32-bit sum of the data bytes per entry ({@code cpio -H crc}). */
    CRC("070702");

    private final String magic;

    CpioFormat(String magic) {
        this.magic = magic;
    }

    /** The six ASCII characters every header starts with. */
    public String magic() {
        return magic;
    }

    /** The format with this magic, if any. */
    public static Optional<CpioFormat> ofMagic(String magic) {
        for (CpioFormat format : values()) {
            if (format.magic.equals(magic)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
