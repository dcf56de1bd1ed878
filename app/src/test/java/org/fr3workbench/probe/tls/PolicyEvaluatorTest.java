package org.fr3workbench.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Verdicts of the bundled BSI policy on hand-made results (the peer tests cover real servers). */
class PolicyEvaluatorTest {

    private static final Instant NOW = Instant.now();

    private static CertificateInfo cert(int position, String keyType, int bits, String hash, Instant notAfter, boolean selfSigned) {
        return new CertificateInfo(position, "CN=c" + position, selfSigned ? "CN=c" + position : "CN=ca", List.of(), keyType, bits,
                null, hash + "with" + keyType, hash, NOW.minus(30, ChronoUnit.DAYS), notAfter, selfSigned, "00");
    }

    private static TlsScanResult result(List<ProtocolResult> protocols, List<CertificateInfo> chain, Boolean reneg,
                                        boolean compression) {
        return new TlsScanResult("device:443", NOW, 10, 12, protocols, chain, "TLSv1.2 handshake", reneg, compression, 0,
                List.of(), null, List.of());
    }

    private static ProtocolResult supported(String name, String... suites) {
        return new ProtocolResult(name, true, List.of(suites), null, List.of(), List.of(), null, null);
    }

    private static List<String> failed(TlsScanResult judged) {
        return judged.findings().stream().filter(f -> f.result() == Finding.Result.FAIL).map(f -> f.rule() + " " + f.subject())
                .toList();
    }

    @Test
    void aConformingEndpointPassesEveryRule() {
        TlsScanResult judged = new PolicyEvaluator(TestPolicies.bsi()).judge(result(
                List.of(supported("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"), supported("TLSv1.3", "TLS_AES_256_GCM_SHA384")),
                List.of(cert(0, "RSA", 3072, "SHA256", NOW.plus(300, ChronoUnit.DAYS), false)), true, false));
        assertThat(failed(judged)).isEmpty();
        assertThat(judged.failed()).isFalse();
        assertThat(judged.policy().id()).isEqualTo("bsi-tr-02102-2");
        assertThat(judged.findings()).extracting(Finding::rule).contains(PolicyEvaluator.PROTOCOL_ALLOWED,
                PolicyEvaluator.SUITE_ALLOWED, PolicyEvaluator.CERT_RSA_MIN_BITS, PolicyEvaluator.CERT_SIGNATURE_HASH,
                PolicyEvaluator.CERT_VALIDITY, PolicyEvaluator.RENEGOTIATION_SECURE, PolicyEvaluator.COMPRESSION_DISABLED);
    }

    @Test
    void eachWeaknessFailsItsOwnRule() {
        TlsScanResult judged = new PolicyEvaluator(TestPolicies.bsi()).judge(result(
                List.of(supported("TLSv1.1", "TLS_RSA_WITH_AES_128_CBC_SHA"), supported("TLSv1.2", "TLS_RSA_WITH_AES_128_GCM_SHA256")),
                List.of(cert(0, "RSA", 2048, "SHA1", NOW.minus(1, ChronoUnit.DAYS), false),
                        cert(1, "EC", 224, "SHA256", NOW.plus(300, ChronoUnit.DAYS), false),
                        cert(2, "RSA", 4096, "SHA1", NOW.plus(3000, ChronoUnit.DAYS), true)), false, true));
        assertThat(failed(judged)).containsExactlyInAnyOrder(
                "protocol.allowed TLSv1.1",
                "suite.allowed TLSv1.1 TLS_RSA_WITH_AES_128_CBC_SHA",
                "suite.allowed TLSv1.2 TLS_RSA_WITH_AES_128_GCM_SHA256",
                "cert.rsa-min-bits certificate 0 (CN=c0)",
                "cert.signature-hash certificate 0 (CN=c0)",
                "cert.validity certificate 0 (CN=c0)",
                "cert.ec-min-bits certificate 1 (CN=c1)",
                "renegotiation.secure renegotiation",
                "compression.disabled compression");
        assertThat(judged.findings()).filteredOn(f -> f.rule().equals(PolicyEvaluator.CERT_VALIDITY)
                && f.result() == Finding.Result.FAIL).singleElement().extracting(Finding::message).asString().startsWith("expired on ");
    }

    @Test
    void scanProblemsAndANoTlsEndpointFail() {
        ProtocolResult refused = new ProtocolResult("TLSv1.2", false, List.of(), null, List.of(), List.of(),
                "closed the connection without answering", null);
        TlsScanResult broken = new TlsScanResult("device:443", NOW, 10, 5, List.of(refused), List.of(), null, null, false, 0,
                List.of("TLSv1.3: no complete answer within 400 ms"), null, List.of());
        TlsScanResult judged = new PolicyEvaluator(TestPolicies.bsi()).judge(broken);
        assertThat(failed(judged)).containsExactly("scan.complete device:443", "protocol.any device:443");
        assertThat(judged.findings()).filteredOn(f -> f.rule().equals(PolicyEvaluator.PROTOCOL_ANY)).singleElement()
                .extracting(Finding::message).asString()
                .contains("TLSv1.3: no complete answer within 400 ms").contains("TLSv1.2: closed the connection without answering");
    }

    @Test
    void theMatrixColoursEachAcceptedSuiteByPolicy() {
        TlsScanResult judged = new PolicyEvaluator(TestPolicies.bsi()).judge(result(
                List.of(supported("TLSv1.2", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_AES_128_CBC_SHA"),
                        supported("TLSv1.3", "TLS_AES_256_GCM_SHA384")), List.of(), true, false));
        SuiteMatrix matrix = SuiteMatrix.of(judged);
        assertThat(matrix.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(matrix.rows()).containsExactly(
                new SuiteMatrix.Row("TLS_AES_256_GCM_SHA384", List.of(SuiteMatrix.Cell.NONE, SuiteMatrix.Cell.PASS)),
                new SuiteMatrix.Row("TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", List.of(SuiteMatrix.Cell.PASS, SuiteMatrix.Cell.NONE)),
                new SuiteMatrix.Row("TLS_RSA_WITH_AES_128_CBC_SHA", List.of(SuiteMatrix.Cell.FAIL, SuiteMatrix.Cell.NONE)));
        assertThat(TlsScanTable.render(judged)).contains("TLS_RSA_WITH_AES_128_CBC_SHA").contains("FAIL suite.allowed");
        assertThat(TlsScanJson.toJson(judged)).contains("\"target\" : \"device:443\"").contains("\"result\" : \"fail\"");
    }
}
