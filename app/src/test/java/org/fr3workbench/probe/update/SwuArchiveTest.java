package org.fr3workbench.probe.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.testsupport.Peers;
import org.fr3workbench.testsupport.Processes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cpio reader and writer, and the signature report, on a real signed image built here. */
class SwuArchiveTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(CpioFormat.class)
    void readsEveryMemberWithSizeModeAndChecksum(CpioFormat format) throws Exception {
        SwuFixture swu = SwuFixture.build(dir, format, 10_000, "/tmp/never-installed");

        SwuInspection inspection = new SwuInspector().inspect(swu.image, Optional.of(certificate(swu.certificate)));

        assertThat(inspection.structureOk()).as(inspection.problem()).isTrue();
        assertThat(inspection.format()).contains(format);
        assertThat(inspection.entries()).extracting(m -> m.entry().name())
                .containsExactly("sw-description", "sw-description.sig", SwuFixture.PAYLOAD);
        assertThat(inspection.entries()).extracting(m -> m.entry().size())
                .containsExactly((long) swu.description.length, (long) swu.signature.length, (long) swu.payload.length);
        assertThat(inspection.entries()).allSatisfy(m -> assertThat(m.entry().modeOctal()).isEqualTo("100644"));
        long expected = format == CpioFormat.CRC ? CpioWriter.checksum(swu.payload) : 0;
        assertThat(inspection.entries().get(2).entry().checksum()).isEqualTo(expected);
        assertThat(inspection.entries().get(2).listedInDescription()).isTrue();
        assertThat(inspection.orderOk()).isTrue();
        assertThat(inspection.size() % CpioWriter.BLOCK).isZero();
        assertThat(inspection.swDescription()).hasValueSatisfying(d -> assertThat(d).isEqualTo(swu.description));
    }

    @Test
    void reportsTheSignerAndVerifiesWithEmbeddedAndGivenCertificate() throws Exception {
        SwuFixture swu = SwuFixture.build(dir, CpioFormat.CRC, 1000, "/tmp/x");
        X509Certificate cert = certificate(swu.certificate);

        CmsSignatureReport report = new SwuInspector().inspect(swu.image, Optional.of(cert)).signature().orElseThrow();

        assertThat(report.parsed()).isTrue();
        assertThat(report.detached()).isTrue();
        assertThat(report.signers()).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("CN=FR3 test update signer");
            assertThat(s.issuer()).isEqualTo("CN=FR3 test update signer");
            assertThat(s.serial()).isEqualTo(cert.getSerialNumber().toString(16));
            assertThat(s.digestAlgorithm()).isEqualTo("SHA256");
            assertThat(s.signatureAlgorithm()).containsIgnoringCase("RSA");
            assertThat(s.signingTime()).isPresent();
            assertThat(s.verifiesWithEmbedded()).contains(true);
            assertThat(s.verifiesWithGiven()).contains(true);
        });
    }

    @Test
    void aCertificateThatDidNotSignDoesNotVerify() throws Exception {
        SwuFixture swu = SwuFixture.build(dir.resolve("a"), CpioFormat.CRC, 100, "/tmp/x");
        SwuFixture other = SwuFixture.build(dir.resolve("b"), CpioFormat.CRC, 100, "/tmp/x");

        CmsSignatureReport report = new SwuInspector().inspect(swu.image, Optional.of(certificate(other.certificate)))
                .signature().orElseThrow();

        assertThat(report.verifiesWithEmbedded()).isTrue();
        assertThat(report.verifiesWithGiven()).isFalse();
        assertThat(report.signers().getFirst().detail()).contains("given certificate");
    }

    @Test
    void garbageIsReportedAsNotACmsSignature() {
        CmsSignatureReport report = new CmsSignatureInspector().inspect(new byte[] {1, 2, 3}, new byte[0], Optional.empty());
        assertThat(report.parsed()).isFalse();
        assertThat(report.problem()).startsWith("not a CMS signature");
    }

    @Test
    @Tag("peer")
    void opensslAcceptsTheSignatureAndGnuCpioTheArchive() throws Exception {
        Path openssl = Peers.require("openssl", "openssl");
        Path cpio = Peers.require("cpio", "cpio");
        SwuFixture swu = SwuFixture.build(dir, CpioFormat.CRC, 5000, "/tmp/x");

        Processes.Result verify = Processes.run(dir, openssl.toString(), "cms", "-verify", "-binary", "-inform", "DER",
                "-in", "sw-description.sig", "-content", "sw-description", "-CAfile", swu.certificate.toString(),
                "-purpose", "any", "-out", "/dev/null");
        assertThat(verify.exit()).as(verify.output()).isZero();
        assertThat(verify.output()).contains("Verification successful");

        Processes.Result list = Processes.run(dir, "sh", "-c", cpio + " -it < update.swu");
        assertThat(list.exit()).as(list.output()).isZero();
        assertThat(list.output().lines().filter(l -> !l.contains("block")).toList())
                .containsExactly("sw-description", "sw-description.sig", SwuFixture.PAYLOAD);
    }

    @Test
    @Tag("peer")
    void readsAnArchiveMadeByGnuCpio() throws Exception {
        Path cpio = Peers.require("cpio", "cpio");
        SwuFixture swu = SwuFixture.build(dir, CpioFormat.CRC, 3000, "/tmp/x");
        Files.write(dir.resolve(SwuFixture.PAYLOAD), swu.payload);
        Processes.Result made = Processes.run(dir, "sh", "-c", "printf 'sw-description\\nsw-description.sig\\n"
                + SwuFixture.PAYLOAD + "\\n' | " + cpio + " -o -H crc --reproducible > gnu.swu");
        assertThat(made.exit()).as(made.output()).isZero();

        SwuInspection inspection = new SwuInspector().inspect(dir.resolve("gnu.swu"), Optional.of(certificate(swu.certificate)));

        assertThat(inspection.structureOk()).as(inspection.problem()).isTrue();
        assertThat(inspection.orderOk()).isTrue();
        assertThat(inspection.signatureOk(true)).isTrue();
        assertThat(inspection.entries().get(2).entry().checksum()).isEqualTo(CpioWriter.checksum(swu.payload));
    }

    @Test
    void aWrongCrcChecksumIsAnErrorWithItsOffset() throws Exception {
        byte[] data = {1, 2, 3};
        byte[] archive = archive(List.of(SwuFixture.entry(CpioFormat.CRC, 1, "x", data).withData(3, 7)), List.of(data));
        assertThatThrownBy(() -> readAll(archive)).isInstanceOf(CpioException.class)
                .hasMessageContaining("checksum of 'x' is wrong: header says 00000007, data sums to 00000006")
                .hasMessageContaining("at byte 0");
    }

    @Test
    void truncationMissingTrailerAndBadMagicAreNamed() throws Exception {
        byte[] data = new byte[100];
        byte[] archive = archive(List.of(SwuFixture.entry(CpioFormat.NEWC, 1, "payload", data)), List.of(data));
        byte[] cut = java.util.Arrays.copyOf(archive, 150);
        assertThatThrownBy(() -> readAll(cut)).hasMessageContaining("ends inside the data of 'payload'");
        byte[] noTrailer = java.util.Arrays.copyOf(archive, 112 + 8 + 100);
        assertThatThrownBy(() -> readAll(noTrailer)).hasMessageContaining("without a TRAILER!!!");
        assertThatThrownBy(() -> readAll(new byte[512])).hasMessageContaining("magic '\\x00\\x00\\x00\\x00\\x00\\x00'");
        byte[] badHex = archive.clone();
        badHex[6 + 8 * 6] = 'Z';
        assertThatThrownBy(() -> readAll(badHex)).hasMessageContaining("'filesize' is not hexadecimal");
    }

    @Test
    void writerOutputIsReadBackIdentically() throws Exception {
        byte[] a = "alpha".getBytes();
        byte[] b = new byte[0];
        byte[] archive = archive(List.of(SwuFixture.entry(CpioFormat.CRC, 1, "a", a), SwuFixture.entry(CpioFormat.CRC, 2, "dir/b", b)),
                List.of(a, b));
        assertThat(archive.length % 512).isZero();
        try (CpioReader reader = new CpioReader(new ByteArrayInputStream(archive))) {
            CpioEntry first = reader.next();
            assertThat(first.name()).isEqualTo("a");
            assertThat(first.dataOffset()).isEqualTo(112);
            assertThat(reader.data().readAllBytes()).isEqualTo(a);
            assertThat(reader.rawHeader()).isEqualTo(CpioWriter.header(first));
            assertThat(reader.next().name()).isEqualTo("dir/b");
            assertThat(reader.next().isTrailer()).isTrue();
            assertThat(reader.next()).isNull();
        }
    }

    static byte[] archive(List<CpioEntry> entries, List<byte[]> data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CpioWriter writer = new CpioWriter(out);
        for (int i = 0; i < entries.size(); i++) {
            CpioEntry e = entries.get(i);
            writer.writeRaw(CpioWriter.header(e));
            writer.writeRaw(data.get(i));
            writer.pad(4);
        }
        writer.finish(entries.getFirst().format());
        return out.toByteArray();
    }

    static void readAll(byte[] archive) throws Exception {
        try (CpioReader reader = new CpioReader(new ByteArrayInputStream(archive))) {
            for (CpioEntry e = reader.next(); e != null; e = reader.next()) {
                if (!e.isTrailer()) {
                    reader.data().transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
        }
    }

    static X509Certificate certificate(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
