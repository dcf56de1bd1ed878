package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fr3workbench.probe.boot.EfiBinaries;
import org.fr3workbench.probe.boot.EfiGuid;
import org.fr3workbench.probe.update.CpioFormat;
import org.fr3workbench.probe.update.SwuFixture;
import org.fr3workbench.probe.update.TestImageDeriver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fr3 swu-inspect} and {@code fr3 efi-sig}: output, JSON fields and exit codes. */
class AuthenticityCommandsTest {

    @TempDir
    static Path dir;
    static SwuFixture swu;
    static Path derived;
    static Path signedEfi;
    static Path unsignedEfi;
    static Path db;
    static Path dbx;

    @BeforeAll
    static void files() throws Exception {
        swu = SwuFixture.build(dir.resolve("swu"), CpioFormat.CRC, 2000, "/tmp/x");
        derived = dir.resolve("derived");
        new TestImageDeriver().derive(swu.image, derived);
        EfiBinaries.Key ca = EfiBinaries.key("CLI CA", null);
        EfiBinaries.Key signer = EfiBinaries.key("CLI signer", ca);
        byte[] app = EfiBinaries.application("cli");
        unsignedEfi = Files.write(dir.resolve("unsigned.efi"), app);
        signedEfi = Files.write(dir.resolve("signed.efi"), EfiBinaries.sign(app, signer, List.of(ca.certificate())));
        EfiGuid owner = new EfiGuid("00000000-0000-0000-0000-000000000001");
        db = Files.write(dir.resolve("db.esl"),
                EfiBinaries.signatureList(EfiGuid.CERT_X509, owner, List.of(ca.certificate().getEncoded())));
        byte[] list = EfiBinaries.signatureList(EfiGuid.CERT_X509, owner, List.of(signer.certificate().getEncoded()));
        byte[] efivar = new byte[list.length + 4];
        efivar[0] = 0x27;
        System.arraycopy(list, 0, efivar, 4, list.length);
        dbx = Files.write(dir.resolve("dbx-efivar"), efivar);
    }

    @Test
    void swuInspectListsMembersAndSigner() {
        CliRun run = CliRun.of("swu-inspect", swu.image.toString(), "--cert", swu.certificate.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("sw-description ", "sw-description.sig", "rootfs-overlay.bin")
                .contains("order:   sw-description, sw-description.sig first")
                .contains("signer:  CN=FR3 test update signer").contains("with given certificate: yes").contains("result:  ok");
    }

    @Test
    void swuInspectJsonAndExitCodesForBrokenImages() throws Exception {
        CliRun ok = CliRun.of("swu-inspect", swu.image.toString(), "--json");
        JsonNode root = new ObjectMapper().readTree(ok.out());
        assertThat(root.get("ok").asBoolean()).isTrue();
        assertThat(root.get("format").asText()).isEqualTo("crc");
        assertThat(root.get("entries")).hasSize(3);
        assertThat(root.get("entries").get(2).get("listedInDescription").asBoolean()).isTrue();
        assertThat(root.get("signature").get("signers").get(0).get("digestAlgorithm").asText()).isEqualTo("SHA256");

        CliRun unsigned = CliRun.of("swu-inspect", derived.resolve("signature-removed.swu").toString(), "--json");
        assertThat(unsigned.exitCode()).isEqualTo(1);
        assertThat(new ObjectMapper().readTree(unsigned.out()).get("failures").toString()).contains("order", "no sw-description.sig");

        CliRun altered = CliRun.of("swu-inspect", derived.resolve("description-altered.swu").toString());
        assertThat(altered.exitCode()).isEqualTo(1);
        assertThat(altered.out()).contains("FAILED:  signature: does not verify");

        CliRun zeroed = CliRun.of("swu-inspect", derived.resolve("zeroed.swu").toString());
        assertThat(zeroed.exitCode()).isEqualTo(1);
        assertThat(zeroed.out()).contains("FAILED:  archive: not a newc/crc cpio header");
    }

    @Test
    void swuInspectBadInputIsExitTwoNamingTheFile() {
        CliRun missing = CliRun.of("swu-inspect", dir.resolve("nope.swu").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.swu: no such file");
        CliRun badCert = CliRun.of("swu-inspect", swu.image.toString(), "--cert", swu.image.toString());
        assertThat(badCert.exitCode()).isEqualTo(2);
        assertThat(badCert.err()).contains("not a readable X.509 certificate");
    }

    @Test
    void efiSigReportsSignerAndTrust() throws Exception {
        CliRun trusted = CliRun.of("efi-sig", signedEfi.toString(), "--db", db.toString());
        assertThat(trusted.exitCode()).as(trusted.out()).isZero();
        assertThat(trusted.out()).contains("signature 1: CN=CLI signer", "digest SHA256: matches the image", "db:        trusted");

        CliRun forbidden = CliRun.of("efi-sig", signedEfi.toString(), "--db", db.toString(), "--dbx", dbx.toString(), "--json");
        assertThat(forbidden.exitCode()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(forbidden.out());
        assertThat(root.get("secureBoot").get("forbidden").asBoolean()).isTrue();
        assertThat(root.get("secureBoot").get("wouldBoot").asBoolean()).isFalse();
        assertThat(root.get("signatures").get(0).get("digestMatches").asBoolean()).isTrue();

        CliRun unsigned = CliRun.of("efi-sig", unsignedEfi.toString());
        assertThat(unsigned.exitCode()).isEqualTo(1);
        assertThat(unsigned.out()).contains("signature: none", "FAILED:    the binary is not signed");
    }

    @Test
    void efiSigBadInputIsExitTwo() {
        CliRun notPe = CliRun.of("efi-sig", db.toString());
        assertThat(notPe.exitCode()).isEqualTo(2);
        assertThat(notPe.err()).contains("db.esl: not a PE/COFF image");
        CliRun badDb = CliRun.of("efi-sig", signedEfi.toString(), "--db", signedEfi.toString());
        assertThat(badDb.exitCode()).isEqualTo(2);
        assertThat(badDb.err()).contains("not an EFI signature list");
    }
}
