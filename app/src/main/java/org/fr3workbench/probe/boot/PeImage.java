package org.fr3workbench.probe.boot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The parts of a PE/COFF image (an EFI application, a unified kernel image) that Authenticode
 * needs: where the checksum, the certificate-table directory entry and the certificate table are,
 * the size of the headers, and the sections. Every offset is checked against the file length, so
 * a malformed file gives a {@link PeFormatException}, never an index error.
 *
 * @param machine           COFF machine type, e.g. 0x8664 (x86-64), 0xAA64 (arm64)
 * @param pe32Plus          whether the optional header is PE32+ (64-bit)
 * @param subsystem         e.g. 10 = EFI application
 * @param checksumOffset    file offset of the optional header's CheckSum field
 * @param certEntryOffset   file offset of the certificate-table data-directory entry, or -1 when the header has none
 * @param certTableOffset   file offset of the certificate table, 0 when there is none
 * @param certTableSize     its size in bytes, 0 when there is none
 * @param sizeOfHeaders     the optional header's SizeOfHeaders
 * @param sections          the sections, in file order of their raw data
 */
public record PeImage(int machine, boolean pe32Plus, int subsystem, int checksumOffset, int certEntryOffset, int certTableOffset,
                      int certTableSize, int sizeOfHeaders, List<Section> sections) {

    /** Largest image accepted (EFI binaries are a few MB; unified kernel images some tens). */
    public static final int MAX_SIZE = 512 * 1024 * 1024;
    /** Data directory index of the certificate table. */
    public static final int CERT_DIRECTORY = 4;

    public PeImage {
        sections = List.copyOf(sections);
    }

    /** Whether the image carries a certificate table. */
    public boolean hasCertificateTable() {
        return certTableSize > 0;
    }

    /** The subsystem as text. */
    public String subsystemName() {
        return switch (subsystem) {
            case 10 -> "EFI application";
            case 11 -> "EFI boot service driver";
            case 12 -> "EFI runtime driver";
            case 13 -> "EFI ROM";
            default -> "subsystem " + subsystem;
        };
    }

    /** The machine as text. */
    public String machineName() {
        return switch (machine) {
            case 0x8664 -> "x86-64";
            case 0x14c -> "i386";
            case 0xaa64 -> "arm64";
            case 0x1c2, 0x1c4 -> "arm";
            case 0x5064 -> "riscv64";
            default -> String.format("0x%04x", machine);
        };
    }

    /**
     * One section header.
     *
     * @param name             up to 8 characters
     * @param pointerToRawData file offset of its data
     * @param sizeOfRawData    size of its data in the file
     */
    public record Section(String name, int pointerToRawData, int sizeOfRawData) {
    }

    /** Parses the headers of a PE/COFF file. */
    public static PeImage parse(byte[] file) throws PeFormatException {
        if (file.length > MAX_SIZE) {
            throw new PeFormatException("the file is larger than " + MAX_SIZE + " bytes");
        }
        Bytes b = new Bytes(file);
        if (file.length < 64 || b.u16(0, "DOS header") != 0x5a4d) {
            throw new PeFormatException("no MZ signature at byte 0: not a PE/COFF file");
        }
        int pe = b.i32(0x3c, "e_lfanew");
        if (pe < 0 || b.u32(pe, "PE signature") != 0x00004550L) {
            throw new PeFormatException("no PE signature at byte " + pe + " (e_lfanew)");
        }
        int coff = pe + 4;
        int machine = b.u16(coff, "COFF machine");
        int sectionCount = b.u16(coff + 2, "NumberOfSections");
        int optionalSize = b.u16(coff + 16, "SizeOfOptionalHeader");
        int optional = coff + 20;
        int magic = b.u16(optional, "optional header magic");
        boolean plus;
        if (magic == 0x20b) {
            plus = true;
        } else if (magic == 0x10b) {
            plus = false;
        } else {
            throw new PeFormatException(String.format("optional header magic 0x%04x at byte %d is neither PE32 nor PE32+",
                    magic, optional));
        }
        int minimum = plus ? 112 : 96;
        if (optionalSize < minimum) {
            throw new PeFormatException("SizeOfOptionalHeader " + optionalSize + " is smaller than the fixed part (" + minimum + ")");
        }
        int sizeOfHeaders = b.i32(optional + 60, "SizeOfHeaders");
        int subsystem = b.u16(optional + 68, "Subsystem");
        int checksum = optional + 64;
        b.u32(checksum, "CheckSum");
        long dirCount = b.u32(optional + (plus ? 108 : 92), "NumberOfRvaAndSizes");
        int directories = optional + minimum;
        int certEntry = -1;
        int certOffset = 0;
        int certSize = 0;
        if (dirCount > CERT_DIRECTORY && directories + (CERT_DIRECTORY + 1) * 8 <= optional + optionalSize) {
            certEntry = directories + CERT_DIRECTORY * 8;
            certOffset = b.i32(certEntry, "certificate table offset");
            certSize = b.i32(certEntry + 4, "certificate table size");
            if (certSize != 0 && (certOffset <= 0 || (long) certOffset + certSize > file.length)) {
                throw new PeFormatException("certificate table at " + Integer.toUnsignedString(certOffset) + " (+"
                        + Integer.toUnsignedString(certSize) + " bytes) lies outside the file (" + file.length + " bytes)");
            }
            if (certSize == 0) {
                certOffset = 0;
            }
        }
        if (sizeOfHeaders < checksum + 4 || sizeOfHeaders > file.length || (certEntry > 0 && sizeOfHeaders < certEntry + 8)) {
            throw new PeFormatException("SizeOfHeaders " + Integer.toUnsignedString(sizeOfHeaders) + " does not fit the file ("
                    + file.length + " bytes) and its headers");
        }
        int sectionTable = optional + optionalSize;
        List<Section> sections = new ArrayList<>();
        for (int i = 0; i < sectionCount; i++) {
            int at = sectionTable + i * 40;
            b.require(at, 40, "section header " + i);
            String name = new String(file, at, 8, java.nio.charset.StandardCharsets.ISO_8859_1).replace("\0", "");
            int rawSize = b.i32(at + 16, "SizeOfRawData");
            int rawPointer = b.i32(at + 20, "PointerToRawData");
            if (rawSize == 0) {
                continue;
            }
            if (rawSize < 0 || rawPointer < 0 || (long) rawPointer + rawSize > file.length) {
                throw new PeFormatException("section '" + name + "' data (" + Integer.toUnsignedString(rawPointer) + " +"
                        + Integer.toUnsignedString(rawSize) + ") lies outside the file (" + file.length + " bytes)");
            }
            sections.add(new Section(name, rawPointer, rawSize));
        }
        sections.sort(Comparator.comparingInt(Section::pointerToRawData));
        return new PeImage(machine, plus, subsystem, checksum, certEntry, certOffset, certSize, sizeOfHeaders, sections);
    }

    /** Little-endian reads that name the field when they would run past the end. */
    record Bytes(byte[] data) {
        void require(long at, int length, String field) throws PeFormatException {
            if (at < 0 || at + length > data.length) {
                throw new PeFormatException("the file ends before " + field + " (byte " + at + ", file has " + data.length + ")");
            }
        }

        int u16(long at, String field) throws PeFormatException {
            require(at, 2, field);
            int i = (int) at;
            return (data[i] & 0xff) | (data[i + 1] & 0xff) << 8;
        }

        long u32(long at, String field) throws PeFormatException {
            require(at, 4, field);
            int i = (int) at;
            return (data[i] & 0xffL) | (data[i + 1] & 0xffL) << 8 | (data[i + 2] & 0xffL) << 16 | (data[i + 3] & 0xffL) << 24;
        }

        int i32(long at, String field) throws PeFormatException {
            return (int) u32(at, field);
        }
    }
}
