package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fr3workbench.engine.Steps.cmd;
import static org.fr3workbench.engine.Steps.command;
import static org.fr3workbench.engine.Steps.exit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.Secret;
import org.fr3workbench.device.local.LocalChannel;
import org.fr3workbench.device.ssh.SshAuth;
import org.fr3workbench.device.ssh.SshChannel;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.device.ssh.SshOptions;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepLocation;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.testsupport.MinaSshServer;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.Processes;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner over SSH: a real OpenSSH sshd on 127.0.0.1 and an in-process MINA server. */
@Tag("peer")
class StepRunnerPeerTest {

    @TempDir
    static Path shared;
    static OpenSshServer sshd;
    @TempDir
    Path dir;
    RunnerFixture fixture;
    LocalChannel laptop;
    AssessmentStore store;
    StepRunner runner;

    @BeforeAll
    static void startServer() throws Exception {
        sshd = OpenSshServer.start(shared.resolve("sshd"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void open() throws Exception {
        fixture = new RunnerFixture(dir, List.of());
        laptop = fixture.laptop;
        store = fixture.store;
        runner = fixture.runner;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    SshChannel openSsh() throws Exception {
        HostKeyPolicy policy = new HostKeyPolicy(new InMemoryHostKeyPinStore(),
                HostKeyTrustDecision.expect(sshd.hostFingerprint()), Clock.systemUTC());
        return SshChannel.connect(new SshEndpoint(sshd.user(), "127.0.0.1", sshd.port(), SshAuth.key(sshd.clientKey())),
                Optional.empty(), policy, SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool")), Clock.systemUTC());
    }

    StepContext context(DeviceChannel device, Map<String, String> parameters) {
        return new StepContext("CR 3.4", Optional.of(device), laptop, parameters, "Alice", IntrusiveConsent.ALWAYS);
    }

    /** A folder the unprivileged sshd test user may write to. */
    Path sandbox() throws Exception {
        Path sandbox = Files.createDirectories(dir.resolve("sandbox"));
        Files.setPosixFilePermissions(sandbox, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        return sandbox;
    }

    static List<String> hostileValues(Path victim) {
        return List.of("'; touch " + victim + " #", "$(touch " + victim + ")", "`touch " + victim + "`",
                "x\ntouch " + victim, "\"; touch " + victim + "; \"", "a' \"b\" $HOME \\ ; | & > " + victim);
    }

    void assertHostileValuesStayLiteral(DeviceChannel channel, Path victim) {
        for (String value : hostileValues(victim)) {
            Step step = command("echo-param", StepLocation.DEVICE, cmd("echo", "printf '%s' {{value}}", List.of(exit(0))));
            StepResult result = runner.run(context(channel, Map.of("value", value)), step, StepListener.NONE,
                    Cancellation.create());
            assertThat(result.outcome()).as(value + ": " + result.reason()).isEqualTo(StepOutcome.PASS);
            assertThat(victim).as("created by " + value).doesNotExist();
            try {
                assertThat(StepRunnerTest.text(store, result.evidence().getFirst())).contains("\n" + value + "\n# stderr:");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void hostileParameterValuesNeverRunAsCommandsOverOpenSsh() throws Exception {
        Path victim = sandbox().resolve("owned");
        try (SshChannel ssh = openSsh()) {
            assertHostileValuesStayLiteral(ssh, victim);
        }
    }

    @Test
    void hostileParameterValuesNeverRunAsCommandsOverMina() throws Exception {
        Path victim = dir.resolve("owned-mina");
        try (MinaSshServer mina = MinaSshServer.start(dir, TestSecrets.KBD_PASSWORD, false, false);
             SshChannel channel = SshChannel.connect(new SshEndpoint("assessor", "127.0.0.1", mina.port(),
                     SshAuth.password(Secret.of(TestSecrets.KBD_PASSWORD.toCharArray()))), Optional.empty(),
                     new HostKeyPolicy(new InMemoryHostKeyPinStore(), HostKeyTrustDecision.expect(mina.hostFingerprint()),
                             Clock.systemUTC()), SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool")),
                     Clock.systemUTC())) {
            assertHostileValuesStayLiteral(channel, victim);
            Step step = command("needs-aide", StepLocation.DEVICE, false, List.of("no-such-aide-fr3"),
                    List.of(cmd("run", "true", List.of())), List.of());
            StepResult missing = runner.run(context(channel, Map.of()), step, StepListener.NONE, Cancellation.create());
            assertThat(missing.outcome()).isEqualTo(StepOutcome.INCONCLUSIVE);
            assertThat(missing.reason()).startsWith("no-such-aide-fr3 is not installed on the device.");
        }
    }

    @Test
    void timeoutKillsTheRemoteCommand() throws Exception {
        try (SshChannel ssh = openSsh()) {
            Step step = command("slow", StepLocation.DEVICE, cmd("sleeper", "sleep 31337", Duration.ofSeconds(1),
                    List.of(exit(0))));
            StepResult result = runner.run(context(ssh, Map.of()), step, StepListener.NONE, Cancellation.create());
            assertThat(result.outcome()).isEqualTo(StepOutcome.ERROR);
            assertThat(result.reason()).isEqualTo("sleeper: timed out after 1 s");
            assertThat(result.commands().getFirst().how()).isEqualTo(CommandOutcome.TIMED_OUT);
            assertThat(Processes.remaining("sleep 31337")).isEmpty();
        }
    }

    @Test
    void missingToolOverOpenSshAndCancelledIntrusiveStepCleansUp() throws Exception {
        Path flag = sandbox().resolve("flag");
        try (SshChannel ssh = openSsh()) {
            Step.Command step = command("tamper", StepLocation.DEVICE, true, List.of("sh", "sleep"),
                    List.of(cmd("change and wait", "touch {{flag}} && sleep 30", List.of(exit(0)))),
                    List.of(cmd("restore", "rm -f {{flag}}", List.of())));
            Cancellation cancellation = Cancellation.create();
            Thread.ofVirtual().start(() -> {
                long deadline = System.nanoTime() + 15_000_000_000L;
                while (!Files.exists(flag) && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                cancellation.cancel();
            });
            StepResult result = runner.run(context(ssh, Map.of("flag", flag.toString())), step, StepListener.NONE,
                    cancellation);
            assertThat(result.outcome()).isEqualTo(StepOutcome.ERROR);
            assertThat(result.reason()).isEqualTo("change and wait: cancelled");
            assertThat(result.cleanup()).singleElement().satisfies(c -> assertThat(c.exitCode()).hasValue(0));
            assertThat(flag).doesNotExist();
        }
    }
}
