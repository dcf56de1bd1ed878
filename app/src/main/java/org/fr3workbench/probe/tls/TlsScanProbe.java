package org.fr3workbench.probe.tls;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.TcpForwarding;
import org.fr3workbench.device.TcpTunnel;

/**
 * The TLS scan as a probe for the CLI, the GUI and guided procedures: scans an endpoint directly or through
 * the device's SSH session, judges it and renders the two evidence items (JSON and table). It stores
 * nothing; the caller records {@link TlsProbeOutcome#evidence(String)} in the assessment file.
 */
public final class TlsScanProbe {

    private final ConnectionFactory direct;
    private final CipherSuiteRegistry registry;

    /**
     * @param direct   connections from this machine (normally {@link DirectConnectionFactory})
     * @param registry the IANA cipher suite registry
     */
    public TlsScanProbe(ConnectionFactory direct, CipherSuiteRegistry registry) {
        this.direct = direct;
        this.registry = registry;
    }

    /**
     * Runs the scan. Blocks: call it from a worker.
     *
     * @throws TlsScanException      the target cannot be reached, or the channel cannot tunnel
     * @throws CancellationException the cancellation fired
     */
    public TlsProbeOutcome run(TlsProbeRequest request, TlsScanListener listener, TlsScanCancellation cancellation)
            throws TlsScanException, InterruptedException {
        if (request.through().isEmpty()) {
            return outcome(new TlsScanner(direct, registry).scan(request.target(), request.options(), listener, cancellation),
                    "direct");
        }
        DeviceChannel channel = request.through().get();
        if (!(channel instanceof TcpForwarding forwarding)) {
            throw new TlsScanException("cannot scan " + request.target() + " through " + channel.description()
                    + ": only an SSH connection can tunnel TCP");
        }
        try (TcpTunnel tunnel = open(forwarding, channel)) {
            TlsScanResult result = new TlsScanner(tunnel::open, registry).scan(request.target(), request.options(), listener,
                    cancellation);
            return outcome(result, tunnel.description());
        }
    }

    private static TcpTunnel open(TcpForwarding forwarding, DeviceChannel channel) throws TlsScanException {
        try {
            return forwarding.openTunnel();
        } catch (DeviceException e) {
            throw new TlsScanException("cannot tunnel through " + channel.description() + ": " + e.getMessage());
        }
    }

    /** Renders a judged result as the probe's outcome. */
    public static TlsProbeOutcome outcome(TlsScanResult result, String source) {
        List<Finding> failed = result.findings().stream().filter(f -> f.result() == Finding.Result.FAIL).toList();
        String reason;
        if (failed.isEmpty()) {
            reason = "all " + result.findings().size() + " findings passed";
        } else {
            Finding first = failed.getFirst();
            reason = failed.size() + " of " + result.findings().size() + " findings failed, first " + first.rule() + ": "
                    + first.message();
        }
        return new TlsProbeOutcome(result, TlsScanJson.toJson(result).getBytes(StandardCharsets.UTF_8),
                TlsScanTable.render(result), failed.isEmpty(), reason, source);
    }
}
