package org.fr3workbench.probe.tls;

/**
 * One entry of the IANA TLS cipher suite registry.
 *
 * @param code the two-byte value on the wire
 * @param name the IANA name, e.g. {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}
 * @param kind whether it is a suite for SSL 3.0 to TLS 1.2, a TLS 1.3 suite, or a signalling value
 */
public record CipherSuite(int code, String name, Kind kind) {

    /** What a registry entry is used for. */
    public enum Kind {
        /** SSL 3.0 to TLS 1.2: key exchange, authentication, cipher and MAC in one name. */
        LEGACY,
        /** TLS 1.3: AEAD and hash only. */
        TLS13,
        /** A signalling value such as TLS_EMPTY_RENEGOTIATION_INFO_SCSV; never negotiated. */
        SCSV
    }

    /** The code as {@code 0xC02C}. */
    public String hex() {
        return String.format("0x%04X", code);
    }

    /** Whether the suite can be negotiated with the given version. */
    public boolean usableWith(TlsVersion version) {
        return switch (kind) {
            case TLS13 -> version == TlsVersion.TLS_1_3;
            case LEGACY -> version != TlsVersion.TLS_1_3;
            case SCSV -> false;
        };
    }

    /** Whether the key exchange gives forward secrecy (DHE, ECDHE, and every TLS 1.3 suite). */
    public boolean forwardSecret() {
        return kind == Kind.TLS13 || name.startsWith("TLS_DHE_") || name.startsWith("TLS_ECDHE_");
    }

    /** Whether the server signs its key exchange, so that a ServerKeyExchange carries a signature. */
    public boolean signedKeyExchange() {
        return kind == Kind.LEGACY && (name.startsWith("TLS_DHE_RSA_") || name.startsWith("TLS_DHE_DSS_")
                || name.startsWith("TLS_ECDHE_RSA_") || name.startsWith("TLS_ECDHE_ECDSA_"));
    }

    /** Whether the key exchange is elliptic-curve Diffie-Hellman with a named group. */
    public boolean ecdhe() {
        return name.startsWith("TLS_ECDHE_");
    }
}
