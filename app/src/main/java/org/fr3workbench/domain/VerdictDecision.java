package org.fr3workbench.domain;

import java.util.Locale;
import java.util.Optional;

/** The assessor's decision on one requirement. */
public enum VerdictDecision {
    MET("Met"),
    NOT_MET("Not met"),
    /** Not applicable: needs a rationale. */
    NOT_APPLICABLE("Not applicable"),
    NOT_ASSESSED("Not assessed");

    private final String label;

    VerdictDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stable lower-case name used in files and JSON: {@code met}, {@code not-met}, {@code not-applicable}, {@code not-assessed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether the decision counts towards a security level capability (Met, or Not applicable with rationale). */
    public boolean satisfies() {
        return this == MET || this == NOT_APPLICABLE;
    }

    /** Whether a non-empty rationale is mandatory. */
    public boolean needsRationale() {
        return this == NOT_APPLICABLE;
    }

    public static Optional<VerdictDecision> fromCode(String code) {
        for (VerdictDecision d : values()) {
            if (d.code().equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
