package org.fr3workbench.probe.tls;

import java.time.Instant;
import java.util.List;

/**
 * Facts about one certificate of the server's chain.
 *
 * @param position 0 for the leaf, then up the chain as sent
 * @param subject subject distinguished name (RFC 2253)
 * @param issuer issuer distinguished name
 * @param subjectAltNames DNS names and IP addresses from subjectAltName
 * @param keyType {@code RSA}, {@code EC}, {@code DSA}, {@code Ed25519} ...
 * @param keyBits key size in bits (field size for EC)
 * @param curve the named curve for EC keys, or null
 * @param signatureAlgorithm the JDK name, e.g. {@code SHA256withRSA}
 * @param signatureHash the hash of the signature algorithm, e.g. {@code SHA256}, or null for Ed25519/Ed448
 * @param notBefore start of validity
 * @param notAfter end of validity
 * @param selfSigned whether subject equals issuer
 * @param sha256 SHA-256 fingerprint of the DER encoding, hex
 */
public record CertificateInfo(int position, String subject, String issuer, List<String> subjectAltNames, String keyType,
                              int keyBits, String curve, String signatureAlgorithm, String signatureHash, Instant notBefore,
                              Instant notAfter, boolean selfSigned, String sha256) {

    public CertificateInfo {
        subjectAltNames = List.copyOf(subjectAltNames);
    }
}
