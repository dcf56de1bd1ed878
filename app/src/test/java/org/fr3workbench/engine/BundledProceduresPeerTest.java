package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.catalog.CatalogLoader;
import org.fr3workbench.catalog.ProcedureLoader;
import org.fr3workbench.catalog.TlsPolicyLoader;
import org.fr3workbench.device.AuthenticationException;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.ssh.SshAuth;
import org.fr3workbench.device.ssh.SshChannel;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.device.ssh.SshOptions;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.probe.tls.CipherSuiteRegistry;
import org.fr3workbench.probe.tls.TlsNames;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REAL bundled procedures (assets/procedures/requirements) run by the {@link StepRunner} over a real OpenSSH sshd
 * on 127.0.0.1, against a sandbox that the parameters point to ({@link ProcedureSandbox}): the CIP test cases
 * TC_CR3.4_1, TC_CR3.4-RE1_1 and TC_CR3.9_1 and the CR 3.7 marker scan, each passing on a sound setup and failing on
 * a deliberately broken one. Afterwards configuration, database and audit log are as they were and the accounts gone.
 */
@Tag("peer")
class BundledProceduresPeerTest {

    @TempDir
    static Path shared;
    static OpenSshServer sshd;
    static ProcedureLibrary library;
    @TempDir
    Path dir;
    RunnerFixture fixture;
    ProcedureSandbox sandbox;
    SshChannel device;

    @BeforeAll
    static void start() throws Exception {
        Peers.require("aide", "aide");
        Peers.require("setfacl", "acl");
        Peers.require("su", "util-linux");
        sshd = OpenSshServer.start(shared.resolve("sshd"));
        sshd.kill();
        sshd.setRootLogin(true);
        sshd.start();
        CipherSuiteRegistry registry = CipherSuiteRegistry.bundled();
        library = new ProcedureLoader(new TlsPolicyLoader(name -> registry.byName(name).isPresent(), TlsNames::isKnownGroup))
                .loadBundled(new CatalogLoader().loadBundled());
    }

