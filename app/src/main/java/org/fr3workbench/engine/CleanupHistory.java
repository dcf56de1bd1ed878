package org.fr3workbench.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.StepRunState;

/**
 * Which intrusive steps still need their cleanup, from the step runs in the file. A cleanup is recorded as a step run
 * {@code <step>/cleanup} of the same requirement; only the latest run of each step matters (its cleanup also undoes
 * what earlier runs left). That run needs its cleanup when a cleanup started after it did not succeed, or, when no
 * cleanup started, when the run itself was interrupted (the workbench stopped during it).
 */
final class CleanupHistory {

    private CleanupHistory() {
    }

    static List<PendingCleanup> pending(List<StepRun> runs, ProcedureLibrary library) {
        Map<String, StepRun> latestMain = new LinkedHashMap<>();
        Map<String, List<StepRun>> cleanups = new LinkedHashMap<>();
        for (StepRun run : runs) {
            if (run.stepId().endsWith(StepRunner.CLEANUP_SUFFIX)) {
                String stepId = run.stepId().substring(0, run.stepId().length() - StepRunner.CLEANUP_SUFFIX.length());
                cleanups.computeIfAbsent(key(run.requirementId(), stepId), k -> new ArrayList<>()).add(run);
            } else {
                latestMain.put(key(run.requirementId(), run.stepId()), run);
            }
        }
        List<PendingCleanup> pending = new ArrayList<>();
        for (StepRun main : latestMain.values()) {
            Optional<Step> step = library.procedure(main.requirementId()).flatMap(p -> step(p, main.stepId()));
            if (step.isEmpty() || !step.get().intrusive() || StepRunner.cleanupOf(step.get()).isEmpty()) {
                continue;
            }
            List<StepRun> after = cleanups.getOrDefault(key(main.requirementId(), main.stepId()), List.of()).stream()
                    .filter(c -> c.id() > main.id()).toList();
            why(main, after).ifPresent(why -> pending.add(new PendingCleanup(main, step.get(), why)));
        }
        return pending;
    }

    private static Optional<String> why(StepRun main, List<StepRun> cleanups) {
        if (cleanups.stream().anyMatch(CleanupHistory::succeeded)) {
            return Optional.empty();
        }
        if (!cleanups.isEmpty()) {
            StepRun last = cleanups.getLast();
            return switch (last.state()) {
                case RUNNING -> Optional.empty();
                case INTERRUPTED -> Optional.of("the workbench stopped during the cleanup");
                case CANCELLED -> Optional.of("the cleanup was cancelled");
                case FINISHED -> Optional.of("the cleanup failed: " + last.reason());
            };
        }
        return main.state() == StepRunState.INTERRUPTED
                ? Optional.of("the workbench stopped while the step was running") : Optional.empty();
    }

    private static boolean succeeded(StepRun cleanup) {
        return cleanup.state() == StepRunState.FINISHED && cleanup.outcome().equals(Optional.of(StepOutcome.PASS));
    }

    private static Optional<Step> step(Procedure procedure, String stepId) {
        return procedure.step(stepId);
    }

    private static String key(String requirementId, String stepId) {
        return requirementId + "\n" + stepId;
    }
}
