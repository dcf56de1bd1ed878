package org.fr3workbench.probe.boot;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The signature facts of one EFI binary.
 *
 * @param machine    e.g. x86-64
 * @param subsystem  e.g. EFI application
 * @param sha256     the Authenticode SHA-256 of the image (what db/dbx hash entries list)
 * @param signatures one entry per signature in the certificate table, empty when unsigned
 * @param problem    what is wrong with the certificate table, empty when nothing
 */
public record AuthenticodeReport(String machine, String subsystem, String sha256, List<Signature> signatures, String problem) {

    public AuthenticodeReport {
        signatures = List.copyOf(signatures);
        problem = problem == null ? "" : problem;
    }

    /** Whether the image has at least one signature. */
    public boolean signed() {
        return !signatures.isEmpty();
    }

    /** Whether some signature has a matching image digest and a valid signer signature. */
    public boolean valid() {
        return signatures.stream().anyMatch(Signature::valid);
    }

    /**
     * One Authenticode signature (a WIN_CERTIFICATE with PKCS#7 SignedData).
     *
     * @param subject           signer certificate subject, empty when it is not embedded
     * @param issuer            signer issuer as named in the SignerInfo
     * @param serial            signer serial, hexadecimal
     * @param digestAlgorithm   e.g. SHA256
     * @param embeddedDigest    the image digest the signature carries, hexadecimal
     * @param computedDigest    the image digest computed here with the same algorithm, hexadecimal
     * @param signatureVerifies whether the SignerInfo verifies with the embedded signer certificate
     * @param signer            the signer certificate, if embedded
     * @param chain             every certificate embedded in the SignedData
     * @param detail            why something does not verify, empty otherwise
     */
    public record Signature(String subject, String issuer, String serial, String digestAlgorithm, String embeddedDigest,
                            String computedDigest, boolean signatureVerifies, Optional<X509Certificate> signer,
                            List<X509Certificate> chain, String detail) {

        public Signature {
            chain = List.copyOf(chain);
        }

        /** Whether the digest over the image matches the signed one. */
        public boolean digestMatches() {
            return !embeddedDigest.isEmpty() && embeddedDigest.equals(computedDigest);
        }

        /** Digest matches and the signer signature verifies. */
        public boolean valid() {
            return digestMatches() && signatureVerifies;
        }
    }
}
