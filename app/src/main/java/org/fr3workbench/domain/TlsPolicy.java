package org.fr3workbench.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A TLS policy: which protocol versions and cipher suites an endpoint may accept, and the limits for its
 * certificate and key exchange. Loaded from versioned YAML data ({@code assets/policy/*.yaml}).
 *
 * @param id short name used on the command line, e.g. {@code bsi-tr-02102-2}
 * @param title human title
 * @param version the edition of the source, e.g. {@code 2023-01}
 * @param date when that edition was published ({@code YYYY-MM} or {@code YYYY-MM-DD})
 * @param source the document and tables the lists come from
 * @param protocols allowed protocol names ({@code TLSv1.2}, {@code TLSv1.3})
 * @param suites allowed IANA suite names per protocol name; a protocol missing here allows no suite
 * @param groups allowed named groups; empty means groups are reported but not judged
 * @param certificate certificate rules
 * @param minDhBits smallest finite-field DHE group in bits, 0 for no rule
 * @param requireSecureRenegotiation whether TLS 1.2-and-older must support RFC 5746
 * @param forbidCompression whether TLS compression is a failure
 */
public record TlsPolicy(String id, String title, String version, String date, String source, List<String> protocols,
                        Map<String, List<String>> suites, List<String> groups, CertificateRules certificate,
                        int minDhBits, boolean requireSecureRenegotiation, boolean forbidCompression) {

    public TlsPolicy {
        Objects.requireNonNull(id, "id");
        protocols = List.copyOf(protocols);
        Map<String, List<String>> copy = new LinkedHashMap<>();
        suites.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        suites = java.util.Collections.unmodifiableMap(copy);
        groups = List.copyOf(groups);
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Whether the protocol name is allowed. */
    public boolean allowsProtocol(String protocol) {
        return protocols.contains(protocol);
    }

    /** Whether the suite is allowed with the protocol. */
    public boolean allowsSuite(String protocol, String suite) {
        return Optional.ofNullable(suites.get(protocol)).map(list -> list.contains(suite)).orElse(false);
    }

    /**
     * Certificate rules.
     *
     * @param minRsaBits smallest RSA (and DSA) key in bits, 0 for no rule
     * @param minEcBits smallest elliptic-curve key in bits, 0 for no rule
     * @param forbiddenHashes hash names that may not appear in a certificate signature ({@code MD5}, {@code SHA1})
     * @param checkValidity whether an expired or not-yet-valid certificate is a failure
     */
    public record CertificateRules(int minRsaBits, int minEcBits, List<String> forbiddenHashes, boolean checkValidity) {
        public CertificateRules {
            forbiddenHashes = List.copyOf(forbiddenHashes);
        }
    }
}
