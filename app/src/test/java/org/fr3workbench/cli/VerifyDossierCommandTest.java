package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.fr3workbench.report.CancellationToken;
import org.fr3workbench.report.DossierExporter;
import org.fr3workbench.report.ExportOptions;
import org.fr3workbench.report.ProgressListener;
import org.fr3workbench.report.SampleDossier;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.report.sign.SigningRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyDossierCommandTest {

    @TempDir
    static Path dir;
    static Path signed;

    @BeforeAll
    static void export() throws Exception {
        Path p12 = dir.resolve("k.p12");
        char[] password = "pw".toCharArray();
        new SelfSignedCertificates().create(p12, password, "Dana Assessor", "", Duration.ofDays(2), 2048);
        signed = dir.resolve("dossier.pdf");
        new DossierExporter().export(SampleDossier.create(), signed, ExportOptions.unsigned(Instant.now(), "test")
                .withSigning(new SigningRequest(p12, password, Optional.empty(), "r", "l", Optional.empty())),
                ProgressListener.NONE, CancellationToken.NONE);
    }

    @Test
    void validDossierExitsZeroAndReportsJson() throws Exception {
        CliRun run = CliRun.of("verify-dossier", signed.toString(), "--json", "--journal-head", "3f1c".repeat(16));
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("valid").asBoolean()).isTrue();
        assertThat(json.path("checks")).extracting(c -> c.path("check").asText())
                .contains("signature", "coverage", "manifest", "attachments", "images", "journal");
        assertThat(json.path("signatures").get(0).path("certificate").path("selfSigned").asBoolean()).isTrue();
    }

    @Test
    void wrongJournalHeadExitsOneWithThePreciseReason() {
        CliRun run = CliRun.of("verify-dossier", signed.toString(), "--journal-head", "00".repeat(32));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("INVALID").contains("FAIL journal").contains("expected " + "00".repeat(32));
    }

    @Test
    void notAPdfExitsTwo() throws Exception {
        Path text = dir.resolve("notes.pdf");
        Files.writeString(text, "just some notes");
        CliRun run = CliRun.of("verify-dossier", text.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("fr3: ").contains("notes.pdf").contains("not a PDF");
    }
}