    @AfterAll
    static void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    void open(boolean modeBlindAide) throws Exception {
        fixture = new RunnerFixture(dir.resolve("runner"), List.of());
        sandbox = new ProcedureSandbox(dir, modeBlindAide);
        HostKeyPolicy policy = new HostKeyPolicy(new InMemoryHostKeyPinStore(),
                HostKeyTrustDecision.expect(sshd.hostFingerprint()), Clock.systemUTC());
        device = SshChannel.connect(new SshEndpoint(sandbox.rootAlias, "127.0.0.1", sshd.port(), SshAuth.key(sshd.clientKey())),
                Optional.empty(), policy, SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool")), Clock.systemUTC());
    }

    @AfterEach
    void close() throws Exception {
        if (device != null) {
            device.close();
        }
        if (fixture != null) {
            fixture.close();
        }
        if (sandbox != null) {
            String user = sandbox.testUser;
            String alias = sandbox.rootAlias;
            sandbox.close();
            assertThat(ProcedureSandbox.accountExists(user)).as("test user deleted").isFalse();
            assertThat(ProcedureSandbox.accountExists(alias)).as("root alias deleted").isFalse();
        }
    }

    private StepResult run(String requirement, String stepId, Map<String, String> parameters) {
        Step step = library.procedure(requirement).orElseThrow().step(stepId).orElseThrow();
        StepContext context = new StepContext(requirement, Optional.of(device), fixture.laptop, parameters, "Alice",
                IntrusiveConsent.ALWAYS);
        return fixture.runner.run(context, step, StepListener.NONE, Cancellation.create());
    }

    private Map<String, String> parameters() {
        return sandbox.parameters(library.defaults());
    }

    private static String bytes(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    @Test
    void tamperTestPassesAndLeavesConfigurationAndDatabaseAsTheyWere() throws Exception {
        open(false);
        String config = bytes(sandbox.aideConfig());
        String db = bytes(sandbox.aideDb());

        StepResult result = run("CR 3.4", "aide-tamper", parameters());

        assertThat(result.outcome()).as(result.reason()).isEqualTo(StepOutcome.PASS);
        assertThat(result.commands()).hasSize(7).allSatisfy(c -> assertThat(c.checks()).allSatisfy(
                check -> assertThat(check.held()).as(c.label() + ": " + check).isTrue()));
        assertThat(result.cleanup()).hasSize(2).allSatisfy(c -> assertThat(c.exitCode()).hasValue(0));
        assertThat(bytes(sandbox.aideConfig())).isEqualTo(config);
        assertThat(bytes(sandbox.aideDb())).isEqualTo(db);
        assertThat(sandbox.root.resolve("aide-test")).doesNotExist();
        assertThat(sandbox.root.resolve("aide-db/aide.db.new")).doesNotExist();
        assertThat(result.evidence()).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void tamperTestFailsWhenThePolicyMissesTheChange() throws Exception {
        open(true);
        String config = bytes(sandbox.aideConfig());

        StepResult result = run("CR 3.4", "aide-tamper", parameters());

        assertThat(result.outcome()).as(result.reason()).isEqualTo(StepOutcome.FAIL);
        assertThat(result.reason()).contains("second check (expected to report the change)");
        assertThat(bytes(sandbox.aideConfig())).isEqualTo(config);
        assertThat(sandbox.root.resolve("aide-test")).doesNotExist();
    }

    @Test
    void unprivilegedWritesAreRefusedOnASoundSetup() throws Exception {
        open(false);
        String config = bytes(sandbox.aideConfig());
        String db = bytes(sandbox.aideDb());

        StepResult permissions = run("CR 3.4 RE(1)", "aide-permissions", aideBinaryInSandbox());
        StepResult writes = run("CR 3.4 RE(1)", "unprivileged-write", parameters());

        assertThat(permissions.outcome()).as(permissions.reason()).isEqualTo(StepOutcome.PASS);
        assertThat(writes.outcome()).as(writes.reason()).isEqualTo(StepOutcome.PASS);
        assertThat(writes.commands()).extracting(CommandReport::renderedCommand)
                .anySatisfy(c -> assertThat(c).startsWith("su -s /bin/sh ").contains(sandbox.testUser + " -c "));
        assertThat(bytes(sandbox.aideConfig())).isEqualTo(config);
        assertThat(bytes(sandbox.aideDb())).isEqualTo(db);
        assertThat(ProcedureSandbox.run("getfacl", "-cp", sandbox.aideDb().toString())).doesNotContain(sandbox.testUser);
        assertThat(sandbox.root.resolve("aide-test")).doesNotExist();
    }

    @Test
    void unprivilegedWriteFailsTheStepWhenTheDatabaseIsWritable() throws Exception {
        open(false);
        ProcedureSandbox.run("chmod", "o+w", sandbox.aideDb().toString());
        String db = bytes(sandbox.aideDb());

        StepResult permissions = run("CR 3.4 RE(1)", "aide-permissions", aideBinaryInSandbox());
        StepResult writes = run("CR 3.4 RE(1)", "unprivileged-write", parameters());

        assertThat(permissions.outcome()).as(permissions.reason()).isEqualTo(StepOutcome.FAIL);
        assertThat(writes.outcome()).as(writes.reason()).isEqualTo(StepOutcome.FAIL);
        assertThat(writes.reason()).contains("unprivileged write to the database (must fail)", "exit code not in [0]");
        assertThat(bytes(sandbox.aideDb())).as("restored by the cleanup").isEqualTo(db);
    }

    private Map<String, String> aideBinaryInSandbox() throws Exception {
        Map<String, String> values = new HashMap<>(parameters());
        values.put("aide-binary", Peers.require("aide", "aide").toRealPath().toString());
        return values;
    }

    @Test
    void auditLogDeletionIsRefusedOnASoundSetup() throws Exception {
        open(false);
        String log = bytes(sandbox.auditLog());

        StepResult result = run("CR 3.9", "audit-delete", parameters());

        assertThat(result.outcome()).as(result.reason()).isEqualTo(StepOutcome.PASS);
        assertThat(bytes(sandbox.auditLog())).isEqualTo(log);
        assertThat(sandbox.root.resolve("audit.log.bkp")).doesNotExist();
    }

    @Test
    void auditLogDeletionFailsTheStepWhenTheUserCanDeleteIt() throws Exception {
        open(false);
        ProcedureSandbox.run("chmod", "0777", sandbox.root.resolve("audit").toString());
        String log = bytes(sandbox.auditLog());

        StepResult result = run("CR 3.9", "audit-delete", parameters());

        assertThat(result.outcome()).as(result.reason()).isEqualTo(StepOutcome.FAIL);
        assertThat(result.reason()).contains("must fail");
        assertThat(bytes(sandbox.auditLog())).as("put back by the cleanup").isEqualTo(log);
        assertThat(sandbox.root.resolve("audit.log.bkp")).doesNotExist();
    }

    /**
     * CR 3.7: mark the time, one real failed password login with the marker, scan the log. The failed-login probe is
     * not built yet, so the test makes the login itself (sshj, password = marker) between the two bundled steps.
     */
    private StepResult markerScan(boolean leakingComponent) throws Exception {
        Map<String, String> values = new HashMap<>(parameters());
        String marker = ProcedureSession.marker(new java.util.Random());
        values.put("marker", marker);
        StepResult mark = run("CR 3.7", "mark-start", values);
        assertThat(mark.outcome()).as(mark.reason()).isEqualTo(StepOutcome.PASS);
        values.putAll(mark.captured());
        assertThat(values.get("t0")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

        HostKeyPolicy policy = new HostKeyPolicy(new InMemoryHostKeyPinStore(),
                HostKeyTrustDecision.expect(sshd.hostFingerprint()), Clock.systemUTC());
        assertThatThrownBy(() -> SshChannel.connect(new SshEndpoint(sshd.user(), "127.0.0.1", sshd.port(),
                        SshAuth.password(org.fr3workbench.device.Secret.of(marker.toCharArray()))), Optional.empty(), policy,
                SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool2")), Clock.systemUTC()).close())
                .isInstanceOf(AuthenticationException.class);

        Path sshdLog = sshd.dir().resolve("sshd.log");
        assertThat(Files.readString(sshdLog)).contains("Failed password for " + sshd.user());
        if (leakingComponent) {
            // A simulated authentication component of the product that logs the attempted password.
            Path leak = sandbox.root.resolve("product-auth.log");
            Files.writeString(leak, "product-auth: login failed for " + sshd.user() + " with password '" + marker + "'\n");
            values.put("log-command", ProcedureSandbox.logCommand(sshdLog, leak));
        } else {
            values.put("log-command", ProcedureSandbox.logCommand(sshdLog));
        }
        return run("CR 3.7", "journal-scan", values);
    }

    @Test
    void markerScanPassesWhenTheLogHoldsOnlyTheUsualDenial() throws Exception {
        open(false);
        StepResult scan = markerScan(false);

        assertThat(scan.outcome()).as(scan.reason()).isEqualTo(StepOutcome.PASS);
    }

    @Test
    void markerScanFailsWhenAComponentLogsTheAttemptedPassword() throws Exception {
        open(false);
        StepResult scan = markerScan(true);

        assertThat(scan.outcome()).as(scan.reason()).isEqualTo(StepOutcome.FAIL);
        assertThat(scan.reason()).contains("output does not contain", "found");
    }
}
