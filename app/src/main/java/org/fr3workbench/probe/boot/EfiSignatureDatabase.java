package org.fr3workbench.probe.boot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * A UEFI signature database ({@code db}, {@code dbx}, {@code KEK}): a sequence of
 * EFI_SIGNATURE_LISTs, each a type GUID, its sizes, a header and entries of an owner GUID and the
 * signature data. Read from an .esl file or from efivarfs, where 4 bytes of attributes come first.
 *
 * @param attributes the efivarfs attribute word, or -1 when the bytes had none
 * @param entries    every entry of every list, in order
 */
public record EfiSignatureDatabase(long attributes, List<Entry> entries) {

    /** Attribute bits an efivarfs file can carry (NV, BS, RT, HW error, auth, time-based auth, append). */
    private static final long KNOWN_ATTRIBUTES = 0x7f;

    public EfiSignatureDatabase {
        entries = List.copyOf(entries);
    }

    /**
     * One signature.
     *
     * @param type  the list's type GUID
     * @param owner the entry's owner GUID
     * @param data  the signature data (DER certificate, 32-byte hash ...)
     */
    public record Entry(EfiGuid type, EfiGuid owner, byte[] data) {
        public Entry {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        /** The data as hex (for hashes). */
        public String hex() {
            return HexFormat.of().formatHex(data);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry e && type.equals(e.type) && owner.equals(e.owner) && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * type.hashCode() + owner.hashCode()) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return type.typeName() + " owner " + owner + " (" + data.length + " bytes)";
        }
    }

    /** Entries of one type. */
    public List<Entry> ofType(EfiGuid type) {
        return entries.stream().filter(e -> e.type().equals(type)).toList();
    }

    /**
     * Reads a database; an efivarfs attribute prefix is recognised and skipped. An empty file (or an
     * efivarfs file with only attributes) is an empty database.
     */
    public static EfiSignatureDatabase read(byte[] bytes) throws PeFormatException {
        if (bytes.length >= 4 && hasAttributePrefix(bytes)) {
            long attributes = new PeImage.Bytes(bytes).u32(0, "attributes");
            return new EfiSignatureDatabase(attributes, parseLists(bytes, 4));
        }
        return new EfiSignatureDatabase(-1, parseLists(bytes, 0));
    }

    private static boolean hasAttributePrefix(byte[] bytes) {
        long word = (bytes[0] & 0xffL) | (bytes[1] & 0xffL) << 8 | (bytes[2] & 0xffL) << 16 | (bytes[3] & 0xffL) << 24;
        return word != 0 && (word & ~KNOWN_ATTRIBUTES) == 0;
    }

    /** Parses EFI_SIGNATURE_LISTs from {@code start} to the end. */
    static List<Entry> parseLists(byte[] bytes, int start) throws PeFormatException {
        PeImage.Bytes b = new PeImage.Bytes(bytes);
        List<Entry> entries = new ArrayList<>();
        int at = start;
        while (at < bytes.length) {
            b.require(at, 28, "EFI_SIGNATURE_LIST header");
            EfiGuid type = EfiGuid.read(bytes, at);
            long listSize = b.u32(at + 16, "SignatureListSize");
            long headerSize = b.u32(at + 20, "SignatureHeaderSize");
            long signatureSize = b.u32(at + 24, "SignatureSize");
            if (listSize < 28 || at + listSize > bytes.length) {
                throw new PeFormatException("signature list at byte " + at + " has size " + listSize + ", the data has "
                        + (bytes.length - at));
            }
            if (signatureSize < 16 || headerSize > listSize - 28 || (listSize - 28 - headerSize) % signatureSize != 0) {
                throw new PeFormatException("signature list at byte " + at + ": signature size " + signatureSize + " and header size "
                        + headerSize + " do not divide the list size " + listSize);
            }
            int entry = (int) (at + 28 + headerSize);
            int end = (int) (at + listSize);
            while (entry < end) {
                EfiGuid owner = EfiGuid.read(bytes, entry);
                entries.add(new Entry(type, owner, Arrays.copyOfRange(bytes, entry + 16, (int) (entry + signatureSize))));
                entry += (int) signatureSize;
            }
            at = end;
        }
        return entries;
    }
}
