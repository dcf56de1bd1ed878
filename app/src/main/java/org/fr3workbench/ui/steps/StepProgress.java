package org.fr3workbench.ui.steps;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.StepRunState;

/**
 * How far a requirement's steps are: how many of its planned steps have a finished run, and the worst outcome their
 * latest runs suggest. Pure; computed from the assessment file's step runs.
 *
 * @param run   planned steps whose latest finished run has an outcome
 * @param total planned steps of the requirement
 * @param worst the worst of those outcomes (FAIL, ERROR, INCONCLUSIVE, SKIPPED, PASS in that order)
 */
public record StepProgress(int run, int total, Optional<StepOutcome> worst) {

    /** Worst first. */
    private static final List<StepOutcome> SEVERITY = List.of(StepOutcome.FAIL, StepOutcome.ERROR, StepOutcome.INCONCLUSIVE,
            StepOutcome.SKIPPED, StepOutcome.PASS);

    /** The latest outcome per step id among the runs (runs oldest first, as the store lists them). */
    public static Map<String, StepRun> latestFinished(List<StepRun> runs) {
        Map<String, StepRun> latest = new LinkedHashMap<>();
        for (StepRun run : runs) {
            if (run.state() == StepRunState.FINISHED && run.outcome().isPresent()) {
                latest.put(run.stepId(), run);
            }
        }
        return latest;
    }

    /** The progress of one requirement from its runs (oldest first). */
    public static StepProgress of(Requirement requirement, List<StepRun> runs) {
        Map<String, StepRun> latest = latestFinished(runs);
        List<StepOutcome> outcomes = requirement.steps().stream()
                .map(step -> latest.get(step.id()))
                .filter(java.util.Objects::nonNull)
                .map(run -> run.outcome().orElseThrow())
                .toList();
        return new StepProgress(outcomes.size(), requirement.steps().size(), worst(outcomes));
    }

    /** The worst of some outcomes. */
    public static Optional<StepOutcome> worst(java.util.Collection<StepOutcome> outcomes) {
        return outcomes.stream().min(Comparator.comparingInt(SEVERITY::indexOf));
    }

    public boolean complete() {
        return total > 0 && run == total;
    }
}
