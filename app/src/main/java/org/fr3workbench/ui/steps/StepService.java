package org.fr3workbench.ui.steps;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepOutcome;

/**
 * What the step runner view needs from the procedure engine: run, attest, skip, cancel and clean up one step of the
 * open assessment. The engine's {@code StepRunner} sits behind it (see {@link EngineStepService}); the view model only
 * knows this interface, so it is tested as a plain object. Every method blocks and is called on a worker thread.
 */
public interface StepService {

    /** Runs a command or probe step: tool check, commands, expectations, cleanup; evidence stored as it completes. */
    Report run(Request request, Events events, Cancellation cancellation);

    /** Records the assessor's attestation of an instruction, capture or input step (PASS or FAIL with a note). */
    Report attest(Request request, StepOutcome outcome, String note);

    /** Records a skipped step with the reason. */
    Report skip(Request request, String reason);

    /** Intrusive steps whose cleanup has not completed (interrupted by a crash, or the cleanup failed). */
    List<Pending> pendingCleanups();

    /** Runs the cleanup of an interrupted intrusive step. */
    Report runCleanup(Pending pending, Map<String, String> parameters, String actor, Events events, Cancellation cancellation);

    /**
     * One step to carry out.
     *
     * @param parameters the assessor's values for the procedure parameters (library defaults already applied)
     */
    record Request(String requirementId, Step step, Map<String, String> parameters, String actor) {
        public Request {
            Objects.requireNonNull(requirementId, "requirementId");
            Objects.requireNonNull(step, "step");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(actor, "actor");
        }
    }

    /** Live progress of a running step; called on the worker thread, so implementations hop to the FX thread themselves. */
    interface Events {
        default void commandStarted(String label, String renderedCommand) {
        }

        /** A chunk of output (stdout and stderr as recorded). */
        default void output(String text) {
        }

        default void evidenceStored(Evidence evidence) {
        }

        /** "checking tools: aide", "running cleanup" ... */
        default void message(String text) {
        }
    }

    /** An expectation of a command and whether it held, with what was observed. */
    record Check(String expectation, boolean held, String observed) {
    }

    /** One command of the step as it ran. */
    record CommandReport(String label, String renderedCommand, OptionalInt exitCode, CommandOutcome how, List<Check> checks) {
        public CommandReport {
            checks = List.copyOf(checks);
        }
    }

    /**
     * The finished step.
     *
     * @param runId   the step run recorded in the assessment file
     * @param outcome the suggested outcome
     * @param reason  why, naming the expectation that decided it
     */
    record Report(long runId, StepOutcome outcome, String reason, List<CommandReport> commands, List<CommandReport> cleanup,
                  List<Evidence> evidence) {
        public Report {
            Objects.requireNonNull(outcome, "outcome");
            reason = Objects.requireNonNullElse(reason, "");
            commands = List.copyOf(commands);
            cleanup = List.copyOf(cleanup);
            evidence = List.copyOf(evidence);
        }
    }

    /** The parameter values stored in the assessment file (called on the store worker when the file opens). */
    default Map<String, String> storedValues() {
        return Map.of();
    }

    /** An intrusive step whose cleanup is still owed, and why. */
    record Pending(long runId, String requirementId, Step step, String why) {
    }

    /** Creates the service for an open assessment file (on the store worker, never on the FX thread). */
    @FunctionalInterface
    interface Factory {
        /**
         * @param device the window's device connection (empty until the assessor connects)
         * @return the service, or null when this build has no engine
         */
        StepService open(org.fr3workbench.store.AssessmentStore store, DeviceSession device);
    }
}
