package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.fr3workbench.App;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole flow on the command line: new assessment, evidence, verdicts, a signed dossier that
 * pdfsig accepts and {@code fr3 verify} checks against the assessment file. The key's password
 * reaches no output and no file.
 */
@Tag("peer")
class ExportCommandTest {

    private static final String PASSWORD = "Kx9-unique-p12-secret";

    @TempDir
    Path dir;

    private final App app = new App(name -> Map.of("FR3_KEY_PASSWORD", PASSWORD).get(name));

    private Path assessmentWithEvidence() throws Exception {
        Path file = dir.resolve("gw.fr3");
        assertThat(CliRun.of(app, "new", file.toString(), "--product", "Acme Gateway", "--component-type", "EDR",
                "--target-sl", "1", "--assessor", "Dana Assessor", "--firmware", "4.2.1").exitCode()).isZero();
        Path log = dir.resolve("aide.log");
        Files.writeString(log, "AIDE found NO differences between database and filesystem. Looks okay!!\n");
        Path png = dir.resolve("login.png");
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().drawString("login: root", 20, 40);
        ImageIO.write(image, "png", png.toFile());
        assertThat(CliRun.of(app, "attach", file.toString(), "CR 3.4", log.toString(), "--caption", "AIDE check").exitCode())
                .isZero();
        assertThat(CliRun.of(app, "attach", file.toString(), "CR 3.7", png.toString(), "--kind", "screenshot").exitCode())
                .isZero();
        assertThat(CliRun.of(app, "verdict", file.toString(), "CR 3.4", "--met", "--rationale", "AIDE detects changes")
                .exitCode()).isZero();
        return file;
    }

    @Test
    void exportsASignedDossierThatPdfsigAndVerifyAccept() throws Exception {
        Path pdfsig = Peers.require("pdfsig", "poppler-utils");
        Path file = assessmentWithEvidence();
        Path key = dir.resolve("assessor.p12");
        new SelfSignedCertificates().create(key, PASSWORD.toCharArray(), "Dana Assessor", "Test Lab", Duration.ofDays(30), 2048);
        Path pdf = dir.resolve("dossier.pdf");

        CliRun export = CliRun.of(app, "export", file.toString(), "--pdf", pdf.toString(), "--sign", key.toString(),
                "--sign-password-env", "FR3_KEY_PASSWORD");

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("Dossier written to", "signed");
        Process check = new ProcessBuilder(pdfsig.toString(), pdf.toString()).redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(report).contains("Signature is Valid.", "Total document signed");

        CliRun verify = CliRun.of(app, "verify", pdf.toString(), "--assessment", file.toString());
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();

        // A later change to the assessment moves its journal head: the dossier no longer matches it.
        assertThat(CliRun.of(app, "verdict", file.toString(), "CR 3.7", "--not-met", "--rationale", "leaks").exitCode()).isZero();
        CliRun stale = CliRun.of(app, "verify", pdf.toString(), "--assessment", file.toString());
        assertThat(stale.exitCode()).isEqualTo(1);

        for (Path written : List.of(pdf, file)) {
            assertThat(new String(Files.readAllBytes(written), StandardCharsets.ISO_8859_1)).doesNotContain(PASSWORD);
        }
        assertThat(export.out() + export.err()).doesNotContain(PASSWORD);
    }

    @Test
    void jsonExportListsRequirementsAndEvidence() throws Exception {
        Path file = assessmentWithEvidence();
        Path json = dir.resolve("out.json");

        CliRun export = CliRun.of(app, "export", file.toString(), "--json", json.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        String text = Files.readString(json);
        assertThat(text).contains("\"CR 3.4\"", "aide.log", "login.png", "AIDE detects changes");
    }

    @Test
    void oscalExportIsValidAssessmentResults() throws Exception {
        Path file = assessmentWithEvidence();
        Path oscal = dir.resolve("results.json");

        CliRun export = CliRun.of(app, "export", file.toString(), "--oscal", oscal.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("OSCAL 1.1.2 assessment results written to");
        com.fasterxml.jackson.databind.JsonNode doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(oscal.toFile());
        assertThat(org.fr3workbench.report.OscalSchema.validate(doc)).isEmpty();
        String text = Files.readString(oscal);
        assertThat(text).contains("\"cr-3.4\"", "aide.log", "login.png", "AIDE detects changes", "\"satisfied\"");
        CliRun both = CliRun.of(app, "export", file.toString(), "--oscal", oscal.toString(), "--json", oscal.toString());
        assertThat(both.exitCode()).isEqualTo(2);
    }

    @Test
    void refusesToSignWithoutThePasswordVariable() throws Exception {
        Path file = assessmentWithEvidence();
        CliRun missing = CliRun.of(app, "export", file.toString(), "--pdf", dir.resolve("x.pdf").toString(),
                "--sign", dir.resolve("none.p12").toString(), "--sign-password-env", "NOT_SET_ANYWHERE");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("NOT_SET_ANYWHERE is not set");
        assertThat(dir.resolve("x.pdf")).doesNotExist();
    }
}
