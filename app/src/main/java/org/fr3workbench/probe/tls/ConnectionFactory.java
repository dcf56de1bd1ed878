package org.fr3workbench.probe.tls;

import java.io.IOException;
import java.net.Socket;

/**
 * Opens the TCP connections a scan uses. The scanner only ever talks through this interface, so a
 * connection can come from anywhere that yields a {@link Socket}:
 * <ul>
 *   <li>{@link DirectConnectionFactory}: a plain TCP connection from the assessor's machine;</li>
 *   <li>through the device (the tunnel hook): the device layer opens an SSH local port forward on the
 *       device connection (e.g. sshj's {@code LocalPortForwarder} listening on 127.0.0.1:0 and forwarding
 *       to the device's own 127.0.0.1:PORT) and returns a factory that connects to that local port, or wraps
 *       the SSH direct-tcpip channel's streams in a {@code Socket}. See docs/tls-scanner.md.</li>
 * </ul>
 */
@FunctionalInterface
public interface ConnectionFactory {

    /**
     * A connected socket to the target.
     *
     * @param host the target host as the user gave it
     * @param port the target port
     * @param connectTimeoutMillis the longest wait for the connection
     * @throws IOException when no connection can be made (refused, unknown host, timeout)
     */
    Socket open(String host, int port, int connectTimeoutMillis) throws IOException;
}
