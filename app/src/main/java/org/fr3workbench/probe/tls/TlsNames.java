package org.fr3workbench.probe.tls;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IANA names of named groups, signature schemes and alerts (the values the scanner offers or meets). */
public final class TlsNames {

    private static final Map<Integer, String> GROUPS = new LinkedHashMap<>();
    private static final Map<Integer, String> SIGNATURE_SCHEMES = new LinkedHashMap<>();
    private static final Map<Integer, String> ALERTS = new LinkedHashMap<>();

    static {
        group(0x001D, "x25519");
        group(0x0017, "secp256r1");
        group(0x0018, "secp384r1");
        group(0x0019, "secp521r1");
        group(0x001E, "x448");
        group(0x0016, "secp256k1");
        group(0x001A, "brainpoolP256r1");
        group(0x001B, "brainpoolP384r1");
        group(0x001C, "brainpoolP512r1");
        group(0x001F, "brainpoolP256r1tls13");
        group(0x0020, "brainpoolP384r1tls13");
        group(0x0021, "brainpoolP512r1tls13");
        group(0x0100, "ffdhe2048");
        group(0x0101, "ffdhe3072");
        group(0x0102, "ffdhe4096");
        group(0x0103, "ffdhe6144");
        group(0x0104, "ffdhe8192");
        group(0x11EB, "SecP256r1MLKEM768");
        group(0x11EC, "X25519MLKEM768");
        group(0x11ED, "SecP384r1MLKEM1024");
        group(0x0015, "secp224r1");
        group(0x0013, "secp192r1");

        scheme(0x0403, "ecdsa_secp256r1_sha256");
        scheme(0x0503, "ecdsa_secp384r1_sha384");
        scheme(0x0603, "ecdsa_secp521r1_sha512");
        scheme(0x0807, "ed25519");
        scheme(0x0808, "ed448");
        scheme(0x0804, "rsa_pss_rsae_sha256");
        scheme(0x0805, "rsa_pss_rsae_sha384");
        scheme(0x0806, "rsa_pss_rsae_sha512");
        scheme(0x0809, "rsa_pss_pss_sha256");
        scheme(0x080A, "rsa_pss_pss_sha384");
        scheme(0x080B, "rsa_pss_pss_sha512");
        scheme(0x081A, "ecdsa_brainpoolP256r1tls13_sha256");
        scheme(0x081B, "ecdsa_brainpoolP384r1tls13_sha384");
        scheme(0x081C, "ecdsa_brainpoolP512r1tls13_sha512");
        scheme(0x0401, "rsa_pkcs1_sha256");
        scheme(0x0501, "rsa_pkcs1_sha384");
        scheme(0x0601, "rsa_pkcs1_sha512");
        scheme(0x0402, "dsa_sha256");
        scheme(0x0502, "dsa_sha384");
        scheme(0x0602, "dsa_sha512");
        scheme(0x0303, "ecdsa_sha224");
        scheme(0x0301, "rsa_sha224");
        scheme(0x0302, "dsa_sha224");
        scheme(0x0203, "ecdsa_sha1");
        scheme(0x0201, "rsa_pkcs1_sha1");
        scheme(0x0202, "dsa_sha1");

        int[] codes = {0, 10, 20, 21, 22, 30, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 60, 70, 71, 80, 86, 90, 100,
            109, 110, 111, 112, 113, 114, 115, 116, 120};
        String[] names = {"close_notify", "unexpected_message", "bad_record_mac", "decryption_failed", "record_overflow",
            "decompression_failure", "handshake_failure", "no_certificate", "bad_certificate", "unsupported_certificate",
            "certificate_revoked", "certificate_expired", "certificate_unknown", "illegal_parameter", "unknown_ca",
            "access_denied", "decode_error", "decrypt_error", "export_restriction", "protocol_version",
            "insufficient_security", "internal_error", "inappropriate_fallback", "user_canceled", "no_renegotiation",
            "missing_extension", "unsupported_extension", "certificate_unobtainable", "unrecognized_name",
            "bad_certificate_status_response", "bad_certificate_hash_value", "unknown_psk_identity", "certificate_required",
            "no_application_protocol"};
        for (int i = 0; i < codes.length; i++) {
            ALERTS.put(codes[i], names[i]);
        }
    }

    private TlsNames() {
    }

    private static void group(int code, String name) {
        GROUPS.put(code, name);
    }

    private static void scheme(int code, String name) {
        SIGNATURE_SCHEMES.put(code, name);
    }

    /** Every named group the scanner knows, the ones it offers. */
    public static List<Integer> groups() {
        return List.copyOf(GROUPS.keySet());
    }

    /** Every signature scheme the scanner knows, the ones it offers. */
    public static List<Integer> signatureSchemes() {
        return List.copyOf(SIGNATURE_SCHEMES.keySet());
    }

    /** The IANA name of a named group, or its hex value. */
    public static String group(int code) {
        return GROUPS.getOrDefault(code, String.format("group_0x%04X", code));
    }

    /** The IANA name of a signature scheme, or its hex value. */
    public static String signatureScheme(int code) {
        return SIGNATURE_SCHEMES.getOrDefault(code, String.format("scheme_0x%04X", code));
    }

    /** The name of an alert description, e.g. {@code handshake_failure(40)}. */
    public static String alert(int code) {
        return ALERTS.getOrDefault(code, "alert") + "(" + code + ")";
    }

    /** Whether a name is a named group the scanner knows. */
    public static boolean isKnownGroup(String name) {
        return GROUPS.containsValue(name);
    }

    /** Whether a group is a finite-field Diffie-Hellman group (RFC 7919). */
    public static boolean isFiniteField(int code) {
        return code >= 0x0100 && code <= 0x01FF;
    }
}
