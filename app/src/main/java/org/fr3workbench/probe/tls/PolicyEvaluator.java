package org.fr3workbench.probe.tls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fr3workbench.domain.TlsPolicy;

/** Judges a scan result against a {@link TlsPolicy}: one pass or fail finding per fact, with its rule id. */
public final class PolicyEvaluator {

    /** Every probe got a well-formed answer (no timeout, garbage, oversized record, alert mid-handshake). */
    public static final String SCAN_COMPLETE = "scan.complete";
    /** The server accepts at least one protocol version. */
    public static final String PROTOCOL_ANY = "protocol.any";
    /** A supported protocol version is on the policy's list. */
    public static final String PROTOCOL_ALLOWED = "protocol.allowed";
    /** An accepted suite is on the policy's list for its protocol. */
    public static final String SUITE_ALLOWED = "suite.allowed";
    /** An accepted named group is on the policy's list (only when the policy lists groups). */
    public static final String GROUP_ALLOWED = "group.allowed";
    /** The finite-field DHE group is large enough. */
    public static final String DH_MIN_BITS = "dh.min-bits";
    /** The certificate chain could be read. */
    public static final String CERT_READ = "cert.read";
    /** An RSA or DSA key is large enough. */
    public static final String CERT_RSA_MIN_BITS = "cert.rsa-min-bits";
    /** An elliptic-curve key is large enough. */
    public static final String CERT_EC_MIN_BITS = "cert.ec-min-bits";
    /** A certificate signature does not use a forbidden hash (SHA-1, MD5). */
    public static final String CERT_SIGNATURE_HASH = "cert.signature-hash";
    /** A certificate is within its validity period. */
    public static final String CERT_VALIDITY = "cert.validity";
    /** TLS 1.2 and older support secure renegotiation (RFC 5746). */
    public static final String RENEGOTIATION_SECURE = "renegotiation.secure";
    /** TLS compression is off. */
    public static final String COMPRESSION_DISABLED = "compression.disabled";

    private final TlsPolicy policy;

    public PolicyEvaluator(TlsPolicy policy) {
        this.policy = policy;
    }

    /** The result with the findings of this policy. */
    public TlsScanResult judge(TlsScanResult result) {
        List<Finding> findings = new ArrayList<>();
        scan(result, findings);
        protocols(result, findings);
        certificates(result, findings, Instant.now());
        keyExchange(result, findings);
        return result.withFindings(new TlsScanResult.PolicyRef(policy.id(), policy.version(), policy.date()), findings);
    }

