package org.fr3workbench.probe.update;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/**
 * Builds a real signed SWUpdate image for tests: an sw-description in libconfig syntax with a
 * hardware-compatibility list and one file with its sha256, a payload, and a detached CMS signature
 * made with Bouncy Castle; packed as GNU cpio packs it.
 */
public final class SwuFixture {

    public static final String BOARD = "fr3-board";
    public static final String REVISION = "1.0";
    static final String PAYLOAD = "rootfs-overlay.bin";

    final Path dir;
    public final Path image;
    public final Path certificate;
    final CmsSigner.KeyAndCertificate key;
    final byte[] description;
    final byte[] signature;
    final byte[] payload;

    private SwuFixture(Path dir, Path image, Path certificate, CmsSigner.KeyAndCertificate key, byte[] description,
                       byte[] signature, byte[] payload) {
        this.dir = dir;
        this.image = image;
        this.certificate = certificate;
        this.key = key;
        this.description = description;
        this.signature = signature;
        this.payload = payload;
    }

    /**
     * @param dir         where to write image, certificate and parts
     * @param format      cpio format
     * @param payloadSize bytes of (pseudo-random) payload
     * @param installPath where the payload would be installed (only in a full install)
     */
    public static SwuFixture build(Path dir, CpioFormat format, int payloadSize, String installPath) throws Exception {
        Files.createDirectories(dir);
        CmsSigner signer = new CmsSigner();
        CmsSigner.KeyAndCertificate key = signer.generate("FR3 test update signer", Duration.ofDays(2));
        byte[] payload = new byte[payloadSize];
        new Random(42).nextBytes(payload);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        String description = """
                software =
                {
                \tversion = "1.2.3";
                \tdescription = "FR3 Workbench test update";
                \thardware-compatibility: [ "%s" ];
                \tfiles: (
                \t\t{
                \t\t\tfilename = "%s";
                \t\t\tpath = "%s";
                \t\t\tsha256 = "%s";
                \t\t}
                \t);
                };
                """.formatted(REVISION, PAYLOAD, installPath, sha);
        byte[] descriptionBytes = description.getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.signDetached(descriptionBytes, key);
        Path image = dir.resolve("update.swu");
        try (OutputStream out = Files.newOutputStream(image)) {
            CpioWriter writer = new CpioWriter(out);
            writer.writeEntry(entry(format, 1, SwuInspection.DESCRIPTION, descriptionBytes), descriptionBytes);
            writer.writeEntry(entry(format, 2, SwuInspection.SIGNATURE, signature), signature);
            writer.writeEntry(entry(format, 3, PAYLOAD, payload), payload);
            writer.finish(format);
        }
        Path cert = dir.resolve("swupdate-sign.crt");
        Files.writeString(cert, pem(key.certificate()));
        Files.write(dir.resolve("sw-description"), descriptionBytes);
        Files.write(dir.resolve("sw-description.sig"), signature);
        return new SwuFixture(dir, image, cert, key, descriptionBytes, signature, payload);
    }

    static CpioEntry entry(CpioFormat format, long ino, String name, byte[] data) {
        long checksum = format == CpioFormat.CRC ? CpioWriter.checksum(data) : 0;
        return new CpioEntry(format, name, ino, 0100644, 0, 0, 1, 1_700_000_000L, data.length, 0, 0, 0, 0, checksum, 0, 0);
    }

    static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
