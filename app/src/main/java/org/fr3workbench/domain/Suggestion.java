package org.fr3workbench.domain;

import java.util.Objects;

/**
 * A step's suggested outcome and the reason, naming the expectation that decided it.
 *
 * @param outcome the suggestion
 * @param reason  one sentence for the assessor, e.g. "output does not contain 'Looks okay!!'"
 */
public record Suggestion(StepOutcome outcome, String reason) {
    public Suggestion {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
    }
}
