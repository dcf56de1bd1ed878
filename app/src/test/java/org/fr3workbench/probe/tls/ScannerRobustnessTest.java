package org.fr3workbench.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** A server that misbehaves never hangs the scanner, and the result says clearly what happened. */
class ScannerRobustnessTest {

    private static final int TIMEOUT_MS = 400;

    private static TlsScanResult scan(MisbehavingServer server) {
        return assertTimeoutPreemptively(Duration.ofSeconds(20), () -> scanner().scan(server.target(),
                new TlsScanOptions(2, TIMEOUT_MS, TIMEOUT_MS, TestPolicies.bsi()), TlsScanListener.NONE, TlsScanCancellation.NONE));
    }

    private static TlsScanner scanner() {
        return new TlsScanner(new DirectConnectionFactory(), TestPolicies.REGISTRY);
    }

    private static Finding failedFinding(TlsScanResult result, String rule) {
        return result.findings().stream().filter(f -> f.rule().equals(rule) && f.result() == Finding.Result.FAIL)
                .findFirst().orElseThrow(() -> new AssertionError("no failed " + rule + " in " + result.findings()));
    }

    @Test
    void aServerThatClosesAtOnceAcceptsNothing() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.CLOSE)) {
            TlsScanResult result = scan(server);
            assertThat(result.protocols()).noneMatch(ProtocolResult::supported);
            assertThat(failedFinding(result, PolicyEvaluator.PROTOCOL_ANY).message())
                    .contains("completed no TLS or SSL handshake").contains("TLSv1.2: closed the connection without answering");
            assertThat(result.failed()).isTrue();
        }
    }

    @Test
    void aStallingServerTimesOut() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.STALL)) {
            TlsScanResult result = scan(server);
            assertThat(failedFinding(result, PolicyEvaluator.SCAN_COMPLETE).message())
                    .endsWith("no complete answer within " + TIMEOUT_MS + " ms");
            assertThat(result.errors()).hasSize(5);
        }
    }

    @Test
    void aTricklingServerIsCutOffAtTheDeadline() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.TRICKLE)) {
            TlsScanResult result = scan(server);
            assertThat(failedFinding(result, PolicyEvaluator.SCAN_COMPLETE).message()).contains("no complete answer within");
            assertThat(result.durationMillis()).isLessThan(10_000);
        }
    }

    @Test
    void garbageIsNamedAsNotTls() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.GARBAGE)) {
            TlsScanResult result = scan(server);
            assertThat(failedFinding(result, PolicyEvaluator.SCAN_COMPLETE).message())
                    .contains("not a TLS answer: it starts with").contains("HTTP/");
            assertThat(failedFinding(result, PolicyEvaluator.PROTOCOL_ANY)).isNotNull();
        }
    }

    @Test
    void anOversizedRecordIsRefused() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.OVERSIZED)) {
            TlsScanResult result = scan(server);
            assertThat(failedFinding(result, PolicyEvaluator.SCAN_COMPLETE).message())
                    .contains("record of 65535 bytes exceeds the TLS limit of 18432 bytes");
        }
    }

    @Test
    void anAlertMidHandshakeIsReported() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.ALERT_MID_HANDSHAKE)) {
            TlsScanResult result = scan(server);
            assertThat(result.protocol("TLSv1.2").orElseThrow().accepted())
                    .containsExactly("TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(result.errors()).contains("TLSv1.2: the server sent alert internal_error(80) after ServerHello");
            assertThat(failedFinding(result, PolicyEvaluator.SCAN_COMPLETE).message()).contains("internal_error(80)");
            assertThat(result.protocol("TLSv1.3").orElseThrow().refusal()).isEqualTo("alert handshake_failure(40)");
        }
    }

    @Test
    void aClosedPortIsUnreachable() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        TlsTarget target = new TlsTarget("127.0.0.1", port);
        assertThatThrownBy(() -> scanner().scan(target, new TlsScanOptions(2, TIMEOUT_MS, TIMEOUT_MS, TestPolicies.bsi()),
                TlsScanListener.NONE, TlsScanCancellation.NONE))
                .isInstanceOf(TlsScanException.class).hasMessageStartingWith("cannot connect to 127.0.0.1:" + port + ":");
    }

    @Test
    void cancellationStopsTheScan() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer(MisbehavingServer.Behaviour.STALL)) {
            long started = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> scanner().scan(server.target(),
                    new TlsScanOptions(2, TIMEOUT_MS, TIMEOUT_MS, TestPolicies.bsi()), TlsScanListener.NONE,
                    () -> System.nanoTime() - started > 100_000_000L)).isInstanceOf(CancellationException.class));
        }
    }
}
