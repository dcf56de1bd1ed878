package org.fr3workbench.engine.probes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.Secret;
import org.fr3workbench.device.local.LocalChannel;
import org.fr3workbench.device.serial.JSerialCommLink;
import org.fr3workbench.device.serial.SerialChannel;
import org.fr3workbench.device.serial.SerialLogin;
import org.fr3workbench.device.serial.SerialSettings;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.StepKind;
import org.fr3workbench.domain.StepLocation;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.engine.IntrusiveConsent;
import org.fr3workbench.engine.ProbeCall;
import org.fr3workbench.engine.ProbeOutcome;
import org.fr3workbench.engine.StepContext;
import org.fr3workbench.engine.StepListener;
import org.fr3workbench.engine.Steps;
import org.fr3workbench.domain.Step;
import org.fr3workbench.probe.boot.BootConsolePatterns;
import org.fr3workbench.testsupport.SimulatedConsole;
import org.fr3workbench.testsupport.SocatPtyPair;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code boot-console} over a real serial channel (socat pty pair, simulated device that reboots to a login prompt). */
@Tag("peer")
class BootConsoleStepProbePeerTest {

    @TempDir
    Path dir;
    SocatPtyPair pty;
    SimulatedConsole device;
    SerialChannel serial;

    @BeforeEach
    void cable() throws Exception {
        pty = SocatPtyPair.start(dir);
        device = SimulatedConsole.start(pty.deviceSide(), "root", TestSecrets.SERIAL_PASSWORD, true,
                Files.createDirectories(dir.resolve("home")), 7, 0.0);
        serial = SerialChannel.connect(JSerialCommLink.open(SerialSettings.defaults(pty.hostSide().toString())),
                SerialLogin.as("root", Secret.of(TestSecrets.SERIAL_PASSWORD.toCharArray())),
                OutputSpool.tempFiles(dir.resolve("spool")), dir, Clock.systemUTC(), Cancellation.create());
    }

    @AfterEach
    void unplug() throws Exception {
        serial.close();
        device.close();
        pty.close();
    }

    @Test
    void aNormalRebootPassesTheRestoreCaseAndFailsARefusalCaseWithTheConsoleAsEvidence() throws Exception {
        ProbeOutcome restore = watchWhileRebooting("restore-boot");
        assertThat(restore.outcome()).as(restore.reason()).isEqualTo(StepOutcome.PASS);
        assertThat(restore.reason()).contains("login prompt");
        assertThat(restore.evidence()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EvidenceKind.CONSOLE_LOG);
            assertThat(e.name()).isEqualTo("boot-console-restore-boot.txt");
            assertThat(new String(e.content(), StandardCharsets.UTF_8)).contains("booted_normally", "simdev login:");
        });

        ProbeOutcome refusal = watchWhileRebooting("unsigned-kernel");
        assertThat(refusal.outcome()).as(refusal.reason()).isEqualTo(StepOutcome.FAIL);
    }

    @Test
    void overAnotherChannelTheStepIsInconclusiveWithGuidance() throws Exception {
        try (java.util.concurrent.ExecutorService io = java.util.concurrent.Executors.newCachedThreadPool();
             LocalChannel laptop = new LocalChannel(OutputSpool.tempFiles(dir.resolve("local")), Clock.systemUTC(), io, dir)) {
            ProbeOutcome outcome = probe().run(call("wrong-key", laptop), StepListener.NONE, Cancellation.create());
            assertThat(outcome.outcome()).isEqualTo(StepOutcome.INCONCLUSIVE);
            assertThat(outcome.reason()).isEqualTo(BootConsoleStepProbe.CONNECT_SERIAL);
        }
    }

    private ProbeOutcome watchWhileRebooting(String bootCase) throws Exception {
        CompletableFuture<Void> reboot = CompletableFuture.runAsync(device::reboot,
                CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS));
        ProbeOutcome outcome = probe().run(call(bootCase, serial), StepListener.NONE, Cancellation.create());
        reboot.get(5, TimeUnit.SECONDS);
        return outcome;
    }

    private static BootConsoleStepProbe probe() {
        return new BootConsoleStepProbe(BootConsolePatterns.loadBundled(), Clock.systemUTC());
    }

    private static ProbeCall call(String bootCase, org.fr3workbench.device.DeviceChannel channel) {
        Step.Probe step = new Step.Probe(Steps.planned(bootCase, StepKind.PROBE, StepLocation.CONSOLE, true), "", "boot-console",
                Map.of("case", bootCase, "timeout", "30s"), List.of());
        StepContext context = new StepContext("EDR 3.14", Optional.of(channel), channel, Map.of(), "Alice",
                IntrusiveConsent.ALWAYS);
        return new ProbeCall(context, step, step.arguments());
    }
}
