package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fr3workbench.App;
import org.fr3workbench.report.sample.SampleAssessment;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fr3 sample DIR} end to end: this computer through the local channel, a dossier signed with the demo
 * key that pdfsig accepts and whose text says it is a demo signature, verified at once.
 */
@Tag("peer")
class SampleCommandTest {

    @TempDir
    Path dir;

    private final App app = new App(name -> null);

    @Test
    void makesAVerifiedSampleSignedWithTheDemoKey() throws Exception {
        Path pdfsig = Peers.require("pdfsig", "poppler-utils");
        Path pdftotext = Peers.require("pdftotext", "poppler-utils");
        Path folder = dir.resolve("FR3 Workbench").resolve("Sample");

        CliRun run = CliRun.of(app, "sample", folder.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        Path assessment = folder.resolve(SampleAssessment.ASSESSMENT_FILE);
        Path dossier = folder.resolve(SampleAssessment.DOSSIER_FILE);
        assertThat(assessment).isRegularFile();
        assertThat(dossier).isRegularFile();
        assertThat(folder.resolve(SampleAssessment.CERTIFICATE_FILE)).content().startsWith("-----BEGIN CERTIFICATE-----");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the demo key is not left behind")
                    .noneMatch(name -> name.endsWith(".p12") || name.endsWith(".part"));
        }
        assertThat(run.out()).contains(dossier + ": VALID", SelfSignedCertificates.DEMO_SUBJECT, "ok   journal");

        String signature = output(pdfsig, dossier.toString());
        assertThat(signature).contains("Signature is Valid.", "Total document signed", SelfSignedCertificates.DEMO_SUBJECT);
        String text = output(pdftotext, "-layout", dossier.toString(), "-");
        assertThat(text.replaceAll("\\s+", " ")).contains("SAMPLE DOSSIER - signed with the FR3 Workbench DEMO key",
                "SAMPLE - this computer standing in for a device", "Sample assessor (SAMPLE, not a person)");

        CliRun status = CliRun.of(app, "status", assessment.toString(), "--json");
        assertThat(status.exitCode()).as(status.err()).isZero();
        java.util.Map<String, String> decisions = new java.util.HashMap<>();
        new ObjectMapper().readTree(status.out()).get("verdicts")
                .forEach(v -> decisions.put(v.get("requirement").asText(), v.get("decision").asText()));
        assertThat(decisions.get("HDR 3.11")).isEqualTo("not-applicable");
        assertThat(decisions.get("CR 3.1")).isIn("met", "not-met");
        assertThat(CliRun.of(app, "verify", assessment.toString()).exitCode()).isZero();
        assertThat(CliRun.of(app, "verify", dossier.toString(), "--assessment", assessment.toString()).exitCode()).isZero();
    }

    @Test
    void refusesAFolderThatAlreadyHoldsASampleAndChangesNothing() throws Exception {
        Path folder = dir.resolve("s");
        assertThat(CliRun.of(app, "sample", folder.toString(), "--json").exitCode()).isZero();
        Path dossier = folder.resolve(SampleAssessment.DOSSIER_FILE);
        byte[] before = Files.readAllBytes(dossier);

        CliRun again = CliRun.of(app, "sample", folder.toString());

        assertThat(again.exitCode()).isEqualTo(Fr3Command.EXIT_USAGE);
        assertThat(again.err()).contains("fr3: ", SampleAssessment.ASSESSMENT_FILE, "already exists");
        assertThat(Files.readAllBytes(dossier)).isEqualTo(before);
        assertThat(folder.resolve(SampleAssessment.ASSESSMENT_FILE)).isRegularFile();
    }

    @Test
    void printsTheResultAsJson() throws Exception {
        Path folder = dir.resolve("json");

        CliRun run = CliRun.of(app, "sample", folder.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("dossier").asText()).isEqualTo(folder.resolve(SampleAssessment.DOSSIER_FILE).toString());
        assertThat(json.get("evidence").asInt()).as("note, 3 identity and 4 OpenSSL transcripts").isEqualTo(8);
        assertThat(json.get("verification").get("valid").asBoolean()).isTrue();
    }

    private static String output(Path tool, String... args) throws Exception {
        String[] command = Stream.concat(Stream.of(tool.toString()), Stream.of(args)).toArray(String[]::new);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return text;
    }
}
