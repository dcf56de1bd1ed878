package org.fr3workbench.store;

import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.domain.EvidenceKind;

/**
 * Which evidence to count or list.
 *
 * @param requirementId only evidence for this requirement ({@code ""} selects the evidence for the assessment as a whole)
 * @param kind          only evidence of this kind
 */
public record EvidenceQuery(Optional<String> requirementId, Optional<EvidenceKind> kind) {
    public EvidenceQuery {
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(kind, "kind");
    }

    public static EvidenceQuery all() {
        return new EvidenceQuery(Optional.empty(), Optional.empty());
    }

    public static EvidenceQuery forRequirement(String requirementId) {
        return new EvidenceQuery(Optional.of(requirementId), Optional.empty());
    }

    public EvidenceQuery withKind(EvidenceKind value) {
        return new EvidenceQuery(requirementId, Optional.of(value));
    }
}
