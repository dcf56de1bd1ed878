package org.fr3workbench.device.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.device.AsciicastWriter;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyRejectedException;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.IdentityCapture;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.InteractiveConsole;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.Redactor;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.domain.DeviceIdentity;
import org.fr3workbench.testsupport.OpenSshServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session with a real OpenSSH sshd: identity, files, terminal, a restart, a changed key. */
@Tag("peer")
class SshSessionPeerTest {

    @TempDir
    Path dir;
    OpenSshServer sshd;
    InMemoryHostKeyPinStore pins = new InMemoryHostKeyPinStore();

    @BeforeEach
    void startServer() throws Exception {
        sshd = OpenSshServer.start(dir.resolve("sshd"));
    }

    @AfterEach
    void stopServer() throws Exception {
        sshd.close();
    }

    private SshChannel connect(HostKeyTrustDecision decision) throws Exception {
        SshOptions fastReconnect = new SshOptions(Duration.ofSeconds(5), Duration.ofSeconds(5), 3,
                Duration.ofMillis(300));
        return SshChannel.connect(new SshEndpoint(sshd.user(), "127.0.0.1", sshd.port(), SshAuth.key(sshd.clientKey())),
                Optional.empty(), new HostKeyPolicy(pins, decision, Clock.systemUTC()), fastReconnect,
                OutputSpool.tempFiles(dir.resolve("spool")), Clock.systemUTC());
    }

    @Test
    void readsTheIdentityOfTheDevice() throws Exception {
        try (SshChannel channel = connect(HostKeyTrustDecision.expect(sshd.hostFingerprint()));
             IdentityCapture capture = channel.identify("SN-0042", "fw 1.2.3")) {
            DeviceIdentity identity = capture.identity();
            assertThat(identity.hostKeyFingerprint()).isEqualTo(sshd.hostFingerprint());
            assertThat(identity.hostname()).isEqualTo(Files.readString(Path.of("/etc/hostname")).strip());
            assertThat(identity.kernel()).startsWith("Linux ").contains(identity.hostname());
            assertThat(identity.osRelease()).isEqualTo(Files.readString(Path.of("/etc/os-release")));
            assertThat(identity.osReleaseField("ID")).isPresent();
            Path machineId = Path.of("/etc/machine-id");
            assertThat(identity.machineId()).isEqualTo(Files.isReadable(machineId)
                    ? Files.readString(machineId).strip() : "");
            assertThat(identity.serialNumber()).isEqualTo("SN-0042");
            assertThat(identity.firmwareVersion()).isEqualTo("fw 1.2.3");
            assertThat(capture.results()).hasSize(4)
                    .allSatisfy(r -> assertThat(r.transcript().channel()).isEqualTo(channel.description()));
        }
    }

    @Test
    void uploadsAndDownloadsOverSftp() throws Exception {
        byte[] content = new byte[300_000];
        new Random(7).nextBytes(content);
        Path local = Files.write(dir.resolve("blob.bin"), content);
        Path remote = sshd.home().resolve("remote-copy.bin");
        try (SshChannel channel = connect(HostKeyTrustDecision.expect(sshd.hostFingerprint()))) {
            channel.upload(local, remote.toString());
            assertThat(Files.readAllBytes(remote)).isEqualTo(content);
            Path back = dir.resolve("back.bin");
            channel.download(remote.toString(), back);
            assertThat(Files.readAllBytes(back)).isEqualTo(content);
            assertThat(channel.transfersUseCat()).isFalse();
            assertThatThrownBy(() -> channel.download(sshd.home().resolve("missing").toString(), dir.resolve("x")))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("missing");
            assertThat(dir.resolve("x")).doesNotExist();
        }
    }

