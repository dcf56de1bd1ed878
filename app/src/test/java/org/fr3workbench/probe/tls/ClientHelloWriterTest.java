package org.fr3workbench.probe.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientHelloWriterTest {

    private final ClientHelloWriter writer = new ClientHelloWriter(new SecureRandom(), new KeyShares());

    private static ClientHelloSpec spec(TlsVersion version, String serverName) {
        List<Integer> shares = version == TlsVersion.TLS_1_3 ? List.of(0x001D, 0x0017) : List.of();
        return new ClientHelloSpec(version, List.of(0x1301, 0xC02F), List.of(0x001D, 0x0017), shares, List.of(0x0403), serverName,
                version != TlsVersion.TLS_1_3);
    }

    @Test
    void aTls13HelloCarriesSupportedVersionsAndRealKeyShares() {
        byte[] hello = writer.write(spec(TlsVersion.TLS_1_3, "device.example"));
        String hex = HexFormat.of().formatHex(hello);
        assertThat(hello[0]).isEqualTo((byte) 22);
        assertThat(((hello[3] & 0xFF) << 8) | (hello[4] & 0xFF)).isEqualTo(hello.length - 5);
        assertThat(hello[5]).isEqualTo((byte) 1);
        assertThat(hex.substring(18, 22)).isEqualTo("0303");
        assertThat(hex).contains("002b00030203" + "04");
        assertThat(hex).contains("001d0020").contains("00170041" + "04");
        assertThat(new String(hello, StandardCharsets.ISO_8859_1)).contains("device.example");
        assertThat(hex).doesNotContain("ff01");
    }

    @Test
    void anSsl3HelloHasNoExtensionsAndSignalsRenegotiationWithTheScsv() {
        byte[] hello = writer.write(spec(TlsVersion.SSL_3_0, null));
        String hex = HexFormat.of().formatHex(hello);
        assertThat(hex).startsWith("160300");
        assertThat(hex.substring(18, 22)).isEqualTo("0300");
        int sessionIdAt = 9 + 2 + 32;
        int suitesAt = sessionIdAt + 1 + hello[sessionIdAt];
        assertThat(hex.substring(suitesAt * 2, suitesAt * 2 + 16)).isEqualTo("0006" + "1301c02f00ff");
        int compressionAt = suitesAt + 2 + 6;
        assertThat(hex.substring(compressionAt * 2)).isEqualTo("020100");
    }

    @Test
    void targetsParseAndSendSniOnlyForNames() {
        assertThat(TlsTarget.parse("device.example:8443")).isEqualTo(new TlsTarget("device.example", 8443));
        assertThat(TlsTarget.parse("device.example:8443").serverName()).isEqualTo("device.example");
        assertThat(TlsTarget.parse("192.0.2.1:443").serverName()).isNull();
        assertThat(TlsTarget.parse("[::1]:4433")).satisfies(t -> {
            assertThat(t.host()).isEqualTo("::1");
            assertThat(t.serverName()).isNull();
            assertThat(t).hasToString("[::1]:4433");
        });
        assertThatThrownBy(() -> TlsTarget.parse("device")).hasMessageContaining("is not HOST:PORT");
        assertThatThrownBy(() -> TlsTarget.parse("device:70000")).hasMessageContaining("not between 1 and 65535");
    }

    @Test
    void theRegistryHoldsTheWholeIanaTable() {
        CipherSuiteRegistry registry = CipherSuiteRegistry.bundled();
        assertThat(registry.size()).isEqualTo(352);
        assertThat(registry.usableWith(TlsVersion.TLS_1_3)).extracting(CipherSuite::name).contains("TLS_AES_128_GCM_SHA256",
                "TLS_AES_128_CCM_8_SHA256", "TLS_CHACHA20_POLY1305_SHA256").noneMatch(n -> n.contains("ECDHE") || n.contains("_RSA_"));
        assertThat(registry.usableWith(TlsVersion.TLS_1_2)).extracting(CipherSuite::name).contains(
                "TLS_RSA_EXPORT_WITH_RC4_40_MD5", "TLS_DH_anon_WITH_AES_128_CBC_SHA", "TLS_ECDHE_ECDSA_WITH_AES_128_CCM_8",
                "TLS_DHE_DSS_WITH_AES_256_GCM_SHA384", "TLS_RSA_WITH_NULL_SHA256").doesNotContain("TLS_EMPTY_RENEGOTIATION_INFO_SCSV");
        assertThat(registry.byCode(0xC02C).name()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        assertThat(registry.byCode(0x0A0A).name()).isEqualTo("UNKNOWN_0x0A0A");
    }
}
