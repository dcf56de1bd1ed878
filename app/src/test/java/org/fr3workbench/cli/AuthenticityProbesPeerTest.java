package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fr3workbench.App;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.probe.update.CpioFormat;
import org.fr3workbench.probe.update.SwuFixture;
import org.fr3workbench.probe.update.TestImageDeriver;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.OpenSslServer;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authenticity probes as procedure steps, end to end: {@code fr3 run} with the BUNDLED procedures over a real
 * OpenSSH sshd on 127.0.0.1, Debian's swupdate on a sandboxed test device (its configuration, hardware revision and
 * key in a temp folder, pointed to by parameters; never the machine's /etc), {@code openssl s_server} reached
 * through the SSH tunnel.
 */
@Tag("peer")
class AuthenticityProbesPeerTest {

    private static final String RE1 = "EDR 3.10 RE(1)";

    @TempDir
    static Path shared;
    static OpenSshServer sshd;
    static SwuFixture swu;
    static ProcedureLibrary bundled;

    @TempDir
    Path dir;
    Path etc;

    @BeforeAll
    static void start() throws Exception {
        Peers.require("swupdate", "swupdate");
        Peers.require("cpio", "cpio");
        sshd = OpenSshServer.start(shared.resolve("sshd"));
        swu = SwuFixture.build(shared.resolve("image"), CpioFormat.CRC, 50_000, "/nonexistent/fr3-never-installed.bin");
        bundled = new App().procedures();
    }

    @AfterAll
    static void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void device() throws Exception {
        // The sshd fixture logs in as an unprivileged test user: the device's files must be readable by it.
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        etc = Files.createDirectories(dir.resolve("device/etc"));
        Files.createDirectories(etc.resolve("swupdate/conf.d"));
        Files.writeString(etc.resolve("hwrevision"), SwuFixture.BOARD + " " + SwuFixture.REVISION + "\n");
        Files.writeString(etc.resolve("sw-versions"), "rootfs 1.2.2\n");
        Files.copy(swu.certificate, etc.resolve("swupdate-sign.crt"));
    }

