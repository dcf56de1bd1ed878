package org.fr3workbench.probe.tls;

import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.domain.TlsPolicy;

/**
 * What {@link TlsScanProbe#run} scans.
 *
 * @param target        the endpoint; with {@code through} it is seen from the device ({@code 127.0.0.1} is the
 *                      device's loopback)
 * @param through       a device channel to tunnel through (SSH only, see {@link org.fr3workbench.device.TcpForwarding});
 *                      empty for direct connections from this machine
 * @param policy        the policy that judges the result
 * @param parallel      most connections open at once (1..64; through a tunnel these are SSH channels)
 * @param timeoutMillis connect and read timeout per connection
 */
public record TlsProbeRequest(TlsTarget target, Optional<DeviceChannel> through, TlsPolicy policy, int parallel,
                              int timeoutMillis) {

    public TlsProbeRequest {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(policy, "policy");
        // Validates parallel and the timeout with the scanner's own rules and messages.
        new TlsScanOptions(parallel, timeoutMillis, timeoutMillis, policy);
    }

    /** A direct scan with the polite defaults. */
    public static TlsProbeRequest direct(TlsTarget target, TlsPolicy policy) {
        return new TlsProbeRequest(target, Optional.empty(), policy, TlsScanOptions.DEFAULT_PARALLEL,
                TlsScanOptions.DEFAULT_TIMEOUT_MILLIS);
    }

    /** The same request through a device channel. */
    public TlsProbeRequest through(DeviceChannel channel) {
        return new TlsProbeRequest(target, Optional.of(channel), policy, parallel, timeoutMillis);
    }

    TlsScanOptions options() {
        return new TlsScanOptions(parallel, timeoutMillis, timeoutMillis, policy);
    }
}
