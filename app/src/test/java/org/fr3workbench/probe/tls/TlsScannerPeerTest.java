package org.fr3workbench.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.fr3workbench.testsupport.OpenSslServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scanner against real {@code openssl s_server} configurations on 127.0.0.1: the accepted suites per
 * protocol must equal what {@code sslscan} reports for the same server, and the BSI verdicts must be right.
 */
@Tag("peer")
class TlsScannerPeerTest {

    @TempDir
    static Path dir;

    private static Path[] ecP256;
    private static Path[] ecP384;
    private static Path[] rsa2048;
    private static Path[] rsaSha1;

    @BeforeAll
    static void certificates() throws Exception {
        ecP256 = OpenSslServer.certificate(dir, "ec256", "sha256", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
        ecP384 = OpenSslServer.certificate(dir, "ec384", "sha384", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384");
        rsa2048 = OpenSslServer.certificate(dir, "rsa", "sha256", "-newkey", "rsa:2048");
        rsaSha1 = OpenSslServer.certificate(dir, "weak", "sha1", "-newkey", "rsa:2048");
    }

    private static TlsTarget target(OpenSslServer server) {
        return new TlsTarget("127.0.0.1", server.port());
    }

    private static TlsScanResult scanAndCompare(OpenSslServer server) throws Exception {
        TlsScanner scanner = new TlsScanner(new DirectConnectionFactory(), TestPolicies.REGISTRY);
        TlsScanResult result = scanner.scan(target(server), new TlsScanOptions(2, 3000, 3000, TestPolicies.bsi()),
                TlsScanListener.NONE, TlsScanCancellation.NONE);
        Map<String, Set<String>> reference = SslScanReference.accepted(dir, target(server), TestPolicies.REGISTRY);
        assertThat(SslScanReference.accepted(result)).as("accepted suites per protocol, ours vs sslscan")
                .isEqualTo(reference);
        assertThat(result.errors()).as("scan errors").isEmpty();
        return result;
    }

    private static List<Finding> failed(TlsScanResult result) {
        return result.findings().stream().filter(f -> f.result() == Finding.Result.FAIL).toList();
    }

    private static Predicate<Finding> rule(String rule) {
        return f -> f.rule().equals(rule);
    }

    @Test
    void tls13OnlyWithTheBsiSuitesPasses() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, ecP256, "-tls1_3",
                "-ciphersuites", "TLS_AES_256_GCM_SHA384:TLS_AES_128_GCM_SHA256:TLS_AES_128_CCM_SHA256")) {
            TlsScanResult result = scanAndCompare(server);
            assertThat(result.protocol("TLSv1.3").orElseThrow().accepted()).containsExactlyInAnyOrder(
                    "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_AES_128_CCM_SHA256");
            assertThat(result.protocols().stream().filter(ProtocolResult::supported)).extracting(ProtocolResult::name)
                    .containsExactly("TLSv1.3");
            assertThat(result.protocol("TLSv1.3").orElseThrow().groups()).contains("x25519", "secp256r1", "secp384r1");
            assertThat(result.certificateSource()).isEqualTo("JDK TLSv1.3 handshake");
            assertThat(result.certificates()).first().satisfies(cert -> {
                assertThat(cert.subject()).isEqualTo("CN=ec256.test");
                assertThat(cert.keyType()).isEqualTo("EC");
                assertThat(cert.keyBits()).isEqualTo(256);
                assertThat(cert.subjectAltNames()).contains("DNS:ec256.test", "IP:127.0.0.1");
            });
            assertThat(result.secureRenegotiation()).isNull();
            assertThat(failed(result)).isEmpty();
        }
    }

    @Test
    void tls12WithBsiSuitesAndAnEcdsaKeyPassesAndKeepsTheServerOrder() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, ecP384, "-tls1_2", "-serverpref", "-cipher",
                "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-SHA384:"
                        + "ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-CCM:ECDHE-ECDSA-AES128-CCM")) {
            TlsScanResult result = scanAndCompare(server);
            ProtocolResult tls12 = result.protocol("TLSv1.2").orElseThrow();
            assertThat(tls12.preference()).isEqualTo("server");
            assertThat(tls12.accepted()).containsExactly("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_CCM", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM");
            assertThat(tls12.signatureAlgorithms()).isNotEmpty().allMatch(s -> s.startsWith("ecdsa_"));
            assertThat(tls12.groups()).contains("secp384r1");
            assertThat(result.certificates()).first().satisfies(cert -> {
                assertThat(cert.keyBits()).isEqualTo(384);
                assertThat(cert.signatureHash()).isEqualTo("SHA384");
            });
            assertThat(result.secureRenegotiation()).isTrue();
            assertThat(result.compression()).isFalse();
            assertThat(failed(result)).isEmpty();
            assertThat(result.findings()).filteredOn(rule(PolicyEvaluator.RENEGOTIATION_SECURE)).hasSize(1);
        }
    }

    @Test
    void tls12WithAnRsaKeyAndDheFailsOnKeySizes() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, rsa2048, "-tls1_2", "-cipher",
                "DHE-RSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES128-CCM:ECDHE-RSA-AES128-GCM-SHA256")) {
            TlsScanResult result = scanAndCompare(server);
            assertThat(result.protocol("TLSv1.2").orElseThrow().accepted()).containsExactlyInAnyOrder(
                    "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_128_CCM",
                    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(result.dhBits()).isEqualTo(2048);
            assertThat(failed(result)).extracting(Finding::rule)
                    .containsExactlyInAnyOrder(PolicyEvaluator.CERT_RSA_MIN_BITS, PolicyEvaluator.DH_MIN_BITS);
            assertThat(failed(result)).filteredOn(rule(PolicyEvaluator.CERT_RSA_MIN_BITS)).first()
                    .extracting(Finding::message).asString().contains("2048 bits, fewer than 3000");
        }
    }

    @Test
    void aWeakTls10ServerWithRsaKeyTransportAndSha1FailsEverywhere() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, rsaSha1, "-min_protocol", "TLSv1", "-max_protocol", "TLSv1.2",
                "-cipher", "AES128-SHA:AES256-SHA:DES-CBC3-SHA:ECDHE-RSA-AES128-SHA:@SECLEVEL=0")) {
            TlsScanResult result = scanAndCompare(server);
            assertThat(result.protocol("TLSv1.0").orElseThrow().accepted()).contains("TLS_RSA_WITH_AES_128_CBC_SHA");
            assertThat(failed(result)).filteredOn(rule(PolicyEvaluator.PROTOCOL_ALLOWED)).extracting(Finding::subject)
                    .containsExactlyInAnyOrder("TLSv1.0", "TLSv1.1");
            assertThat(failed(result)).filteredOn(rule(PolicyEvaluator.SUITE_ALLOWED)).extracting(Finding::subject)
                    .contains("TLSv1.2 TLS_RSA_WITH_AES_128_CBC_SHA", "TLSv1.0 TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
            assertThat(failed(result)).filteredOn(rule(PolicyEvaluator.CERT_SIGNATURE_HASH)).singleElement()
                    .extracting(Finding::message).asString().contains("SHA1");
            assertThat(result.findings()).filteredOn(rule(PolicyEvaluator.SUITE_ALLOWED))
                    .allMatch(f -> f.result() == Finding.Result.FAIL);
        }
    }

    @Test
    void chacha20IsAcceptedAndNotAllowed() throws Exception {
        try (OpenSslServer server = OpenSslServer.start(dir, ecP256,
                "-cipher", "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256",
                "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256:TLS_AES_256_GCM_SHA384")) {
            TlsScanResult result = scanAndCompare(server);
            assertThat(failed(result)).extracting(Finding::subject).containsExactlyInAnyOrder(
                    "TLSv1.3 TLS_CHACHA20_POLY1305_SHA256", "TLSv1.2 TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
            SuiteMatrix matrix = SuiteMatrix.of(result);
            assertThat(matrix.rows()).extracting(SuiteMatrix.Row::suite).contains("TLS_CHACHA20_POLY1305_SHA256",
                    "TLS_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
            int tls13 = matrix.protocols().indexOf("TLSv1.3");
            assertThat(matrix.rows()).filteredOn(r -> r.suite().equals("TLS_CHACHA20_POLY1305_SHA256")).singleElement()
                    .satisfies(r -> assertThat(r.cells().get(tls13)).isEqualTo(SuiteMatrix.Cell.FAIL));
        }
    }
}
