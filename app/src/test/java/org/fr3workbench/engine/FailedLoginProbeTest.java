package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.Secret;
import org.fr3workbench.device.ssh.SshAuth;
import org.fr3workbench.device.ssh.SshChannel;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.device.ssh.SshOptions;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.engine.probes.FailedLoginProbe;
import org.fr3workbench.testsupport.MinaSshServer;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The failed-login probe against an in-process MINA server that accepts one password. */
class FailedLoginProbeTest {

    @TempDir
    Path dir;

    @Test
    void aMarkerPasswordMustBeRefusedAndAnAcceptedOneFails() throws Exception {
        try (MinaSshServer mina = MinaSshServer.start(dir, TestSecrets.KBD_PASSWORD, false, false);
             RunnerFixture fixture = new RunnerFixture(dir, List.of(new FailedLoginProbe(Clock.systemUTC())));
             SshChannel device = SshChannel.connect(new SshEndpoint("assessor", "127.0.0.1", mina.port(),
                     SshAuth.password(Secret.of(TestSecrets.KBD_PASSWORD.toCharArray()))), Optional.empty(),
                     new HostKeyPolicy(new InMemoryHostKeyPinStore(), HostKeyTrustDecision.expect(mina.hostFingerprint()),
                             Clock.systemUTC()), SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool")),
                     Clock.systemUTC())) {
            String marker = ProcedureSession.marker(new java.util.Random(7));
            StepContext context = new StepContext("CR 3.7", Optional.of(device), fixture.laptop,
                    Map.of("device-host", "127.0.0.1", "device-port", Integer.toString(mina.port()), "marker", marker),
                    "Alice", IntrusiveConsent.NEVER);
            StepResult refused = fixture.runner.run(context, Steps.probe("failed-login", "failed-login",
                    Map.of("user", "audit-test", "password", "{{marker}}")), StepListener.NONE, Cancellation.create());
            assertThat(refused.outcome()).as(refused.reason()).isEqualTo(StepOutcome.PASS);
            assertThat(StepRunnerTest.text(fixture.store, refused.evidence().getFirst()))
                    .contains("with the marker password " + marker, "refused");

            StepResult accepted = fixture.runner.run(context.with(Map.of("marker", TestSecrets.KBD_PASSWORD)),
                    Steps.probe("failed-login", "failed-login", Map.of("user", "audit-test", "password", "{{marker}}")),
                    StepListener.NONE, Cancellation.create());
            assertThat(accepted.outcome()).isEqualTo(StepOutcome.FAIL);
        }
    }
}
