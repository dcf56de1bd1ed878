package org.fr3workbench.probe.boot;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The Authenticode image digest of a PE/COFF file (Microsoft's "Windows Authenticode Portable
 * Executable Signature Format"): the headers without the CheckSum field and the certificate-table
 * directory entry, then each section's raw data in file order, then whatever follows the sections
 * up to the certificate table (the table itself is never hashed).
 */
public final class AuthenticodeDigest {

    private AuthenticodeDigest() {
    }

    /**
     * @param file      the whole file
     * @param image     its parsed headers
     * @param algorithm a JCA digest name, e.g. SHA-256
     */
    public static byte[] compute(byte[] file, PeImage image, String algorithm) throws PeFormatException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new PeFormatException("digest algorithm " + algorithm + " is not available", e);
        }
        int headers = image.sizeOfHeaders();
        int checksum = image.checksumOffset();
        digest.update(file, 0, checksum);
        if (image.certEntryOffset() > 0) {
            int cert = image.certEntryOffset();
            digest.update(file, checksum + 4, cert - checksum - 4);
            digest.update(file, cert + 8, headers - cert - 8);
        } else {
            digest.update(file, checksum + 4, headers - checksum - 4);
        }
        long hashed = headers;
        for (PeImage.Section section : image.sections()) {
            digest.update(file, section.pointerToRawData(), section.sizeOfRawData());
            hashed += section.sizeOfRawData();
        }
        int end = image.hasCertificateTable() ? image.certTableOffset() : file.length;
        if (hashed < end) {
            digest.update(file, (int) hashed, (int) (end - hashed));
        } else if (hashed > file.length) {
            throw new PeFormatException("the sections add up to " + hashed + " bytes, more than the file (" + file.length + ")");
        }
        return digest.digest();
    }
}
