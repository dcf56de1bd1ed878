package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded decision on a requirement. A requirement's history is the list of its verdicts; the
 * latest one is the current verdict.
 *
 * @param id            position in the file's verdict history (ascending in time)
 * @param requirementId e.g. {@code CR 3.4 RE(1)}
 * @param decision      Met, Not met, Not applicable or Not assessed
 * @param rationale     why; mandatory for Not applicable
 * @param actor         who decided
 * @param decidedAt     when
 */
public record Verdict(long id, String requirementId, VerdictDecision decision, String rationale, String actor,
                      Instant decidedAt) {
    public Verdict {
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(decision, "decision");
        rationale = Objects.requireNonNullElse(rationale, "");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(decidedAt, "decidedAt");
        requireRationale(requirementId, decision, rationale);
    }

    /**
     * Refuses a decision without the rationale it needs.
     *
     * @throws IllegalArgumentException for Not applicable without a rationale
     */
    public static void requireRationale(String requirementId, VerdictDecision decision, String rationale) {
        if (decision.needsRationale() && (rationale == null || rationale.isBlank())) {
            throw new IllegalArgumentException("a verdict of " + decision.label() + " on " + requirementId
                    + " needs a rationale");
        }
    }
}
