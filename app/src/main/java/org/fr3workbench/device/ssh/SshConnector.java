package org.fr3workbench.device.ssh;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.schmizz.keepalive.KeepAlive;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthKeyboardInteractive;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPassword;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.method.PasswordResponseProvider;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;
import org.fr3workbench.device.AuthenticationException;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.Secret;

/**
 * Opens authenticated sshj clients: host key checked against the pins, keep-alive on, optionally through a
 * jump host (ProxyJump: a {@code direct-tcpip} channel on the jump connection carries the target's SSH).
 */
final class SshConnector {

    private final HostKeyPolicy policy;
    private final SshOptions options;

    SshConnector(HostKeyPolicy policy, SshOptions options) {
        this.policy = policy;
        this.options = options;
    }

    /** A connected, authenticated client and the fingerprint of the host key that was verified. */
    record Connected(SSHClient client, String fingerprint) {
    }

    /** Connects directly, or through {@code via} when given (already authenticated to the jump host). */
    Connected connect(SshEndpoint endpoint, Optional<SSHClient> via) throws DeviceException {
        SSHClient client = newClient();
        PinningHostKeyVerifier verifier = new PinningHostKeyVerifier(policy, endpoint.host(), endpoint.port());
        client.addHostKeyVerifier(verifier);
        try {
            if (via.isPresent()) {
                DirectConnection tunnel = via.get().newDirectConnection(endpoint.host(), endpoint.port());
                client.connectVia(tunnel);
            } else {
                client.connect(endpoint.host(), endpoint.port());
            }
        } catch (IOException e) {
            closeQuietly(client);
            if (verifier.rejection() != null) {
                throw verifier.rejection();
            }
            throw unreachable(endpoint, e);
        }
        configureKeepAlive(client);
        authenticate(client, endpoint);
        return new Connected(client, verifier.acceptedFingerprint());
    }

    private SSHClient newClient() {
        DefaultConfig config = new DefaultConfig();
        config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
        SSHClient client = new SSHClient(config);
        client.setConnectTimeout((int) options.connectTimeout().toMillis());
        client.setTimeout((int) options.connectTimeout().toMillis());
        return client;
    }

    private void configureKeepAlive(SSHClient client) {
        KeepAlive keepAlive = client.getConnection().getKeepAlive();
        keepAlive.setKeepAliveInterval((int) Math.max(1, options.keepAliveInterval().toSeconds()));
        if (keepAlive instanceof KeepAliveRunner runner) {
            runner.setMaxAliveCount(options.keepAliveMaxMissed());
        }
        // The socket read timeout applied to the handshake only; from now on keep-alive detects a dead peer.
        try {
            client.getSocket().setSoTimeout(0);
        } catch (IOException | NullPointerException ignored) {
            // a tunnelled client has no socket of its own; its jump connection has the keep-alive
        }
    }

    private static void authenticate(SSHClient client, SshEndpoint endpoint) throws DeviceException {
        if (endpoint.auth() instanceof SshAuth.Key key && !Files.isReadable(key.keyFile())) {
            closeQuietly(client);
            throw new AuthenticationException("private key file " + key.keyFile() + " does not exist or is not readable");
        }
        ClearingPasswordFinder finder = new ClearingPasswordFinder(endpoint.auth().secret());
        try {
            client.auth(endpoint.user(), methods(client, endpoint.auth(), finder));
        } catch (UserAuthException e) {
            closeQuietly(client);
            throw new AuthenticationException(endpoint.display() + " refused the login (" + endpoint.auth()
                    + "): wrong user name, password or key, or the method is not enabled on the device", e);
        } catch (IOException e) {
            closeQuietly(client);
            if (endpoint.auth() instanceof SshAuth.Key key) {
                throw new AuthenticationException("cannot use private key " + key.keyFile() + " for "
                        + endpoint.display() + ": " + safeMessage(e) + " (wrong passphrase or unsupported format?)", e);
            }
            throw new DeviceException("login to " + endpoint.display() + " failed: " + safeMessage(e), e);
        } finally {
            finder.clear();
        }
    }

    private static List<AuthMethod> methods(SSHClient client, SshAuth auth, PasswordFinder finder) throws IOException {
        return switch (auth) {
            case SshAuth.Password password ->
                    List.of(new AuthPassword(finder), new AuthKeyboardInteractive(new PasswordResponseProvider(finder)));
            case SshAuth.Key key -> {
                KeyProvider provider = key.passphrase().isPresent()
                        ? client.loadKeys(key.keyFile().toString(), finder)
                        : client.loadKeys(key.keyFile().toString());
                provider.getPrivate();
                yield List.of(new AuthPublickey(provider));
            }
        };
    }

    /**
     * Hands sshj a fresh copy of the secret each time it asks and overwrites every copy once the login is over
     * (sshj encodes the characters it is given but does not clear them).
     */
    private static final class ClearingPasswordFinder implements PasswordFinder {
        private final Optional<Secret> secret;
        private final List<char[]> issued = new ArrayList<>();

        ClearingPasswordFinder(Optional<Secret> secret) {
            this.secret = secret;
        }

        @Override
        public synchronized char[] reqPassword(Resource<?> resource) {
            char[] copy = secret.map(Secret::copy).orElse(null);
            if (copy != null) {
                issued.add(copy);
            }
            return copy;
        }

        @Override
        public boolean shouldRetry(Resource<?> resource) {
            return false;
        }

        synchronized void clear() {
            issued.forEach(chars -> Arrays.fill(chars, '\0'));
            issued.clear();
        }
    }

    private static DeviceException unreachable(SshEndpoint endpoint, IOException e) {
        String why = switch (e) {
            case ConnectException c -> "connection refused (is sshd running on that port?)";
            case UnknownHostException u -> "unknown host";
            case NoRouteToHostException n -> "no route to host";
            case SocketTimeoutException t -> "no answer within the connect timeout";
            default -> safeMessage(e);
        };
        return new DeviceException("cannot connect to " + endpoint.display() + ": " + why, e);
    }

    static String safeMessage(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static void closeQuietly(SSHClient client) {
        try {
            client.close();
        } catch (IOException | RuntimeException ignored) {
            // nothing useful to do when closing a broken client
        }
    }
}
