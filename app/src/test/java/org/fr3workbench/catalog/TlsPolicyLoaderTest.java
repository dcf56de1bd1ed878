package org.fr3workbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.fr3workbench.domain.TlsPolicy;
import org.junit.jupiter.api.Test;

class TlsPolicyLoaderTest {

    private static final Set<String> SUITES = Set.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    private final TlsPolicyLoader loader = new TlsPolicyLoader(SUITES::contains, Set.of("secp256r1", "x25519")::contains);
    private final TlsPolicyLoader realNames = new TlsPolicyLoader(name -> name.startsWith("TLS_"), name -> true);

    private static final String VALID = """
            schema: 1
            id: test-policy
            title: Test
            version: "1"
            date: "2026-01-15"
            source: tests
            protocols: [TLSv1.2, TLSv1.3]
            suites:
              TLSv1.3: [TLS_AES_128_GCM_SHA256]
              TLSv1.2:
                - TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            groups: [secp256r1]
            certificate:
              minRsaBits: 3072
              forbiddenSignatureHashes: [SHA1]
            """;

    private TlsPolicy load(String yaml) throws Exception {
        return loader.load("test.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsAValidPolicy() throws Exception {
        TlsPolicy policy = load(VALID);
        assertThat(policy.id()).isEqualTo("test-policy");
        assertThat(policy.allowsProtocol("TLSv1.2")).isTrue();
        assertThat(policy.allowsProtocol("TLSv1.1")).isFalse();
        assertThat(policy.allowsSuite("TLSv1.3", "TLS_AES_128_GCM_SHA256")).isTrue();
        assertThat(policy.allowsSuite("TLSv1.3", "TLS_AES_256_GCM_SHA384")).isFalse();
        assertThat(policy.groups()).containsExactly("secp256r1");
        assertThat(policy.certificate().minRsaBits()).isEqualTo(3072);
        assertThat(policy.certificate().checkValidity()).isTrue();
        assertThat(policy.requireSecureRenegotiation()).isTrue();
        assertThat(policy.forbidCompression()).isTrue();
    }

    @Test
    void theBundledPoliciesLoad() {
        TlsPolicy bsi = realNames.loadBundled("bsi-tr-02102-2");
        assertThat(bsi.version()).isEqualTo("2023-01");
        assertThat(bsi.protocols()).containsExactly("TLSv1.2", "TLSv1.3");
        assertThat(bsi.suites().get("TLSv1.3")).hasSize(3);
        assertThat(bsi.suites().get("TLSv1.2")).hasSize(20).contains("TLS_DHE_RSA_WITH_AES_256_CCM")
                .noneMatch(s -> s.contains("CHACHA") || s.contains("CCM_8") || s.startsWith("TLS_RSA_"));
        assertThat(bsi.certificate().minRsaBits()).isEqualTo(3000);
        assertThat(bsi.certificate().forbiddenHashes()).contains("SHA1", "MD5");
        TlsPolicy cip = realNames.loadBundled("cip");
        assertThat(cip.date()).isEqualTo("2025-08-06");
        assertThat(cip.suites()).isEqualTo(bsi.suites());
    }

    @Test
    void anUnknownSuiteIsNamedWithLineAndColumn() {
        String yaml = VALID.replace("- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "- TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA257");
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(CatalogException.class)
                .hasMessage("test.yaml:11:7: unknown cipher suite 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA257'"
                        + " (expected an IANA name such as TLS_AES_128_GCM_SHA256)");
    }

    @Test
    void anUnknownProtocolIsNamedWithItsPlace() {
        assertThatThrownBy(() -> load(VALID.replace("[TLSv1.2, TLSv1.3]", "[TLSv1.2, TLS1.3]")))
                .isInstanceOf(CatalogException.class).hasMessageStartingWith("test.yaml:7:22: unknown protocol 'TLS1.3'");
    }

    @Test
    void suitesForAProtocolThatIsNotAllowedAreRefused() {
        assertThatThrownBy(() -> load(VALID.replace("[TLSv1.2, TLSv1.3]", "[TLSv1.2]")))
                .isInstanceOf(CatalogException.class)
                .hasMessage("test.yaml:9:3: suites for 'TLSv1.3', which is not listed under protocols");
    }

    @Test
    void unknownFieldsDuplicatesAndSyntaxErrorsAreRefused() {
        assertThatThrownBy(() -> load(VALID + "colour: red\n")).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("test.yaml:16:1: unknown field 'colour'");
        assertThatThrownBy(() -> load(VALID + "id: again\n")).isInstanceOf(CatalogException.class)
                .hasMessageContaining("test.yaml:16:").hasMessageContaining("id");
        assertThatThrownBy(() -> load("schema: 1\nid: [unclosed\n")).isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("test.yaml:");
        assertThatThrownBy(() -> load(VALID.replace("schema: 1", "schema: 2"))).isInstanceOf(CatalogException.class)
                .hasMessage("test.yaml:1:9: schema version 2 is not supported; this version reads schema 1");
        assertThatThrownBy(() -> load(VALID.replace("\"2026-01-15\"", "yesterday"))).isInstanceOf(CatalogException.class)
                .hasMessage("test.yaml:5:7: date 'yesterday' must be YYYY-MM or YYYY-MM-DD");
        assertThatThrownBy(() -> load(VALID.replace("[secp256r1]", "[secp256r1, secp256r1]"))).isInstanceOf(CatalogException.class)
                .hasMessage("test.yaml:12:21: group 'secp256r1' is listed twice");
        assertThatThrownBy(() -> load(VALID.replace("title: Test\n", ""))).isInstanceOf(CatalogException.class)
                .hasMessage("test.yaml:1:1: missing field 'title'");
    }
}
