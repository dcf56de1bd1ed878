package org.fr3workbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.report.verify.Check;
import org.fr3workbench.report.verify.DossierVerifier;
import org.fr3workbench.report.verify.VerificationResult;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acceptance checks of the signed dossier, against poppler's pdfsig and our verifier. */
@Tag("peer")
class DossierSignatureTest {

    @TempDir
    static Path dir;
    static Path signed;

    @BeforeAll
    static void export() throws IOException {
        signed = dir.resolve("dossier.pdf");
        DossierFixture.export(SampleDossier.create(), signed, Optional.of(DossierFixture.request(DossierFixture.key(dir),
                Optional.empty())));
    }

    @Test
    void pdfsigAndTheVerifierAcceptTheSignedDossier() throws Exception {
        String out = pdfsig(signed);
        assertThat(out).contains("Signature is Valid.").contains("Total document signed").contains("ETSI.CAdES.detached");
        VerificationResult result = verify(signed);
        assertThat(result.valid()).as(result.failures().toString()).isTrue();
        assertThat(result.signatures()).singleElement().satisfies(s -> {
            assertThat(s.level()).isEqualTo("B-B");
            assertThat(s.signer().orElseThrow().selfSigned()).isTrue();
            assertThat(s.signer().orElseThrow().subject()).contains("self-signed");
        });
    }

    @Test
    void aByteChangedInsideTheSignedRangeIsADigestMismatch() throws Exception {
        Path broken = dir.resolve("flipped.pdf");
        Tampering.flipByte(signed, broken, Files.size(signed) / 3);
        assertThat(pdfsig(broken)).contains("Digest Mismatch.");
        VerificationResult result = verify(broken);
        assertThat(result.valid()).isFalse();
        assertThat(failed(result, "signature")).anySatisfy(m -> assertThat(m).contains("digest mismatch"));
    }

    @Test
    void anAppendedIncrementalUpdateIsCaught() throws Exception {
        Path updated = dir.resolve("appended.pdf");
        Tampering.appendUpdate(signed, updated);
        assertThat(pdfsig(updated)).doesNotContain("Total document signed");
        VerificationResult result = verify(updated);
        assertThat(result.valid()).isFalse();
        assertThat(failed(result, "coverage")).singleElement().asString().contains("incremental update was appended");
    }

    @Test
    void aReplacedAttachmentIsCaught() throws Exception {
        Path replaced = dir.resolve("replaced.pdf");
        // The first evidence item of the sample is a transcript; its attachment name is "<id>_<name>".
        var first = SampleDossier.create().evidence().getFirst();
        String attachment = first.id() + "_" + first.name().replaceAll("[^A-Za-z0-9._-]+", "_");
        Tampering.replaceAttachment(signed, replaced, attachment);
        VerificationResult result = verify(replaced);
        assertThat(result.valid()).isFalse();
        assertThat(failed(result, "attachments")).singleElement().asString()
                .contains(first.id()).contains(attachment);
    }

    @Test
    void aSwappedImageIsCaught() throws Exception {
        Path swapped = dir.resolve("swapped.pdf");
        Tampering.swapImage(signed, swapped, SampleImages.png(SampleImages.screenshot(640, 360, 4242)));
        VerificationResult result = verify(swapped);
        assertThat(result.valid()).isFalse();
        assertThat(failed(result, "images")).singleElement().asString().contains("not the recorded image data");
        assertThat(failed(result, "coverage")).isNotEmpty();
    }

    static VerificationResult verify(Path pdf) throws IOException {
        return new DossierVerifier().verify(pdf, Optional.empty());
    }

    static List<String> failed(VerificationResult result, String check) {
        return result.failures().stream().filter(c -> c.name().equals(check)).map(Check::message).toList();
    }

    static String pdfsig(Path pdf) throws Exception {
        Path tool = Peers.require("pdfsig", "poppler-utils");
        Process p = new ProcessBuilder(tool.toString(), pdf.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
