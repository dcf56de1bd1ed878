package org.fr3workbench.testsupport;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.auth.keyboard.DefaultKeyboardInteractiveAuthenticator;
import org.apache.sshd.server.auth.keyboard.UserAuthKeyboardInteractiveFactory;
import org.apache.sshd.server.auth.password.UserAuthPasswordFactory;
import org.apache.sshd.server.forward.AcceptAllForwardingFilter;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.server.shell.ProcessShellCommandFactory;

/**
 * An in-process Apache MINA SSHD for the fast cases OpenSSH is awkward for: keyboard-interactive only, no SFTP
 * subsystem at all, and a jump host that forwards {@code direct-tcpip}. Commands run through {@code /bin/sh -c}
 * as the test JVM's user.
 */
public final class MinaSshServer implements AutoCloseable {

    private final SshServer server;

    private MinaSshServer(SshServer server) {
        this.server = server;
    }

    /**
     * Starts a server on 127.0.0.1.
     *
     * @param dir             where the host key is kept
     * @param password        the only password accepted (any user name)
     * @param keyboardOnly    offer only keyboard-interactive (otherwise only password)
     * @param allowForwarding allow {@code direct-tcpip} (jump host)
     */
    public static MinaSshServer start(Path dir, String password, boolean keyboardOnly, boolean allowForwarding)
            throws IOException {
        SshServer server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(dir.resolve("mina-host.key")));
        server.setPasswordAuthenticator((user, offered, session) -> password.equals(offered));
        if (keyboardOnly) {
            server.setKeyboardInteractiveAuthenticator(new DefaultKeyboardInteractiveAuthenticator());
            server.setUserAuthFactories(List.of(new UserAuthKeyboardInteractiveFactory()));
        } else {
            server.setUserAuthFactories(List.of(new UserAuthPasswordFactory()));
        }
        server.setCommandFactory(ProcessShellCommandFactory.INSTANCE);
        server.setSubsystemFactories(List.of());
        if (allowForwarding) {
            server.setForwardingFilter(AcceptAllForwardingFilter.INSTANCE);
        }
        server.start();
        return new MinaSshServer(server);
    }

    public int port() {
        return server.getPort();
    }

    /** The host key's fingerprint as MINA computes it ({@code SHA256:...}). */
    public String hostFingerprint() throws Exception {
        KeyPair pair = server.getKeyPairProvider().loadKeys(null).iterator().next();
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, pair.getPublic());
    }

    @Override
    public void close() throws IOException {
        server.stop(true);
    }
}
