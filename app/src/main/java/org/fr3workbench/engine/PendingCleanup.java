package org.fr3workbench.engine;

import java.util.Objects;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepRun;

/**
 * An intrusive step whose cleanup has not completed.
 *
 * @param run  the step's run that changed (or may have changed) the device
 * @param step the step, whose cleanup commands are to be run
 * @param why  "the workbench stopped while the step was running", "cleanup failed: connection lost", ...
 */
public record PendingCleanup(StepRun run, Step step, String why) {
    public PendingCleanup {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(why, "why");
    }
}
