package org.fr3workbench.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * What a capture is attached to: a requirement and, when the assessor is on a step, that step's
 * run (stored in the evidence's step-run column; the step id is also named in its source).
 *
 * @param requirementId the requirement the capture supports
 * @param stepRun       the run of the selected step, if any
 */
public record CaptureTarget(String requirementId, Optional<StepRun> stepRun) {
    public CaptureTarget {
        requirementId = AssessmentInfo.requireText(requirementId, "requirementId");
        Objects.requireNonNull(stepRun, "stepRun");
        if (stepRun.isPresent() && !stepRun.get().requirementId().equals(requirementId)) {
            throw new IllegalArgumentException("step run " + stepRun.get().id() + " belongs to " + stepRun.get().requirementId()
                    + ", not to " + requirementId);
        }
    }

    /** A capture for a requirement, not tied to a step. */
    public static CaptureTarget requirement(String requirementId) {
        return new CaptureTarget(requirementId, Optional.empty());
    }

    /** The step run's number for the evidence row. */
    public Optional<Long> stepRunId() {
        return stepRun.map(StepRun::id);
    }

    /** Appended to an evidence source: {@code ; step 'aide-check' (run 7)}, or nothing. */
    public String stepSuffix() {
        return stepRun.map(run -> "; step '" + run.stepId() + "' (run " + run.id() + ")").orElse("");
    }
}
