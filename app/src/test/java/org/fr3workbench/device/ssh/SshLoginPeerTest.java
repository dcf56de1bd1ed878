package org.fr3workbench.device.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.fr3workbench.device.AuthenticationException;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyRejectedException;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.Secret;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in to a real OpenSSH sshd: keys, passwords and host key trust. */
@Tag("peer")
class SshLoginPeerTest {

    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    static String user;

    @BeforeAll
    static void startServer() throws Exception {
        sshd = OpenSshServer.start(dir.resolve("sshd"));
        user = sshd.user();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private SshChannel connect(String login, SshAuth auth, HostKeyPolicy policy) throws Exception {
        return SshChannel.connect(new SshEndpoint(login, "127.0.0.1", sshd.port(), auth), Optional.empty(), policy,
                SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool")), Clock.systemUTC());
    }

    private HostKeyPolicy trusting() throws Exception {
        return new HostKeyPolicy(new InMemoryHostKeyPinStore(), HostKeyTrustDecision.expect(sshd.hostFingerprint()),
                Clock.systemUTC());
    }

    private static String whoami(SshChannel channel) throws Exception {
        try (CommandResult result = channel.run(CommandRequest.of(Command.of("id", "-un"), Duration.ofSeconds(10)))) {
            assertThat(result.transcript().succeeded()).isTrue();
            return result.stdoutText(100).strip();
        }
    }

    @Test
    void logsInWithAnUnencryptedOpenSshKey() throws Exception {
        try (SshChannel channel = connect(user, SshAuth.key(sshd.clientKey()), trusting())) {
            assertThat(whoami(channel)).isEqualTo(user);
            assertThat(channel.hostKeyFingerprint()).contains(sshd.hostFingerprint());
        }
    }

    @Test
    void logsInWithPassphraseProtectedOpenSshAndPemKeys() throws Exception {
        SshAuth openssh = SshAuth.key(sshd.clientKeyWithPassphrase(),
                Secret.of(TestSecrets.KEY_PASSPHRASE.toCharArray()));
        try (SshChannel channel = connect(user, openssh, trusting())) {
            assertThat(whoami(channel)).isEqualTo(user);
        }
        SshAuth pem = SshAuth.key(sshd.pemKeyWithPassphrase(), Secret.of(TestSecrets.PEM_PASSPHRASE.toCharArray()));
        try (SshChannel channel = connect(user, pem, trusting())) {
            assertThat(whoami(channel)).isEqualTo(user);
        }
    }

    @Test
    void wrongPassphraseIsAClearError() {
        SshAuth wrong = SshAuth.key(sshd.pemKeyWithPassphrase(), Secret.of("not it".toCharArray()));
        assertThatThrownBy(() -> connect(user, wrong, trusting()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(sshd.pemKeyWithPassphrase().toString())
                .hasMessageContaining("passphrase");
    }

    @Test
    void logsInWithAPassword() throws Exception {
        SshAuth password = SshAuth.password(Secret.of(TestSecrets.SSH_PASSWORD.toCharArray()));
        try (SshChannel channel = connect(user, password, trusting())) {
            assertThat(whoami(channel)).isEqualTo(user);
        }
    }

    @Test
    void wrongPasswordIsAClearError() {
        SshAuth wrong = SshAuth.password(Secret.of("Wrong-password-1".toCharArray()));
        assertThatThrownBy(() -> connect(user, wrong, trusting()))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining(user + "@127.0.0.1:" + sshd.port())
                .hasMessageContaining("refused the login")
                .hasMessageNotContaining("Wrong-password-1");
    }

    @Test
    void unknownHostKeyIsRefusedWithoutAPin() throws Exception {
        InMemoryHostKeyPinStore pins = new InMemoryHostKeyPinStore();
        HostKeyPolicy refuse = new HostKeyPolicy(pins, HostKeyTrustDecision.REFUSE, Clock.systemUTC());
        assertThatThrownBy(() -> connect(user, SshAuth.key(sshd.clientKey()), refuse))
                .isInstanceOfSatisfying(HostKeyRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(HostKeyRejectedException.Reason.UNKNOWN);
                    assertThat(e.presentedFingerprint()).isEqualTo(fingerprintUnchecked());
                    assertThat(e.getMessage()).contains("--host-key " + fingerprintUnchecked());
                });
        assertThat(pins.all()).isEmpty();
        HostKeyPolicy otherKey = new HostKeyPolicy(pins,
                HostKeyTrustDecision.expect("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"), Clock.systemUTC());
        assertThatThrownBy(() -> connect(user, SshAuth.key(sshd.clientKey()), otherKey))
                .isInstanceOf(HostKeyRejectedException.class);
        assertThat(pins.all()).isEmpty();
    }

    @Test
    void acceptedKeyIsPinnedAndReusedWithoutAskingAgain() throws Exception {
        InMemoryHostKeyPinStore pins = new InMemoryHostKeyPinStore();
        HostKeyPolicy first = new HostKeyPolicy(pins, HostKeyTrustDecision.expect(sshd.hostFingerprint()),
                Clock.systemUTC());
        try (SshChannel channel = connect(user, SshAuth.key(sshd.clientKey()), first)) {
            assertThat(channel.isConnected()).isTrue();
        }
        assertThat(pins.find("127.0.0.1", sshd.port())).hasValueSatisfying(pin -> {
            assertThat(pin.fingerprint()).isEqualTo(fingerprintUnchecked());
            assertThat(pin.keyType()).isEqualTo("ssh-ed25519");
        });
        HostKeyPolicy pinnedOnly = new HostKeyPolicy(pins, HostKeyTrustDecision.REFUSE, Clock.systemUTC());
        try (SshChannel channel = connect(user, SshAuth.key(sshd.clientKey()), pinnedOnly)) {
            assertThat(whoami(channel)).isEqualTo(user);
        }
    }

    private static String fingerprintUnchecked() {
        try {
            return sshd.hostFingerprint();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