    @Test
    void interactiveTerminalIsRecordedAsAsciicast() throws Exception {
        Path cast = dir.resolve("session.cast");
        try (SshChannel channel = connect(HostKeyTrustDecision.expect(sshd.hostFingerprint()));
             InteractiveConsole console = channel.openConsole(100, 30);
             Writer writer = Files.newBufferedWriter(cast, StandardCharsets.UTF_8);
             AsciicastWriter recorder = new AsciicastWriter(writer, 100, 30, Instant.now(), channel.description(),
                     new Redactor(), System::nanoTime)) {
            OutputStream keys = console.input();
            keys.write("stty size; echo tty=$(tty | cut -c1-8); echo sum-$((6*7)); exit\n"
                    .getBytes(StandardCharsets.UTF_8));
            keys.flush();
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            InputStream screen = console.output();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = screen.read(buffer)) >= 0) {
                recorder.output(buffer, 0, n);
                seen.write(buffer, 0, n);
            }
            recorder.resize(120, 40);
            assertThat(seen.toString(StandardCharsets.UTF_8)).contains("30 100").contains("tty=/dev/pts").contains("sum-42");
        }
        List<String> lines = Files.readAllLines(cast);
        ObjectMapper json = new ObjectMapper();
        JsonNode header = json.readTree(lines.getFirst());
        assertThat(header.get("version").asInt()).isEqualTo(2);
        assertThat(header.get("width").asInt()).isEqualTo(100);
        StringBuilder output = new StringBuilder();
        double last = 0;
        for (String line : lines.subList(1, lines.size())) {
            JsonNode event = json.readTree(line);
            assertThat(event.get(0).asDouble()).isGreaterThanOrEqualTo(last);
            last = event.get(0).asDouble();
            if (event.get(1).asText().equals("o")) {
                output.append(event.get(2).asText());
            }
        }
        assertThat(output.toString()).contains("sum-42");
        assertThat(lines.getLast()).contains("\"r\"").contains("120x40");
    }

    @Test
    void reconnectsAfterSshdRestartsMidSession() throws Exception {
        try (SshChannel channel = connect(HostKeyTrustDecision.expect(sshd.hostFingerprint()))) {
            CompletableFuture<CommandResult> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return channel.run(CommandRequest.of(Command.shell("echo started; sleep 60"), Duration.ofMinutes(2)));
                } catch (DeviceException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1500);
            sshd.kill();
            try (CommandResult lost = running.get(30, TimeUnit.SECONDS)) {
                assertThat(lost.transcript().outcome()).isEqualTo(CommandOutcome.CONNECTION_LOST);
                assertThat(lost.stdoutText(100)).isEqualTo("started\n");
            }
            assertThat(channel.isConnected()).isFalse();
            assertThatThrownBy(() -> channel.run(CommandRequest.of(Command.of("true"), Duration.ofSeconds(5))))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("reconnect");

            CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS).execute(() -> {
                try {
                    sshd.start();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            List<String> progress = new CopyOnWriteArrayList<>();
            channel.reconnect(Duration.ofSeconds(30), (attempt, elapsed, error) -> progress.add(attempt + " " + error),
                    Cancellation.create());
            assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p).contains("connection refused"));
            try (CommandResult result = channel.run(CommandRequest.of(Command.of("echo", "back"), Duration.ofSeconds(10)))) {
                assertThat(result.stdoutText(100)).isEqualTo("back\n");
            }
        }
    }

    @Test
    void reconnectGivesUpAtTheTimeoutAndCanBeCancelled() throws Exception {
        try (SshChannel channel = connect(HostKeyTrustDecision.expect(sshd.hostFingerprint()))) {
            sshd.kill();
            long start = System.nanoTime();
            assertThatThrownBy(() -> channel.reconnect(Duration.ofSeconds(2), (a, e, m) -> { }, Cancellation.create()))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("within PT2S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            Cancellation cancellation = Cancellation.create();
            CompletableFuture.delayedExecutor(500, TimeUnit.MILLISECONDS).execute(cancellation::cancel);
            assertThatThrownBy(() -> channel.reconnect(Duration.ofMinutes(5), (a, e, m) -> { }, cancellation))
                    .hasMessageContaining("cancelled");
        }
    }

    @Test
    void changedHostKeyIsAHardRefusalShowingBothFingerprints() throws Exception {
        String original = sshd.hostFingerprint();
        try (SshChannel channel = connect(HostKeyTrustDecision.expect(original))) {
            assertThat(channel.hostKeyFingerprint()).contains(original);
            sshd.kill();
            sshd.regenerateHostKey();
            sshd.start();
            String changed = sshd.hostFingerprint();
            assertThat(changed).isNotEqualTo(original);
            assertThatThrownBy(() -> channel.reconnect(Duration.ofSeconds(20), (a, e, m) -> { }, Cancellation.create()))
                    .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                        assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.CHANGED);
                        assertThat(e.getMessage()).contains(original).contains(changed);
                    });
        }
        assertThatThrownBy(() -> connect(HostKeyTrustDecision.expect(sshd.hostFingerprint())))
                .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.CHANGED);
                    assertThat(e.pinnedFingerprint()).hasValueSatisfying(p -> assertThat(p).contains(original));
                });
        assertThat(pins.all()).singleElement().satisfies(pin -> assertThat(pin.fingerprint()).isEqualTo(original));
    }
}
