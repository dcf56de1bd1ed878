package org.fr3workbench.probe.update;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a CMS (PKCS#7) signature such as {@code sw-description.sig} says about itself.
 *
 * @param parsed      whether the bytes are a CMS SignedData structure at all
 * @param problem     why not, or what else went wrong; empty when nothing did
 * @param detached    whether the signed content is outside the signature (as SWUpdate expects)
 * @param signers     one report per SignerInfo
 */
public record CmsSignatureReport(boolean parsed, String problem, boolean detached, List<Signer> signers) {

    public CmsSignatureReport {
        signers = List.copyOf(signers);
        problem = problem == null ? "" : problem;
    }

    /** A report for bytes that are not a CMS signature. */
    public static CmsSignatureReport unreadable(String problem) {
        return new CmsSignatureReport(false, problem, false, List.of());
    }

    /** Whether some signer verifies over the content with the embedded certificate. */
    public boolean verifiesWithEmbedded() {
        return signers.stream().anyMatch(s -> s.verifiesWithEmbedded().orElse(false));
    }

    /** Whether some signer verifies over the content with the given (trusted) certificate. */
    public boolean verifiesWithGiven() {
        return signers.stream().anyMatch(s -> s.verifiesWithGiven().orElse(false));
    }

    /**
     * One SignerInfo.
     *
     * @param subject              the signer certificate's subject, or empty when it is not embedded
     * @param issuer               the issuer named in the SignerInfo
     * @param serial               the serial number named in the SignerInfo, hexadecimal
     * @param digestAlgorithm      e.g. SHA256
     * @param signatureAlgorithm   e.g. RSA, SHA256WITHECDSA
     * @param signingTime          the signed signing-time attribute, if present
     * @param certificateEmbedded  whether the signer certificate is in the SignedData
     * @param verifiesWithEmbedded whether the signature verifies with the embedded certificate; empty when none is embedded
     * @param verifiesWithGiven    whether it verifies with the given certificate; empty when none was given
     * @param detail               why a verification failed, empty otherwise
     */
    public record Signer(String subject, String issuer, String serial, String digestAlgorithm, String signatureAlgorithm,
                         Optional<Instant> signingTime, boolean certificateEmbedded,
                         Optional<Boolean> verifiesWithEmbedded, Optional<Boolean> verifiesWithGiven, String detail) {
    }
}
