package org.fr3workbench.report.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepKind;

/**
 * One step of a requirement's procedure as it was run.
 *
 * @param id      the step id from the catalog
 * @param title   the step's title
 * @param kind    instruction, command, probe, capture or input
 * @param outcome the suggested outcome; empty when the step was not run
 * @param reason  why that outcome (the expectation that decided it, or the assessor's attestation)
 * @param ranAt   when it ran; empty when not run
 */
public record StepRecord(String id, String title, StepKind kind, Optional<StepOutcome> outcome, String reason,
                         Optional<Instant> ranAt) {
    public StepRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        reason = Objects.requireNonNullElse(reason, "");
        Objects.requireNonNull(ranAt, "ranAt");
    }
}
