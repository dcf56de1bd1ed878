package org.fr3workbench.report.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The assessor's verdict on a requirement.
 *
 * @param kind      met, not met, not applicable, not assessed
 * @param rationale why, in the assessor's words (required for not applicable)
 * @param actor     who decided; empty while not assessed
 * @param decidedAt when; empty while not assessed
 */
public record RequirementVerdict(VerdictKind kind, String rationale, String actor, Optional<Instant> decidedAt) {
    public RequirementVerdict {
        Objects.requireNonNull(kind, "kind");
        rationale = Objects.requireNonNullElse(rationale, "");
        actor = Objects.requireNonNullElse(actor, "");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }

    /** A requirement nobody has decided on yet. */
    public static RequirementVerdict notAssessed() {
        return new RequirementVerdict(VerdictKind.NOT_ASSESSED, "", "", Optional.empty());
    }
}
