package org.fr3workbench.engine;

import java.util.List;
import java.util.Objects;
import org.fr3workbench.domain.StepOutcome;

/**
 * What a probe found.
 *
 * @param outcome  the suggestion
 * @param reason   why
 * @param evidence what to store with the step run
 */
public record ProbeOutcome(StepOutcome outcome, String reason, List<ProbeEvidence> evidence) {
    public ProbeOutcome {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        evidence = List.copyOf(evidence);
    }
}
