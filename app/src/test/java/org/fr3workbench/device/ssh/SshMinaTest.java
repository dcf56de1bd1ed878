package org.fr3workbench.device.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.fr3workbench.device.AuthenticationException;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyRejectedException;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.Secret;
import org.fr3workbench.testsupport.MinaSshServer;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases served by an in-process MINA SSHD: keyboard-interactive, no SFTP, a jump host. */
class SshMinaTest {

    @TempDir
    Path dir;
    InMemoryHostKeyPinStore pins = new InMemoryHostKeyPinStore();

    private SshChannel connect(SshEndpoint target, Optional<SshEndpoint> jump, HostKeyTrustDecision decision)
            throws DeviceException {
        return SshChannel.connect(target, jump, new HostKeyPolicy(pins, decision, Clock.systemUTC()),
                SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool")), Clock.systemUTC());
    }

    private static SshAuth kbdPassword(String password) {
        return SshAuth.password(Secret.of(password.toCharArray()));
    }

    @Test
    void logsInWithKeyboardInteractiveWhenPasswordAuthIsOff() throws Exception {
        try (MinaSshServer mina = MinaSshServer.start(dir, TestSecrets.KBD_PASSWORD, true, false);
             SshChannel channel = connect(new SshEndpoint("assessor", "127.0.0.1", mina.port(),
                     kbdPassword(TestSecrets.KBD_PASSWORD)), Optional.empty(),
                     HostKeyTrustDecision.expect(mina.hostFingerprint()));
             CommandResult result = channel.run(CommandRequest.of(Command.shell("echo via-kbd; exit 3"),
                     Duration.ofSeconds(10)))) {
            assertThat(result.stdoutText(100)).isEqualTo("via-kbd\n");
            assertThat(result.transcript().exitCode()).hasValue(3);
            assertThat(channel.hostKeyFingerprint()).contains(mina.hostFingerprint());
        }
    }

    @Test
    void wrongKeyboardInteractivePasswordIsAClearError() throws Exception {
        try (MinaSshServer mina = MinaSshServer.start(dir, TestSecrets.KBD_PASSWORD, true, false)) {
            assertThatThrownBy(() -> connect(new SshEndpoint("assessor", "127.0.0.1", mina.port(),
                    kbdPassword("Not-the-kbd-pw")), Optional.empty(), HostKeyTrustDecision.expect(mina.hostFingerprint())))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("assessor@127.0.0.1:" + mina.port())
                    .hasMessageNotContaining("Not-the-kbd-pw");
        }
    }

    @Test
    void transfersFilesWithCatWhenTheServerHasNoSftp() throws Exception {
        byte[] content = new byte[200_000];
        new Random(11).nextBytes(content);
        Path local = Files.write(dir.resolve("upload.bin"), content);
        Path remote = dir.resolve("on-device.bin");
        try (MinaSshServer mina = MinaSshServer.start(dir, TestSecrets.KBD_PASSWORD, false, false);
             SshChannel channel = connect(new SshEndpoint("assessor", "127.0.0.1", mina.port(),
                     kbdPassword(TestSecrets.KBD_PASSWORD)), Optional.empty(),
                     HostKeyTrustDecision.expect(mina.hostFingerprint()))) {
            channel.upload(local, remote.toString());
            assertThat(channel.transfersUseCat()).isTrue();
            assertThat(Files.readAllBytes(remote)).isEqualTo(content);
            Path back = dir.resolve("downloaded.bin");
            channel.download(remote.toString(), back);
            assertThat(Files.readAllBytes(back)).isEqualTo(content);
            assertThatThrownBy(() -> channel.download(dir.resolve("nope.bin").toString(), dir.resolve("x.bin")))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("nope.bin");
            assertThat(dir.resolve("x.bin")).doesNotExist();
        }
    }

    @Tag("peer")
    @Test
    void reachesTheDeviceThroughAJumpHostAndPinsBothKeys() throws Exception {
        try (MinaSshServer jumpHost = MinaSshServer.start(dir, TestSecrets.KBD_PASSWORD, false, true);
             OpenSshServer device = OpenSshServer.start(dir.resolve("device"))) {
            SshEndpoint jump = new SshEndpoint("jumper", "127.0.0.1", jumpHost.port(), kbdPassword(TestSecrets.KBD_PASSWORD));
            SshEndpoint target = new SshEndpoint(device.user(), "127.0.0.1", device.port(), SshAuth.key(device.clientKey()));
            String jumpKey = jumpHost.hostFingerprint();
            String deviceKey = device.hostFingerprint();
            HostKeyTrustDecision both = key -> key.fingerprint().equals(jumpKey) || key.fingerprint().equals(deviceKey);
            try (SshChannel channel = connect(target, Optional.of(jump), both);
                 CommandResult result = channel.run(CommandRequest.of(Command.of("id", "-un"), Duration.ofSeconds(10)))) {
                assertThat(result.stdoutText(100)).isEqualTo(device.user() + "\n");
                assertThat(channel.description()).isEqualTo("ssh " + device.user() + "@127.0.0.1:" + device.port()
                        + " via jumper@127.0.0.1:" + jumpHost.port());
                assertThat(channel.hostKeyFingerprint()).contains(deviceKey);
            }
            assertThat(pins.find("127.0.0.1", jumpHost.port())).isPresent();
            assertThat(pins.find("127.0.0.1", device.port())).isPresent();
            InMemoryHostKeyPinStore fresh = new InMemoryHostKeyPinStore();
            assertThatThrownBy(() -> SshChannel.connect(target, Optional.of(jump),
                    new HostKeyPolicy(fresh, key -> key.fingerprint().equals(jumpKey), Clock.systemUTC()),
                    SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool")), Clock.systemUTC()))
                    .isInstanceOfSatisfying(HostKeyRejectedException.class,
                            e -> assertThat(e.presentedFingerprint()).isEqualTo(deviceKey));
        }
    }
}
