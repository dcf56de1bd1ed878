package org.fr3workbench.probe.update;

import java.util.List;
import java.util.Optional;

/**
 * What an SWUpdate image contains and whether it is laid out as a signed image must be.
 *
 * @param size               file size in bytes
 * @param sha256             SHA-256 of the whole file, hexadecimal
 * @param format             cpio format of the first header, empty when there is none
 * @param entries            the members in archive order (without the trailer)
 * @param problem            the first structural problem (bad header, checksum, truncation), empty when none
 * @param orderOk            whether {@code sw-description} and {@code sw-description.sig} are the first two members
 * @param swDescription      the sw-description bytes, if present (and not larger than the limit)
 * @param signature          the signature report for sw-description.sig, if present
 */
public record SwuInspection(long size, String sha256, Optional<CpioFormat> format, List<Member> entries, String problem,
                            boolean orderOk, Optional<byte[]> swDescription, Optional<CmsSignatureReport> signature) {

    /** Name of the description member. */
    public static final String DESCRIPTION = "sw-description";
    /** Name of its signature member. */
    public static final String SIGNATURE = "sw-description.sig";

    public SwuInspection {
        entries = List.copyOf(entries);
        problem = problem == null ? "" : problem;
    }

    /** Whether the archive was read to its trailer without a problem. */
    public boolean structureOk() {
        return problem.isEmpty();
    }

    /** Whether the image is well-formed, ordered, and its signature verifies (with the given certificate when one was given). */
    public boolean signatureOk(boolean certificateGiven) {
        return signature.map(s -> certificateGiven ? s.verifiesWithGiven() : s.verifiesWithEmbedded()).orElse(false);
    }

    /**
     * One member of the archive.
     *
     * @param entry             its cpio header
     * @param sha256            SHA-256 of its data, hexadecimal
     * @param listedInDescription whether that hash appears in sw-description (a payload SWUpdate will check)
     */
    public record Member(CpioEntry entry, String sha256, boolean listedInDescription) {
    }
}
