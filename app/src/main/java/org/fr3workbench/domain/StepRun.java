package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One execution of a procedure step.
 *
 * @param id            number of the run in the file
 * @param requirementId the requirement whose procedure the step belongs to
 * @param stepId        the step's id within the requirement
 * @param state         running, finished, cancelled or interrupted
 * @param outcome       the suggested outcome once finished
 * @param reason        why (failed expectation, cancellation, interruption), or empty
 * @param actor         who started it
 * @param startedAt     when it started
 * @param endedAt       when it ended, unless still running
 */
public record StepRun(long id, String requirementId, String stepId, StepRunState state, Optional<StepOutcome> outcome,
                      String reason, String actor, Instant startedAt, Optional<Instant> endedAt) {
    public StepRun {
        Objects.requireNonNull(requirementId, "requirementId");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(outcome, "outcome");
        reason = Objects.requireNonNullElse(reason, "");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(endedAt, "endedAt");
    }
}