    private static void scan(TlsScanResult result, List<Finding> findings) {
        if (result.errors().isEmpty()) {
            findings.add(Finding.pass(SCAN_COMPLETE, result.target(), "every probe got a well-formed answer"));
        }
        for (String error : result.errors()) {
            findings.add(Finding.fail(SCAN_COMPLETE, result.target(), error));
        }
        if (result.protocols().stream().noneMatch(ProtocolResult::supported)) {
            List<String> reasons = new ArrayList<>(result.errors());
            result.protocols().stream().filter(p -> p.refusal() != null).forEach(p -> reasons.add(p.name() + ": " + p.refusal()));
            findings.add(Finding.fail(PROTOCOL_ANY, result.target(), "the server completed no TLS or SSL handshake"
                    + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")")));
        }
    }

    private void protocols(TlsScanResult result, List<Finding> findings) {
        for (ProtocolResult protocol : result.protocols()) {
            if (!protocol.supported()) {
                continue;
            }
            boolean allowed = policy.allowsProtocol(protocol.name());
            findings.add(allowed
                    ? Finding.pass(PROTOCOL_ALLOWED, protocol.name(), protocol.name() + " is allowed by " + policy.id())
                    : Finding.fail(PROTOCOL_ALLOWED, protocol.name(), protocol.name() + " is not allowed by " + policy.id()));
            for (String suite : protocol.accepted()) {
                String subject = protocol.name() + " " + suite;
                if (policy.allowsSuite(protocol.name(), suite)) {
                    findings.add(Finding.pass(SUITE_ALLOWED, subject, suite + " is on the " + policy.id() + " list"));
                } else {
                    findings.add(Finding.fail(SUITE_ALLOWED, subject, suite + " is not on the " + policy.id() + " list for "
                            + protocol.name()));
                }
            }
            if (!policy.groups().isEmpty()) {
                for (String group : protocol.groups()) {
                    findings.add(policy.groups().contains(group)
                            ? Finding.pass(GROUP_ALLOWED, protocol.name() + " " + group, group + " is allowed")
                            : Finding.fail(GROUP_ALLOWED, protocol.name() + " " + group,
                                    group + " is not on the " + policy.id() + " list"));
                }
            }
        }
    }

    private void certificates(TlsScanResult result, List<Finding> findings, Instant now) {
        if (result.certificates().isEmpty()) {
            if (result.protocols().stream().anyMatch(ProtocolResult::supported)) {
                findings.add(Finding.fail(CERT_READ, result.target(), "the server's certificate chain could not be read"));
            }
            return;
        }
        TlsPolicy.CertificateRules rules = policy.certificate();
        for (CertificateInfo cert : result.certificates()) {
            String subject = "certificate " + cert.position() + " (" + cert.subject() + ")";
            String type = cert.keyType().toUpperCase(Locale.ROOT);
            if ((type.equals("RSA") || type.equals("DSA") || type.equals("RSASSA-PSS")) && rules.minRsaBits() > 0) {
                findings.add(minimum(CERT_RSA_MIN_BITS, subject, cert.keyType() + " key", cert.keyBits(), rules.minRsaBits()));
            } else if (type.equals("EC") && rules.minEcBits() > 0) {
                findings.add(minimum(CERT_EC_MIN_BITS, subject, "EC key", cert.keyBits(), rules.minEcBits()));
            }
            boolean rootSelfSignature = cert.selfSigned() && cert.position() > 0;
            if (cert.signatureHash() != null && !rootSelfSignature) {
                boolean forbidden = rules.forbiddenHashes().contains(cert.signatureHash());
                findings.add(forbidden
                        ? Finding.fail(CERT_SIGNATURE_HASH, subject, "signed with " + cert.signatureAlgorithm() + " ("
                                + cert.signatureHash() + " is forbidden)")
                        : Finding.pass(CERT_SIGNATURE_HASH, subject, "signed with " + cert.signatureAlgorithm()));
            }
            if (rules.checkValidity()) {
                if (now.isAfter(cert.notAfter())) {
                    findings.add(Finding.fail(CERT_VALIDITY, subject, "expired on " + cert.notAfter()));
                } else if (now.isBefore(cert.notBefore())) {
                    findings.add(Finding.fail(CERT_VALIDITY, subject, "not valid before " + cert.notBefore()));
                } else {
                    findings.add(Finding.pass(CERT_VALIDITY, subject, "valid until " + cert.notAfter()));
                }
            }
        }
    }

    private void keyExchange(TlsScanResult result, List<Finding> findings) {
        if (result.dhBits() > 0 && policy.minDhBits() > 0) {
            findings.add(minimum(DH_MIN_BITS, "DHE group", "DHE group", result.dhBits(), policy.minDhBits()));
        }
        if (result.secureRenegotiation() != null && policy.requireSecureRenegotiation()) {
            findings.add(result.secureRenegotiation()
                    ? Finding.pass(RENEGOTIATION_SECURE, "renegotiation", "the server supports secure renegotiation (RFC 5746)")
                    : Finding.fail(RENEGOTIATION_SECURE, "renegotiation", "the server does not support secure renegotiation (RFC 5746)"));
        }
        if (policy.forbidCompression() && result.protocols().stream().anyMatch(ProtocolResult::supported)) {
            findings.add(result.compression()
                    ? Finding.fail(COMPRESSION_DISABLED, "compression", "the server chose TLS compression (CRIME)")
                    : Finding.pass(COMPRESSION_DISABLED, "compression", "the server refused TLS compression"));
        }
    }

    private static Finding minimum(String rule, String subject, String what, int bits, int min) {
        return bits >= min
                ? Finding.pass(rule, subject, what + " has " + bits + " bits (at least " + min + ")")
                : Finding.fail(rule, subject, what + " has " + bits + " bits, fewer than " + min);
    }
}
