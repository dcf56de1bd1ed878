package org.fr3workbench.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/**
 * The response reader on real server answers captured from {@code openssl s_server} (the fuzz corpus)
 * and on broken ones.
 */
class ResponseReaderTest {

    private static final CipherSuiteRegistry REGISTRY = CipherSuiteRegistry.bundled();

    private static ProbeOutcome read(String corpusFile, HandshakeProbe.Depth depth) throws IOException {
        try (InputStream in = ResponseReaderTest.class.getResourceAsStream("TlsParserFuzzTestInputs/serverResponse/" + corpusFile)) {
            assertThat(in).as(corpusFile).isNotNull();
            return HandshakeProbe.readResponse(new ByteArrayInputStream(in.readAllBytes()), depth, c -> REGISTRY.byCode(c).ecdhe());
        }
    }

    @Test
    void readsATls12DheFlightWithCertificateAndKeyExchange() throws IOException {
        ProbeOutcome outcome = read("tls12-dhe-rsa-flight", HandshakeProbe.Depth.FLIGHT);
        assertThat(outcome).isInstanceOf(ProbeOutcome.Answered.class);
        ProbeOutcome.Answered answer = (ProbeOutcome.Answered) outcome;
        assertThat(answer.hello().version()).isEqualTo(TlsVersion.TLS_1_2.wire());
        assertThat(REGISTRY.byCode(answer.hello().cipherSuite()).name()).isEqualTo("TLS_DHE_RSA_WITH_AES_128_GCM_SHA256");
        assertThat(answer.hello().secureRenegotiation()).isTrue();
        assertThat(answer.certificates()).hasSize(1);
        assertThat(answer.keyExchange().dhBits()).isEqualTo(2048);
        assertThat(TlsNames.signatureScheme(answer.keyExchange().signatureScheme())).startsWith("rsa_");
        assertThat(answer.problem()).isNull();
    }

    @Test
    void readsTheNamedGroupOfAnEcdheKeyExchange() throws IOException {
        ProbeOutcome.Answered answer = (ProbeOutcome.Answered) read("tls12-ecdhe-ecdsa-flight", HandshakeProbe.Depth.FLIGHT);
        assertThat(TlsNames.group(answer.keyExchange().namedGroup())).isEqualTo("x25519");
        assertThat(TlsNames.signatureScheme(answer.keyExchange().signatureScheme())).startsWith("ecdsa_");
    }

    @Test
    void tellsAHelloRetryRequestAndItsGroup() throws IOException {
        ProbeOutcome.Answered answer = (ProbeOutcome.Answered) read("tls13-hello-retry-request", HandshakeProbe.Depth.HELLO);
        assertThat(answer.hello().helloRetryRequest()).isTrue();
        assertThat(answer.hello().version()).isEqualTo(TlsVersion.TLS_1_3.wire());
        assertThat(TlsNames.group(answer.hello().keyShareGroup())).isEqualTo("secp384r1");
    }

    @Test
    void stopsAtATls13ServerHelloEvenWhenAFlightIsWanted() throws IOException {
        ProbeOutcome.Answered answer = (ProbeOutcome.Answered) read("tls13-server-hello", HandshakeProbe.Depth.FLIGHT);
        assertThat(answer.hello().helloRetryRequest()).isFalse();
        assertThat(answer.hello().version()).isEqualTo(TlsVersion.TLS_1_3.wire());
        assertThat(answer.certificates()).isEmpty();
    }

    @Test
    void anAlertBeforeServerHelloIsARefusal() throws IOException {
        assertThat(read("alert-protocol-version", HandshakeProbe.Depth.HELLO))
                .isEqualTo(new ProbeOutcome.Refused(70));
        assertThat(((ProbeOutcome.Refused) read("alert-handshake-failure", HandshakeProbe.Depth.HELLO)).reason())
                .isEqualTo("alert handshake_failure(40)");
    }

    @Test
    void anAlertAfterServerHelloIsReportedAsAProblem() throws IOException {
        ProbeOutcome.Answered answer = (ProbeOutcome.Answered) read("alert-after-server-hello", HandshakeProbe.Depth.FLIGHT);
        assertThat(answer.problem()).isEqualTo("the server sent alert internal_error(80) after ServerHello");
    }

    @Test
    void garbageOversizedAndTruncatedAnswersFailWithAClearMessage() throws IOException {
        assertThat(read("garbage-http", HandshakeProbe.Depth.HELLO)).isInstanceOfSatisfying(ProbeOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(ProbeOutcome.Kind.NOT_TLS);
            assertThat(f.message()).contains("not a TLS answer").contains("HTTP/");
        });
        assertThat(read("sslv2-server-hello", HandshakeProbe.Depth.HELLO)).isInstanceOfSatisfying(ProbeOutcome.Failed.class,
                f -> assertThat(f.message()).contains("SSL 2.0-style"));
        assertThat(read("oversized-record", HandshakeProbe.Depth.HELLO)).isInstanceOfSatisfying(ProbeOutcome.Failed.class, f -> {
            assertThat(f.kind()).isEqualTo(ProbeOutcome.Kind.OVERSIZED);
            assertThat(f.message()).contains("65535 bytes exceeds the TLS limit");
        });
        assertThat(read("truncated-flight", HandshakeProbe.Depth.HELLO)).isInstanceOfSatisfying(ProbeOutcome.Failed.class,
                f -> assertThat(f.message()).contains("ended inside a TLS record"));
    }

    @Test
    void anEmptyAnswerIsASilentRefusal() throws IOException {
        ProbeOutcome outcome = HandshakeProbe.readResponse(new ByteArrayInputStream(new byte[0]), HandshakeProbe.Depth.HELLO, c -> false);
        assertThat(outcome).isEqualTo(new ProbeOutcome.Refused(-1));
    }
}
