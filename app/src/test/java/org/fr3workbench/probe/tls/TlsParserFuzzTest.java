package org.fr3workbench.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Fuzz targets for the record reader and the handshake parser. Without JAZZER_FUZZ these run as ordinary
 * tests over the committed corpus in {@code src/test/resources/org/fr3workbench/probe/tls/TlsParserFuzzTestInputs/};
 * with {@code JAZZER_FUZZ=1} Jazzer mutates from there (see docs/tls-scanner.md).
 */
class TlsParserFuzzTest {

    private static final CipherSuiteRegistry REGISTRY = CipherSuiteRegistry.bundled();

    /** Any byte stream from a server gives an outcome: never an unexpected exception, never a hang. */
    @FuzzTest(maxDuration = "30s")
    void serverResponse(byte[] data) throws IOException {
        for (HandshakeProbe.Depth depth : HandshakeProbe.Depth.values()) {
            ProbeOutcome outcome = HandshakeProbe.readResponse(new ByteArrayInputStream(data), depth,
                    code -> REGISTRY.byCode(code).ecdhe());
            assertThat(outcome).isNotNull();
            if (outcome instanceof ProbeOutcome.Failed failed) {
                assertThat(failed.message()).isNotBlank();
            }
        }
    }

    /** The ServerHello parser rejects malformed input only with TlsProtocolException. */
    @FuzzTest(maxDuration = "30s")
    void serverHello(byte[] data) {
        try {
            ServerHello hello = HandshakeParser.parseServerHello(data);
            assertThat(hello.cipherSuite()).isBetween(0, 0xFFFF);
        } catch (TlsProtocolException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
