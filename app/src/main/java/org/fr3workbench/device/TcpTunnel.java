package org.fr3workbench.device;

import java.io.IOException;
import java.net.Socket;

/**
 * TCP connections made from the device's side of a channel: a {@link Socket} on this machine whose bytes the
 * device relays to {@code host:port} as the device sees it (so {@code 127.0.0.1} is the device's own loopback).
 * Opened by {@link TcpForwarding#openTunnel()}; closing the tunnel closes every connection it still holds.
 */
public interface TcpTunnel extends AutoCloseable {

    /**
     * A connected socket whose peer is {@code host:port} seen from the device.
     *
     * @param connectTimeoutMillis the longest wait for the local end of the relay
     * @throws IOException when the device cannot connect (port closed, host unknown to it) or the session is gone
     */
    Socket open(String host, int port, int connectTimeoutMillis) throws IOException;

    /** What the connections go through, for messages: {@code ssh root@192.0.2.7:22}. */
    String description();

    /** Connections open right now. */
    int openConnections();

    /** The most connections that were open at once since the tunnel was opened. */
    int peakConnections();

    @Override
    void close();
}
