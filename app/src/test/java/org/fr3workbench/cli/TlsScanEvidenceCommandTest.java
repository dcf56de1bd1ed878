package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fr3workbench.App;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.OpenSslServer;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fr3 tls-scan --assessment} (two evidence items) and {@code --via} (through the device's SSH connection). */
@Tag("peer")
class TlsScanEvidenceCommandTest {

    @TempDir
    static Path shared;
    private static OpenSshServer sshd;
    private static OpenSslServer tls;

    @TempDir
    Path dir;

    private final App app = new App(name -> Map.of("DEVICE_PASSWORD", TestSecrets.SSH_PASSWORD).get(name));

    @BeforeAll
    static void start() throws Exception {
        sshd = OpenSshServer.start(shared.resolve("sshd"));
        Path[] cert = OpenSslServer.certificate(shared, "evidence", "sha256", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256");
        tls = OpenSslServer.start(shared, cert, "-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES128-SHA");
    }

    @AfterAll
    static void stop() throws Exception {
        if (tls != null) {
            tls.close();
        }
        if (sshd != null) {
            sshd.close();
        }
    }

    private Path assessment() {
        Path file = dir.resolve("device.fr3");
        assertThat(CliRun.of(app, "new", file.toString(), "--product", "Lab device", "--component-type", "EDR",
                "--target-sl", "2", "--assessor", "Dana Assessor").exitCode()).isZero();
        return file;
    }

    private String endpoint() {
        return "127.0.0.1:" + tls.port();
    }

    private List<Evidence> evidence(Path file) throws Exception {
        try (AssessmentStore store = new AssessmentFiles(java.time.Clock.systemUTC()).open(file, AssessmentFiles.Access.READ_ONLY)) {
            return store.evidence().page(EvidenceQuery.all(), 0, 100);
        }
    }

    private static String content(Path file, long id) throws Exception {
        try (AssessmentStore store = new AssessmentFiles(java.time.Clock.systemUTC()).open(file, AssessmentFiles.Access.READ_ONLY);
             InputStream in = store.evidence().open(id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theJsonAndTheTableAreStoredAsTwoEvidenceItemsForCr31() throws Exception {
        Path file = assessment();
        CliRun run = CliRun.of(app, "tls-scan", endpoint(), "--assessment", file.toString(), "--timeout", "3000");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out()).contains("RULE").containsPattern("TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA +FAIL +suite\\.allowed")
                .contains("Stored evidence 1 (tls-scan-127.0.0.1-" + tls.port() + ".json) and 2");

        List<Evidence> items = evidence(file);
        assertThat(items).hasSize(2).allSatisfy(e -> {
            assertThat(e.requirementId()).isEqualTo("CR 3.1");
            assertThat(e.source()).isEqualTo("fr3 tls-scan " + endpoint());
            assertThat(e.caption()).contains("bsi-tr-02102-2").contains("findings failed");
        });
        Evidence json = items.get(0);
        Evidence table = items.get(1);
        assertThat(json.kind()).isEqualTo(EvidenceKind.STRUCTURED_RESULT);
        assertThat(json.mediaType()).isEqualTo("application/json");
        assertThat(table.kind()).isEqualTo(EvidenceKind.TRANSCRIPT);
        String jsonText = content(file, json.id());
        String tableText = content(file, table.id());
        assertThat(json.sha256()).isEqualTo(sha256(jsonText));
        assertThat(table.sha256()).isEqualTo(sha256(tableText));
        JsonNode parsed = new ObjectMapper().readTree(jsonText);
        assertThat(parsed.get("schema").asInt()).isEqualTo(1);
        assertThat(parsed.get("target").asText()).isEqualTo(endpoint());
        assertThat(run.out()).startsWith(tableText);
        assertThat(CliRun.of(app, "verify", file.toString()).exitCode()).isZero();
    }

    @Test
    void anUnknownRequirementOrAReadOnlyUseChangesNothing() throws Exception {
        Path file = assessment();
        CliRun unknown = CliRun.of(app, "tls-scan", endpoint(), "--assessment", file.toString(), "--requirement", "CR 9.9");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown requirement 'CR 9.9'");
        CliRun orphan = CliRun.of(app, "tls-scan", endpoint(), "--requirement", "CR 3.8");
        assertThat(orphan.exitCode()).isEqualTo(2);
        assertThat(orphan.err()).contains("--requirement goes with --assessment FILE");
        assertThat(evidence(file)).isEmpty();
    }

    @Test
    void aScanViaTheConnectedDeviceEqualsTheDirectScanAndIsStored() throws Exception {
        Path file = assessment();
        CliRun connected = CliRun.of(app, "connect", file.toString(), "ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port(),
                "--identity", sshd.clientKey().toString(), "--host-key", sshd.hostFingerprint());
        assertThat(connected.exitCode()).as(connected.err()).isZero();
        long before = evidence(file).size();

        CliRun direct = CliRun.of(app, "tls-scan", endpoint(), "--json", "--parallel", "3");
        CliRun via = CliRun.of(app, "tls-scan", endpoint(), "--json", "--parallel", "3", "--via", file.toString(),
                "--password-env", "DEVICE_PASSWORD", "--assessment", file.toString(), "--requirement", "cr 3.8");
        assertThat(via.exitCode()).as(via.err()).isEqualTo(direct.exitCode()).isEqualTo(1);
        JsonNode directJson = new ObjectMapper().readTree(direct.out());
        JsonNode viaJson = new ObjectMapper().readTree(via.out());
        assertThat(viaJson.get("protocols")).isEqualTo(directJson.get("protocols"));
        assertThat(viaJson.get("findings")).isEqualTo(directJson.get("findings"));
        assertThat(viaJson.get("certificates")).isEqualTo(directJson.get("certificates"));
        assertThat(via.err()).contains("Stored evidence").contains("for CR 3.8");

        List<Evidence> added = evidence(file).subList((int) before, (int) before + 2);
        assertThat(added).allSatisfy(e -> {
            assertThat(e.requirementId()).isEqualTo("CR 3.8");
            assertThat(e.source()).isEqualTo("fr3 tls-scan " + endpoint() + " through ssh " + sshd.user() + "@127.0.0.1:"
                    + sshd.port());
        });
    }

    @Test
    void anSshAddressNeedsTheHostKeyAndAWrongOneIsRefused() throws Exception {
        String device = "ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port();
        CliRun unknown = CliRun.of(app, "tls-scan", endpoint(), "--via", device, "--identity", sshd.clientKey().toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("fr3: cannot reach the device for --via " + device).contains(sshd.hostFingerprint());
        assertThat(unknown.out()).isEmpty();

        CliRun pinned = CliRun.of(app, "tls-scan", endpoint(), "--via", device, "--identity", sshd.clientKey().toString(),
                "--host-key", sshd.hostFingerprint(), "--policy", "cip");
        assertThat(pinned.exitCode()).as(pinned.err()).isEqualTo(1);
        assertThat(pinned.out()).containsPattern("TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 +pass +suite\\.allowed");

        CliRun noFile = CliRun.of(app, "tls-scan", endpoint(), "--via", dir.resolve("missing.fr3").toString(),
                "--password-env", "DEVICE_PASSWORD");
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("is neither an ssh://USER@HOST[:PORT] address nor an assessment file");
    }
}
