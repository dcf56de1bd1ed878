package org.fr3workbench.device;

/**
 * A channel that can relay TCP connections through the device (SSH {@code direct-tcpip}); serial and local
 * channels cannot. Used to reach services that listen only on the device's loopback, e.g. for a TLS scan.
 */
public interface TcpForwarding {

    /**
     * Opens a tunnel over the channel's current session. Blocking; call it from a worker.
     *
     * @throws DeviceException when the channel is not connected or the tunnel's local end cannot be set up
     */
    TcpTunnel openTunnel() throws DeviceException;
}
