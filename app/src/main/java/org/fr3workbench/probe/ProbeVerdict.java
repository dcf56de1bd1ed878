package org.fr3workbench.probe;

import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.Suggestion;

/** What a probe suggests for its requirement; the verdict itself stays the assessor's decision. */
public enum ProbeVerdict {
    /** The evidence shows the requirement is met. */
    MET,
    /** The evidence shows it is not met. */
    NOT_MET,
    /** The evidence does not decide; the reason says why. */
    INCONCLUSIVE;

    /** The step outcome that goes with this verdict, with the reason. */
    public Suggestion suggestion(String reason) {
        StepOutcome outcome = switch (this) {
            case MET -> StepOutcome.PASS;
            case NOT_MET -> StepOutcome.FAIL;
            case INCONCLUSIVE -> StepOutcome.INCONCLUSIVE;
        };
        return new Suggestion(outcome, reason);
    }
}
