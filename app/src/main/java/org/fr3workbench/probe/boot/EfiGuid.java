package org.fr3workbench.probe.boot;

import java.util.Locale;

/** An EFI GUID in its mixed-endian byte layout (Data1..Data3 little-endian, Data4 as bytes). */
public record EfiGuid(String text) {

    /** EFI_CERT_X509_GUID: a DER X.509 certificate. */
    public static final EfiGuid CERT_X509 = new EfiGuid("a5c059a1-94e4-4aa7-87b5-ab155c2bf072");
    /** EFI_CERT_SHA256_GUID: a SHA-256 hash (of an image, Authenticode). */
    public static final EfiGuid CERT_SHA256 = new EfiGuid("c1c41626-504c-4092-aca9-41f936934328");
    /** EFI_CERT_X509_SHA256_GUID: SHA-256 of a certificate's TBSCertificate, plus a revocation time. */
    public static final EfiGuid CERT_X509_SHA256 = new EfiGuid("3bd2a492-96c0-4079-b420-fcf98ef103ed");

    public EfiGuid {
        text = text.toLowerCase(Locale.ROOT);
    }

    /** Reads 16 bytes at {@code offset}. */
    public static EfiGuid read(byte[] data, int offset) {
        return new EfiGuid(String.format("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                data[offset + 3], data[offset + 2], data[offset + 1], data[offset],
                data[offset + 5], data[offset + 4], data[offset + 7], data[offset + 6],
                data[offset + 8], data[offset + 9], data[offset + 10], data[offset + 11],
                data[offset + 12], data[offset + 13], data[offset + 14], data[offset + 15]));
    }

    /** The 16 bytes of this GUID. */
    public byte[] bytes() {
        String hex = text.replace("-", "");
        byte[] b = java.util.HexFormat.of().parseHex(hex);
        return new byte[] {b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]};
    }

    /** A short name for the well-known signature types. */
    public String typeName() {
        if (equals(CERT_X509)) {
            return "X509";
        }
        if (equals(CERT_SHA256)) {
            return "SHA256";
        }
        if (equals(CERT_X509_SHA256)) {
            return "X509_SHA256";
        }
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
