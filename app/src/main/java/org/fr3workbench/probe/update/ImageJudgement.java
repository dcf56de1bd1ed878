package org.fr3workbench.probe.update;

import java.util.List;
import java.util.Objects;

/**
 * How the device answered one image.
 *
 * @param outcome  accepted, rejected, unclear, or not judged at all
 * @param matched  ids of the refusal (or setup, or accepted) messages found in the output
 * @param reason   one sentence for the assessor
 */
public record ImageJudgement(Outcome outcome, List<String> matched, String reason) {

    public ImageJudgement {
        Objects.requireNonNull(outcome, "outcome");
        matched = List.copyOf(matched);
        Objects.requireNonNull(reason, "reason");
    }

    /** The device's answer to one image. */
    public enum Outcome {
        /** Exit 0: swupdate took the image. */
        ACCEPTED,
        /** Non-zero exit and a known refusal message. */
        REJECTED,
        /** Neither clearly: non-zero exit without a known message, a timeout, or exit 0 with a refusal message. */
        UNCLEAR,
        /** swupdate did not get as far as judging the image (no key, unreadable configuration ...). */
        NOT_JUDGED
    }
}