    @Test
    void aSigningDeviceRefusesEveryCorruptionAndTheFileHoldsTheImagesHashesAndTranscripts() throws Exception {
        config(etc.resolve("swupdate-sign.crt").toString());
        App app = new App(name -> null);
        Path file = connected(app);

        CliRun run = runUpdateTest(app, file);

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains(RE1 + "  swupdate-key  PASS", RE1 + "  swu-signature  PASS",
                RE1 + "  corrupt-update  PASS", RE1 + "  corrupt-artifact  PASS", RE1 + "  tampered-description  PASS",
                RE1 + "  update-image  needs the assessor");
        try (AssessmentStore store = app.assessmentFiles().open(file, AssessmentFiles.Access.READ_ONLY)) {
            Map<String, JsonNode> results = results(store);
            assertThat(results).containsOnlyKeys("corrupt-update", "corrupt-artifact", "tampered-description");
            JsonNode zeroed = image(results.get("corrupt-update"), "zeroed");
            assertThat(zeroed.get("sha256").asText()).isEqualTo(sha256(new byte[TestImageDeriver.ZEROED_SIZE]));
            assertThat(zeroed.get("judgement").asText()).isEqualTo("rejected");
            assertThat(zeroed.get("matched").toString()).contains("cpio-header-corrupted");
            JsonNode valid = image(results.get("corrupt-update"), "valid");
            assertThat(valid.get("sha256").asText()).isEqualTo(sha256(Files.readAllBytes(swu.image)));
            assertThat(valid.get("judgement").asText()).isEqualTo("accepted");
            // Which refusal messages swupdate 2022.12 prints varies from run to run (recorded in RefusalJudgeTest);
            // what decides is a non-zero exit with a known refusal.
            assertThat(image(results.get("corrupt-artifact"), "payload-bit-flip").get("judgement").asText())
                    .isEqualTo("rejected");
            assertThat(image(results.get("tampered-description"), "description-altered").get("judgement").asText())
                    .isEqualTo("rejected");
            assertThat(results.get("corrupt-update").get("mode").asText()).isEqualTo("check");
            List<String> transcripts = texts(store, "corrupt-update", EvidenceKind.TRANSCRIPT);
            assertThat(transcripts).anySatisfy(t -> assertThat(t).startsWith("# swupdate check: zeroed").contains(" -c -i ")
                    .contains("CPIO Header corrupted"));
            assertThat(transcripts).anySatisfy(t -> assertThat(t).startsWith("# temporary folder removed")
                    .contains("exit code 0"));
            assertThat(store.parameters().values()).containsEntry("update-image", swu.image.toAbsolutePath().toString());
        }
        CliRun verify = CliRun.of(app, "verify", file.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        assertThat(Path.of("/nonexistent/fr3-never-installed.bin")).doesNotExist();
    }

    @Test
    void aDeviceWithoutSignatureCheckingFailsAndOneThatTrustsAnotherKeyIsInconclusive() throws Exception {
        Files.writeString(etc.resolve("swupdate.cfg"), "globals: {\n  loglevel = 5;\n};\n");
        App app = new App(name -> null);
        Path file = connected(app);

        CliRun unsigned = runUpdateTest(app, file);
        assertThat(unsigned.exitCode()).as(unsigned.out()).isEqualTo(1);
        assertThat(unsigned.out()).contains(RE1 + "  corrupt-update  FAIL  ").contains("no public key is configured");

        SwuFixture other = SwuFixture.build(dir.resolve("other"), CpioFormat.CRC, 10, "/nonexistent/x");
        config(other.certificate.toString());
        CliRun foreign = CliRun.of(app, "run", file.toString(), "--requirement", RE1, "--auto-only", "--allow-intrusive",
                "--identity", sshd.clientKey().toString());
        assertThat(foreign.out()).as("stored parameters are used again").contains(RE1 + "  swupdate-key  PASS")
                .contains(RE1 + "  corrupt-update  INCONCLUSIVE  inconclusive: the device rejects even the valid image");
    }

    @Test
    void theTlsScanStepTunnelsThroughTheDeviceAndStoresBothEvidenceItems() throws Exception {
        Path[] cert = OpenSslServer.certificate(dir, "probe", "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        try (OpenSslServer tls = OpenSslServer.start(dir, cert, "-tls1_2", "-cipher",
                "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA")) {
            Procedure cr31 = bundled.procedure("CR 3.1").orElseThrow();
            ProcedureLibrary onlyTheScan = new ProcedureLibrary(bundled.version(), bundled.parameters(), Map.of("CR 3.1",
                    new Procedure("CR 3.1", List.of(cr31.step("tls-scan").orElseThrow()))));
            App app = new App(name -> null, () -> onlyTheScan);
            Path file = connected(app);

            CliRun run = CliRun.of(app, "run", file.toString(), "--requirement", "CR 3.1", "--identity",
                    sshd.clientKey().toString(), "--param", "tls-port=" + tls.port());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("CR 3.1  tls-scan  FAIL  ").contains("findings failed");
            try (AssessmentStore store = app.assessmentFiles().open(file, AssessmentFiles.Access.READ_ONLY)) {
                StepRun scan = store.stepRuns().forRequirement("CR 3.1").getFirst();
                List<Evidence> items = store.evidence().page(EvidenceQuery.forRequirement("CR 3.1"), 0, 10);
                assertThat(items).extracting(Evidence::name).containsExactly("tls-scan-127.0.0.1-" + tls.port() + ".json",
                        "tls-scan-127.0.0.1-" + tls.port() + ".txt");
                assertThat(items).allSatisfy(e -> assertThat(e.stepRunId()).contains(scan.id()));
                JsonNode json = new ObjectMapper().readTree(text(store, items.getFirst()));
                assertThat(json.get("target").asText()).isEqualTo("127.0.0.1:" + tls.port());
                assertThat(json.get("protocols").toString()).contains("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            }
        }
    }

    @Test
    void theBootConsoleOverSshIsInconclusiveWithTheGuidanceToConnectTheSerialConsole() throws Exception {
        Procedure boot = bundled.procedure("EDR 3.14").orElseThrow();
        ProcedureLibrary onlyTheWatch = new ProcedureLibrary(bundled.version(), bundled.parameters(), Map.of("EDR 3.14",
                new Procedure("EDR 3.14", List.of(boot.step("unsigned-kernel").orElseThrow()))));
        App app = new App(name -> null, () -> onlyTheWatch);
        Path file = connected(app);

        CliRun run = CliRun.of(app, "run", file.toString(), "--requirement", "EDR 3.14", "--allow-intrusive",
                "--identity", sshd.clientKey().toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("EDR 3.14  unsigned-kernel  INCONCLUSIVE  the boot console can only be watched over a "
                + "serial connection: connect the serial console");
    }

    private CliRun runUpdateTest(App app, Path file) {
        return CliRun.of(app, "run", file.toString(), "--requirement", RE1, "--allow-intrusive",
                "--identity", sshd.clientKey().toString(),
                "--param", "update-image=" + swu.image,
                "--param", "swupdate-config=" + etc.resolve("swupdate.cfg"),
                "--param", "swupdate-hwrevision=" + etc.resolve("hwrevision"),
                "--param", "swupdate-versions=" + etc.resolve("sw-versions"),
                "--param", "swupdate-arguments=" + etc.resolve("default/swupdate") + " " + etc.resolve("swupdate/conf.d"),
                "--param", "swupdate-command=" + Peers.require("swupdate", "swupdate"));
    }

    private void config(String key) throws Exception {
        Files.writeString(etc.resolve("swupdate.cfg"), "globals: {\n  public-key-file = \"" + key + "\";\n  loglevel = 5;\n};\n");
    }

    private Path connected(App app) throws Exception {
        return RunCommandTest.connected(app, dir.resolve("device.fr3"), sshd);
    }

    /** The update test's JSON result of each step, by step id. */
    private static Map<String, JsonNode> results(AssessmentStore store) throws Exception {
        Map<String, JsonNode> results = new java.util.TreeMap<>();
        for (Evidence e : store.evidence().page(EvidenceQuery.forRequirement(RE1).withKind(EvidenceKind.STRUCTURED_RESULT),
                0, 100)) {
            String step = store.stepRuns().get(e.stepRunId().orElseThrow()).orElseThrow().stepId();
            results.put(step, new ObjectMapper().readTree(text(store, e)));
        }
        return results;
    }

    private static JsonNode image(JsonNode result, String kind) {
        for (JsonNode image : result.get("images")) {
            if (image.get("kind").asText().equals(kind)) {
                return image;
            }
        }
        throw new AssertionError("no image " + kind + " in " + result);
    }

    private static List<String> texts(AssessmentStore store, String stepId, EvidenceKind kind) throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (Evidence e : store.evidence().page(EvidenceQuery.forRequirement(RE1).withKind(kind), 0, 1000)) {
            if (store.stepRuns().get(e.stepRunId().orElseThrow()).orElseThrow().stepId().equals(stepId)) {
                texts.add(text(store, e));
            }
        }
        return texts;
    }

    private static String text(AssessmentStore store, Evidence e) throws Exception {
        try (InputStream in = store.evidence().open(e.id())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
