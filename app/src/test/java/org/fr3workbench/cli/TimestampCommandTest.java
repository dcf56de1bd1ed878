package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.App;
import org.fr3workbench.report.LocalTimeStampAuthority;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fr3 timestamp}: a document time-stamp from a real RFC 3161 server on 127.0.0.1 is appended to
 * a signed dossier; {@code fr3 verify} reports it and pdfsig still calls the assessor's signature valid.
 */
@Tag("peer")
class TimestampCommandTest {

    private static final String PASSWORD = "Tq7-timestamp-test";

    @TempDir
    Path dir;

    private final App app = new App(name -> Map.of("FR3_KEY_PASSWORD", PASSWORD).get(name));
    private Path dossier;

    @BeforeEach
    void signedDossier() throws Exception {
        Path file = dir.resolve("gw.fr3");
        assertThat(CliRun.of(app, "new", file.toString(), "--product", "Acme Gateway", "--component-type", "EDR",
                "--target-sl", "1", "--assessor", "Dana Assessor").exitCode()).isZero();
        Path log = dir.resolve("aide.log");
        Files.writeString(log, "AIDE found NO differences between database and filesystem.\n");
        assertThat(CliRun.of(app, "attach", file.toString(), "CR 3.4", log.toString()).exitCode()).isZero();
        Path key = dir.resolve("assessor.p12");
        new SelfSignedCertificates().create(key, PASSWORD.toCharArray(), "Dana Assessor", "Test Lab", Duration.ofDays(30), 2048);
        dossier = dir.resolve("dossier.pdf");
        CliRun export = CliRun.of(app, "export", file.toString(), "--pdf", dossier.toString(), "--sign", key.toString(),
                "--sign-password-env", "FR3_KEY_PASSWORD");
        assertThat(export.exitCode()).as(export.err()).isZero();
    }

    @Test
    void addsADocumentTimeStampThatVerifyReportsAndPdfsigAccepts() throws Exception {
        Path pdfsig = Peers.require("pdfsig", "poppler-utils");
        try (LocalTimeStampAuthority tsa = new LocalTimeStampAuthority()) {
            Path stamped = dir.resolve("stamped.pdf");
            byte[] original = Files.readAllBytes(dossier);
            Instant before = Instant.now().minusSeconds(5);

            CliRun run = CliRun.of(app, "timestamp", dossier.toString(), "--tsa", tsa.url().toString(),
                    "--out", stamped.toString(), "--json");

            assertThat(run.exitCode()).as(run.err()).isZero();
            JsonNode json = new ObjectMapper().readTree(run.out());
            assertThat(json.get("tsa").asText()).contains("FR3 test TSA");
            assertThat(Instant.parse(json.get("time").asText())).isAfter(before);
            assertThat(json.at("/verification/valid").asBoolean()).isTrue();
            assertThat(tsa.requests()).isEqualTo(1);
            // an incremental update: the signed original is a prefix of the time-stamped file
            byte[] result = Files.readAllBytes(stamped);
            assertThat(result.length).isGreaterThan(original.length);
            assertThat(java.util.Arrays.equals(original, 0, original.length, result, 0, original.length)).isTrue();
            assertThat(Files.readAllBytes(dossier)).isEqualTo(original);

            CliRun verify = CliRun.of(app, "verify", stamped.toString(), "--json");
            assertThat(verify.exitCode()).as(verify.out()).isZero();
            JsonNode signatures = new ObjectMapper().readTree(verify.out()).get("signatures");
            assertThat(signatures).hasSize(2);
            assertThat(signatures.get(0).get("level").asText()).isEqualTo("B-B");
            assertThat(signatures.get(1).get("level").asText()).isEqualTo("document time-stamp");
            assertThat(signatures.get(1).get("subFilter").asText()).isEqualTo("ETSI.RFC3161");
            assertThat(signatures.get(1).get("timeStamp").asText()).isEqualTo(json.get("time").asText());
            assertThat(signatures.get(1).at("/certificate/subject").asText()).contains("FR3 test TSA");
            CliRun text = CliRun.of(app, "verify", stamped.toString());
            assertThat(text.out()).contains("document time-stamp", "time-stamp: " + json.get("time").asText());

            Process check = new ProcessBuilder(pdfsig.toString(), stamped.toString()).redirectErrorStream(true).start();
            String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(report).contains("Signature #1", "Signature is Valid.", "Signature #2", "FR3 test TSA")
                    .doesNotContain("Digest Mismatch");
        }
    }

    @Test
    void timeStampsInPlaceWhenNoOutputIsGiven() throws Exception {
        try (LocalTimeStampAuthority tsa = new LocalTimeStampAuthority()) {
            long size = Files.size(dossier);
            CliRun run = CliRun.of(app, "timestamp", dossier.toString(), "--tsa", tsa.url().toString());
            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("Document time-stamp").contains("FR3 test TSA", "the dossier verifies (2 signatures)");
            assertThat(Files.size(dossier)).isGreaterThan(size);
            assertThat(dir).isDirectoryNotContaining("glob:**.part");
        }
    }

    @Test
    void refusesADossierThatNoLongerVerifiesAndWritesNothing() throws Exception {
        Path tampered = dir.resolve("tampered.pdf");
        Files.copy(dossier, tampered);
        Files.write(tampered, "\n% appended after signing\n".getBytes(StandardCharsets.US_ASCII),
                java.nio.file.StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(tampered);
        try (LocalTimeStampAuthority tsa = new LocalTimeStampAuthority()) {
            CliRun run = CliRun.of(app, "timestamp", tampered.toString(), "--tsa", tsa.url().toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("does not verify, so no time-stamp was added");
            assertThat(tsa.requests()).isZero();
        }
        assertThat(Files.readAllBytes(tampered)).isEqualTo(before);
    }

    @Test
    void anUnreachableServerExitsTwoAndChangesNothing() throws Exception {
        byte[] before = Files.readAllBytes(dossier);
        CliRun run = CliRun.of(app, "timestamp", dossier.toString(), "--tsa", "http://127.0.0.1:9/tsa");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("time-stamp server http://127.0.0.1:9/tsa cannot be reached", "nothing was written");
        assertThat(Files.readAllBytes(dossier)).isEqualTo(before);
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
        CliRun notPdf = CliRun.of(app, "timestamp", dir.resolve("gw.fr3").toString(), "--tsa", "http://127.0.0.1:9/tsa");
        assertThat(notPdf.exitCode()).isEqualTo(2);
        assertThat(notPdf.err()).contains("is not a PDF");
    }
}
