package org.fr3workbench.report.verify;

import java.time.Instant;
import java.util.Optional;

/**
 * What one signature or document time-stamp in the file says and whether it holds.
 *
 * @param field          the signature field's name
 * @param subFilter      ETSI.CAdES.detached, ETSI.RFC3161, adbe.pkcs7.detached ...
 * @param level          PAdES B-B, B-T, or document time-stamp
 * @param valid          the digest matches the signed bytes and the signature value verifies
 * @param problem        why not, or empty
 * @param signedFrom     first byte covered (always 0 when well-formed)
 * @param signedTo       end of the second byte range (exclusive)
 * @param claimedTime    /M of the signature dictionary
 * @param timeStamp      the time-stamp's time (B-T or document time-stamp)
 * @param signer         certificate details of the signer (or of the time-stamp authority)
 */
public record SignatureReport(String field, String subFilter, String level, boolean valid, Optional<String> problem,
                              long signedFrom, long signedTo, Optional<Instant> claimedTime, Optional<Instant> timeStamp,
                              Optional<CertificateInfo> signer) {

    /**
     * Certificate details.
     *
     * @param subject      subject DN
     * @param issuer       issuer DN
     * @param serial       serial number (hex)
     * @param notBefore    start of validity
     * @param notAfter     end of validity
     * @param sha256       SHA-256 fingerprint
     * @param selfSigned   subject equals issuer and it verifies with its own key
     */
    public record CertificateInfo(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
                                  String sha256, boolean selfSigned) {
    }
}
