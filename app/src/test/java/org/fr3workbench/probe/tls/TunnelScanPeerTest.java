package org.fr3workbench.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.TcpTunnel;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.local.LocalChannel;
import org.fr3workbench.device.ssh.SshAuth;
import org.fr3workbench.device.ssh.SshChannel;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.OpenSslServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanning through the device: a real OpenSSH sshd on 127.0.0.1 stands in for the device, an {@code openssl
 * s_server} on another 127.0.0.1 port for a service on its loopback; the scan goes through SSH direct-tcpip
 * channels of the device connection and must find exactly what the direct scan finds.
 */
@Tag("peer")
class TunnelScanPeerTest {

    @TempDir
    static Path dir;
    private static OpenSshServer sshd;
    private static ExecutorService io;
    private static DeviceConnections connections;

    @BeforeAll
    static void start() throws Exception {
        sshd = OpenSshServer.start(dir.resolve("sshd"));
        io = Executors.newCachedThreadPool();
        connections = new DeviceConnections(dir.resolve("work"), Clock.systemUTC(), io);
    }

    @AfterAll
    static void stop() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        if (io != null) {
            io.shutdownNow();
        }
    }

    private static SshChannel device() throws Exception {
        SshEndpoint endpoint = new SshEndpoint(sshd.user(), "127.0.0.1", sshd.port(),
                new SshAuth.Key(sshd.clientKey(), Optional.empty()));
        return connections.ssh(endpoint, Optional.empty(), new InMemoryHostKeyPinStore(),
                HostKeyTrustDecision.expect(sshd.hostFingerprint()));
    }

    /** The JSON without the two fields that differ from run to run (start time, duration). */
    private static JsonNode comparable(TlsProbeOutcome outcome) throws Exception {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(outcome.jsonBytes());
        json.remove("startedAt");
        json.remove("durationMs");
        return json;
    }

    @Test
    void aScanThroughTheTunnelFindsExactlyWhatTheDirectScanFinds() throws Exception {
        Path[] cert = OpenSslServer.certificate(dir, "tunnel", "sha256", "-newkey", "rsa:2048");
        TlsScanProbe probe = new TlsScanProbe(new DirectConnectionFactory(), TestPolicies.REGISTRY);
        try (OpenSslServer server = OpenSslServer.start(dir, cert, "-min_protocol", "TLSv1.2",
                "-cipher", "ECDHE-RSA-AES128-GCM-SHA256:AES128-SHA:DHE-RSA-AES256-GCM-SHA384",
                "-ciphersuites", "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256");
             SshChannel device = device()) {
            TlsProbeRequest request = new TlsProbeRequest(new TlsTarget("127.0.0.1", server.port()), Optional.empty(),
                    TestPolicies.bsi(), 2, 3000);
            TlsProbeOutcome direct = probe.run(request, TlsScanListener.NONE, TlsScanCancellation.NONE);
            TlsProbeOutcome tunnelled = probe.run(request.through(device), TlsScanListener.NONE, TlsScanCancellation.NONE);

            assertThat(direct.source()).isEqualTo("direct");
            assertThat(tunnelled.source()).isEqualTo(device.description());
            assertThat(tunnelled.result().errors()).isEmpty();
            assertThat(tunnelled.result().protocol("TLSv1.2").orElseThrow().accepted()).containsExactlyInAnyOrder(
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_128_CBC_SHA", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");
            assertThat(comparable(tunnelled)).isEqualTo(comparable(direct));
            assertThat(tunnelled.passed()).isFalse();
            assertThat(tunnelled.reason()).contains("findings failed");
        }
    }

    @Test
    void theTunnelNeverHoldsMoreChannelsThanTheParallelLimit() throws Exception {
        Path[] cert = OpenSslServer.certificate(dir, "bounded", "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        try (OpenSslServer server = OpenSslServer.start(dir, cert);
             SshChannel device = device();
             TcpTunnel tunnel = device.openTunnel()) {
            TlsScanResult result = new TlsScanner(tunnel::open, TestPolicies.REGISTRY).scan(new TlsTarget("127.0.0.1", server.port()),
                    new TlsScanOptions(3, 3000, 3000, TestPolicies.bsi()), TlsScanListener.NONE, TlsScanCancellation.NONE);
            assertThat(result.connections()).isGreaterThan(10);
            assertThat(tunnel.peakConnections()).isBetween(2, 3);
            assertThat(tunnel.openConnections()).isZero();
        }
    }

    @Test
    void aClosedPortOnTheDeviceIsReportedAsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        TlsScanProbe probe = new TlsScanProbe(new DirectConnectionFactory(), TestPolicies.REGISTRY);
        try (SshChannel device = device()) {
            TlsProbeRequest request = TlsProbeRequest.direct(new TlsTarget("127.0.0.1", port), TestPolicies.bsi()).through(device);
            assertThatThrownBy(() -> probe.run(request, TlsScanListener.NONE, TlsScanCancellation.NONE))
                    .isInstanceOf(TlsScanException.class)
                    .hasMessageStartingWith("cannot connect to 127.0.0.1:" + port + ": the device refused to connect to 127.0.0.1:"
                            + port)
                    .hasMessageContaining(device.description());
        }
    }

    @Test
    void aChannelThatCannotTunnelIsRefusedWithAClearMessage() throws Exception {
        TlsScanProbe probe = new TlsScanProbe(new DirectConnectionFactory(), TestPolicies.REGISTRY);
        try (LocalChannel local = connections.local()) {
            TlsProbeRequest request = TlsProbeRequest.direct(new TlsTarget("127.0.0.1", 443), TestPolicies.bsi()).through(local);
            assertThatThrownBy(() -> probe.run(request, TlsScanListener.NONE, TlsScanCancellation.NONE))
                    .isInstanceOf(TlsScanException.class)
                    .hasMessageContaining("only an SSH connection can tunnel TCP");
        }
    }
}
