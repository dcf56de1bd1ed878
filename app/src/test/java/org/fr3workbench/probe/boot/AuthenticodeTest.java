package org.fr3workbench.probe.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fr3workbench.testsupport.Peers;
import org.fr3workbench.testsupport.Processes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authenticode facts of generated EFI binaries, cross-checked with sbsigntool and efitools. */
class AuthenticodeTest {

    @TempDir
    static Path dir;
    static EfiBinaries.Key ca;
    static EfiBinaries.Key signer;
    static byte[] unsigned;
    static byte[] signed;

    @BeforeAll
    static void binaries() throws Exception {
        ca = EfiBinaries.key("FR3 Test Secure Boot CA", null);
        signer = EfiBinaries.key("FR3 Test Boot Signer", ca);
        unsigned = EfiBinaries.application("fr3 test application");
        signed = EfiBinaries.sign(unsigned, signer, List.of(ca.certificate()));
        Files.write(dir.resolve("unsigned.efi"), unsigned);
        Files.write(dir.resolve("signed.efi"), signed);
        Files.writeString(dir.resolve("signer.pem"), pem(signer.certificate()));
        Files.writeString(dir.resolve("ca.pem"), pem(ca.certificate()));
        Files.writeString(dir.resolve("signer.key"), pem(signer.key()));
    }

    @Test
    void anUnsignedApplicationHasHeadersButNoSignature() throws Exception {
        PeImage image = PeImage.parse(unsigned);
        assertThat(image.pe32Plus()).isTrue();
        assertThat(image.machineName()).isEqualTo("x86-64");
        assertThat(image.subsystemName()).isEqualTo("EFI application");
        assertThat(image.sections()).extracting(PeImage.Section::name).containsExactly(".text", ".data");
        AuthenticodeReport report = new AuthenticodeInspector().inspect(unsigned);
        assertThat(report.signed()).isFalse();
        assertThat(report.valid()).isFalse();
        assertThat(report.sha256()).hasSize(64);
    }

    @Test
    void ourSignatureIsReadBackWithSignerDigestAndChain() throws Exception {
        AuthenticodeReport report = new AuthenticodeInspector().inspect(signed);

        assertThat(report.problem()).isEmpty();
        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("CN=FR3 Test Boot Signer");
            assertThat(s.issuer()).isEqualTo("CN=FR3 Test Secure Boot CA");
            assertThat(s.serial()).isEqualTo(signer.certificate().getSerialNumber().toString(16));
            assertThat(s.digestAlgorithm()).isEqualTo("SHA256");
            assertThat(s.digestMatches()).isTrue();
            assertThat(s.signatureVerifies()).isTrue();
            assertThat(s.chain()).hasSize(2);
        });
        assertThat(report.sha256()).isEqualTo(report.signatures().getFirst().embeddedDigest());
    }

    @Test
    void oneChangedCodeByteBreaksTheDigestButNotTheSignerSignature() throws Exception {
        byte[] tampered = signed.clone();
        tampered[0x201] ^= 0x01;

        AuthenticodeReport.Signature s = new AuthenticodeInspector().inspect(tampered).signatures().getFirst();

        assertThat(s.signatureVerifies()).isTrue();
        assertThat(s.digestMatches()).isFalse();
        assertThat(s.valid()).isFalse();
        assertThat(s.detail()).contains("image digest mismatch");
    }

    @Test
    void theChecksumAndCertificateEntryAreNotPartOfTheDigest() throws Exception {
        byte[] other = signed.clone();
        PeImage image = PeImage.parse(other);
        other[image.checksumOffset()] = 0x55;
        assertThat(new AuthenticodeInspector().inspect(other).valid()).isTrue();
    }

    @Test
    @Tag("peer")
    void sbverifyAcceptsOurSignatureAndRejectsTheTamperedOne() throws Exception {
        Path sbverify = Peers.require("sbverify", "sbsigntool");
        Processes.Result list = Processes.run(dir, sbverify.toString(), "--list", "signed.efi");
        assertThat(list.output()).contains("signature 1").contains("/CN=FR3 Test Boot Signer");
        Processes.Result ok = Processes.run(dir, sbverify.toString(), "--cert", "ca.pem", "signed.efi");
        assertThat(ok.exit()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Signature verification OK");
        Processes.Result none = Processes.run(dir, sbverify.toString(), "--list", "unsigned.efi");
        assertThat(none.output()).contains("No signature table present");

        byte[] tampered = signed.clone();
        tampered[0x201] ^= 0x01;
        Files.write(dir.resolve("tampered.efi"), tampered);
        Processes.Result bad = Processes.run(dir, sbverify.toString(), "--cert", "ca.pem", "tampered.efi");
        assertThat(bad.exit()).isNotZero();
    }

    @Test
    @Tag("peer")
    void sbsignSignaturesAreReadAndVerified() throws Exception {
        Path sbsign = Peers.require("sbsign", "sbsigntool");
        Processes.Result made = Processes.run(dir, sbsign.toString(), "--key", "signer.key", "--cert", "signer.pem",
                "--output", "sbsigned.efi", "unsigned.efi");
        assertThat(made.exit()).as(made.output()).isZero();

        AuthenticodeReport report = new AuthenticodeInspector().inspect(Files.readAllBytes(dir.resolve("sbsigned.efi")));

        assertThat(report.signatures()).singleElement().satisfies(s -> {
            assertThat(s.subject()).isEqualTo("CN=FR3 Test Boot Signer");
            assertThat(s.digestAlgorithm()).isEqualTo("SHA256");
            assertThat(s.valid()).as(s.detail()).isTrue();
        });
    }

    @Test
    @Tag("peer")
    void efitoolsComputesTheSameImageHash() throws Exception {
        Path hashToList = Peers.require("hash-to-efi-sig-list", "efitools");
        Processes.Result made = Processes.run(dir, hashToList.toString(), "unsigned.efi", "unsigned-hash.esl");
        assertThat(made.exit()).as(made.output()).isZero();

        EfiSignatureDatabase esl = EfiSignatureDatabase.read(Files.readAllBytes(dir.resolve("unsigned-hash.esl")));

        assertThat(esl.ofType(EfiGuid.CERT_SHA256)).singleElement()
                .satisfies(e -> assertThat(e.hex()).isEqualTo(new AuthenticodeInspector().inspect(unsigned).sha256()));
    }

    @Test
    void malformedHeadersAreNamed() {
        assertThatThrownBy(() -> PeImage.parse(new byte[10])).isInstanceOf(PeFormatException.class).hasMessageContaining("MZ");
        byte[] cut = java.util.Arrays.copyOf(unsigned, 0x100);
        assertThatThrownBy(() -> PeImage.parse(cut)).isInstanceOf(PeFormatException.class);
        byte[] badMagic = unsigned.clone();
        badMagic[0x98] = 0x07;
        assertThatThrownBy(() -> PeImage.parse(badMagic)).hasMessageContaining("neither PE32 nor PE32+");
        byte[] farCerts = signed.clone();
        PeImage image;
        try {
            image = PeImage.parse(farCerts);
        } catch (PeFormatException e) {
            throw new AssertionError(e);
        }
        farCerts[image.certEntryOffset() + 5] = 0x7f;
        assertThatThrownBy(() -> PeImage.parse(farCerts)).hasMessageContaining("lies outside the file");
    }

    static String pem(Object object) throws Exception {
        java.io.StringWriter text = new java.io.StringWriter();
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
