package org.fr3workbench.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;

/**
 * A step run as it ended.
 *
 * @param run      the step run as recorded in the assessment file
 * @param outcome  the suggested outcome
 * @param reason   why, naming the expectation or problem that decided it
 * @param commands the step's commands as they ran
 * @param cleanup  the cleanup commands as they ran (empty when none ran)
 * @param evidence everything stored for this run
 * @param captured values captured with {@code capture-as}, for later steps of the same requirement run
 *                 ({@link StepContext#with(Map)})
 */
public record StepResult(StepRun run, StepOutcome outcome, String reason, List<CommandReport> commands,
                         List<CommandReport> cleanup, List<Evidence> evidence, Map<String, String> captured) {

    public StepResult {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(outcome, "outcome");
        reason = Objects.requireNonNullElse(reason, "");
        commands = List.copyOf(commands);
        cleanup = List.copyOf(cleanup);
        evidence = List.copyOf(evidence);
        captured = Map.copyOf(captured);
    }

    /** A result without captured values (the contract's constructor). */
    public StepResult(StepRun run, StepOutcome outcome, String reason, List<CommandReport> commands,
                      List<CommandReport> cleanup, List<Evidence> evidence) {
        this(run, outcome, reason, commands, cleanup, evidence, Map.of());
    }
}
