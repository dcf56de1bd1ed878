package org.fr3workbench.probe.update;

/** The images the update-authenticity test sends to the device. */
public enum TestImageKind {
    /** The assessor's valid signed image, unchanged: the positive control, must be accepted. */
    VALID("valid", "the valid signed image (positive control)", false),
    /** One bit flipped in a payload member; its crc checksum fixed so that only the signed hash can catch it. */
    PAYLOAD_BIT_FLIP("payload-bit-flip", "one bit flipped in a payload", true),
    /** sw-description altered (same length, cpio checksum fixed) so that only the signature can catch it. */
    DESCRIPTION_ALTERED("description-altered", "sw-description altered after signing", true),
    /** sw-description.sig dropped, archive re-packed correctly. */
    SIGNATURE_REMOVED("signature-removed", "signature removed", true),
    /** The archive cut in the middle of the last payload. */
    TRUNCATED("truncated", "archive truncated", true),
    /** 5 MiB of zeros, as CIP's CI does with dd. */
    ZEROED("zeroed", "archive zeroed (5 MiB of zero bytes)", true),
    /** sw-description re-signed with a throwaway key the device does not trust. */
    UNKNOWN_KEY("unknown-key", "re-signed with an unknown key", true);

    private final String id;
    private final String title;
    private final boolean mustBeRejected;

    TestImageKind(String id, String title, boolean mustBeRejected) {
        this.id = id;
        this.title = title;
        this.mustBeRejected = mustBeRejected;
    }

    /** Short id used in file names and JSON, e.g. {@code payload-bit-flip}. */
    public String id() {
        return id;
    }

    /** One line for the assessor. */
    public String title() {
        return title;
    }

    /** Whether the device must refuse this image (all but the positive control). */
    public boolean mustBeRejected() {
        return mustBeRejected;
    }

    /** The file name the image gets, locally and on the device. */
    public String fileName() {
        return id + ".swu";
    }
}
