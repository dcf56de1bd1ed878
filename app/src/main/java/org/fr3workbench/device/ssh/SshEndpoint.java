package org.fr3workbench.device.ssh;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * Where to log in: user, host, port and credentials.
 *
 * @param user user name on the device
 * @param host host name or address
 * @param port TCP port
 * @param auth how to authenticate
 */
public record SshEndpoint(String user, String host, int port, SshAuth auth) {

    public SshEndpoint {
        Objects.requireNonNull(auth, "auth");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("an SSH endpoint needs a user name");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an SSH endpoint needs a host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("SSH port must be 1..65535, found " + port);
        }
    }

    /**
     * Parses {@code ssh://USER@HOST[:PORT]} (the CLI form) or {@code USER@HOST[:PORT]} (the ProxyJump form).
     * IPv6 addresses go in brackets: {@code ssh://root@[::1]:2222}.
     */
    public static SshEndpoint parse(String text, SshAuth auth) {
        String uriText = text.startsWith("ssh://") ? text : "ssh://" + text;
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not an SSH address (ssh://USER@HOST[:PORT]): '" + text + "'", e);
        }
        if (uri.getHost() == null || uri.getUserInfo() == null || uri.getUserInfo().contains(":")
                || (uri.getPath() != null && !uri.getPath().isEmpty()) || uri.getQuery() != null) {
            throw new IllegalArgumentException("not an SSH address (ssh://USER@HOST[:PORT], no password in it): '"
                    + text + "'");
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new SshEndpoint(uri.getUserInfo(), host, uri.getPort() == -1 ? 22 : uri.getPort(), auth);
    }

    /** The same endpoint with independent copies of its secrets. */
    public SshEndpoint duplicate() {
        return new SshEndpoint(user, host, port, auth.duplicate());
    }

    /** {@code user@host:port}. */
    public String display() {
        return user + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
