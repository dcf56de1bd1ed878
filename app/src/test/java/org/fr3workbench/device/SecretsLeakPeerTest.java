package org.fr3workbench.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fr3workbench.device.serial.JSerialCommLink;
import org.fr3workbench.device.serial.SerialChannel;
import org.fr3workbench.device.serial.SerialLogin;
import org.fr3workbench.device.serial.SerialSettings;
import org.fr3workbench.device.ssh.SshAuth;
import org.fr3workbench.device.ssh.SshChannel;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.device.ssh.SshOptions;
import org.fr3workbench.testsupport.MinaSshServer;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.SimulatedConsole;
import org.fr3workbench.testsupport.SocatPtyPair;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uses every secret of the device tests the way an assessment would (logins, a device that echoes the password,
 * commands that print it, a recorded terminal) and then searches all that was written for them: transcripts,
 * captured output, the console recording, the asciicast, the spool directory and the diagnostic log (which also
 * holds the log lines of every test that ran before in this JVM).
 */
@Tag("peer")
class SecretsLeakPeerTest {

    @TempDir
    Path dir;
    private final List<String> written = new ArrayList<>();

    private void collect(CommandResult result) throws Exception {
        written.add(result.transcript().toString());
        for (CapturedStream stream : List.of(result.output().stdout(), result.output().stderr())) {
            try (InputStream in = stream.open()) {
                written.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    private void runAndCollect(DeviceChannel channel, String script) throws Exception {
        try (CommandResult result = channel.run(CommandRequest.of(Command.shell(script), Duration.ofSeconds(30)))) {
            collect(result);
            assertThat(result.transcript().redactions()).as(script).isPositive();
        }
    }

    @Test
    void noPasswordOrPassphraseEndsUpInAnythingWritten() throws Exception {
        Path spool = dir.resolve("spool");
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"))) {
            HostKeyPolicy policy = new HostKeyPolicy(new InMemoryHostKeyPinStore(),
                    HostKeyTrustDecision.expect(sshd.hostFingerprint()), Clock.systemUTC());
            SshAuth password = SshAuth.password(Secret.of(TestSecrets.SSH_PASSWORD.toCharArray()));
            try (SshChannel ssh = SshChannel.connect(new SshEndpoint(sshd.user(), "127.0.0.1", sshd.port(), password),
                    Optional.empty(), policy, SshOptions.defaults(), OutputSpool.tempFiles(spool), Clock.systemUTC())) {
                runAndCollect(ssh, "echo 'pw " + TestSecrets.SSH_PASSWORD + "'; echo '" + TestSecrets.SSH_PASSWORD + "' >&2");
                written.add(ssh.description());
                written.add(recordConsole(ssh, "echo typed " + TestSecrets.SSH_PASSWORD + "; exit\n"));
            }
            SshAuth keyAuth = SshAuth.key(sshd.pemKeyWithPassphrase(), Secret.of(TestSecrets.PEM_PASSPHRASE.toCharArray()));
            try (SshChannel ssh = SshChannel.connect(new SshEndpoint(sshd.user(), "127.0.0.1", sshd.port(), keyAuth),
                    Optional.empty(), policy, SshOptions.defaults(), OutputSpool.tempFiles(spool), Clock.systemUTC())) {
                runAndCollect(ssh, "echo '" + TestSecrets.PEM_PASSPHRASE + "'");
                try (Stream<Path> files = Files.list(spool)) {
                    for (Path file : files.toList()) {
                        written.add(Files.readString(file, StandardCharsets.ISO_8859_1));
                    }
                }
            }
        }
        try (MinaSshServer mina = MinaSshServer.start(dir, TestSecrets.KBD_PASSWORD, true, false);
             SshChannel kbd = SshChannel.connect(new SshEndpoint("assessor", "127.0.0.1", mina.port(),
                     SshAuth.password(Secret.of(TestSecrets.KBD_PASSWORD.toCharArray()))), Optional.empty(),
                     new HostKeyPolicy(new InMemoryHostKeyPinStore(), HostKeyTrustDecision.expect(mina.hostFingerprint()),
                             Clock.systemUTC()), SshOptions.defaults(), OutputSpool.tempFiles(spool), Clock.systemUTC())) {
            runAndCollect(kbd, "echo " + TestSecrets.KBD_PASSWORD);
        }
        try (SocatPtyPair pty = SocatPtyPair.start(dir);
             SimulatedConsole device = SimulatedConsole.start(pty.deviceSide(), "root", TestSecrets.SERIAL_PASSWORD, true,
                     Files.createDirectories(dir.resolve("device")), 9, 0.2)) {
            SerialChannel serial = SerialChannel.connect(JSerialCommLink.open(SerialSettings.defaults(pty.hostSide().toString())),
                    SerialLogin.as("root", Secret.of(TestSecrets.SERIAL_PASSWORD.toCharArray())), OutputSpool.tempFiles(spool),
                    dir.resolve("console"), Clock.systemUTC(), Cancellation.create());
            try {
                runAndCollect(serial, "echo '" + TestSecrets.SERIAL_PASSWORD + "'");
                assertThat(device.logins()).isEqualTo(1);
            } finally {
                serial.close();
            }
            written.add(serial.recording().text());
            serial.recording().close();
        }
        Path log = Path.of(System.getProperty("fr3.log.dir", dir.toString()), "fr3.log");
        assertThat(log).exists();
        written.add(Files.readString(log, StandardCharsets.ISO_8859_1));

        assertThat(written).hasSizeGreaterThan(10);
        assertThat(String.join("\n", written)).contains("[redacted]");
        for (String secret : TestSecrets.all()) {
            assertThat(written).allSatisfy(text -> assertThat(text).doesNotContain(secret));
        }
    }

    private static String recordConsole(DeviceChannel channel, String keys) throws Exception {
        StringWriter cast = new StringWriter();
        try (InteractiveConsole console = channel.openConsole(80, 24);
             AsciicastWriter writer = new AsciicastWriter(cast, 80, 24, Instant.now(), channel.description(),
                     channel.redactor(), System::nanoTime)) {
            console.input().write(keys.getBytes(StandardCharsets.UTF_8));
            console.input().flush();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = console.output().read(buffer)) >= 0) {
                writer.output(buffer, 0, n);
            }
        }
        assertThat(cast.toString()).contains("typed [redacted]");
        return cast.toString();
    }
}
