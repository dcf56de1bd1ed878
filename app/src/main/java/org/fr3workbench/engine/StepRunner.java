package org.fr3workbench.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ShellCommand;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepLocation;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out procedure steps against the device or the assessor's machine and records everything in the
 * assessment file: the step run (started before the first command, so a crash leaves it to be found interrupted),
 * every transcript the moment it completes, the outcome. Intrusive steps ask first and always run their cleanup,
 * recorded as a step run of its own ({@code <step>/cleanup}, see docs/engine.md). Blocking: call it on a worker.
 */
public final class StepRunner {

    /** The reason of a step the assessor did not allow to change the device. */
    public static final String NOT_ALLOWED = "not allowed to change the device";
    /** Step ids of cleanup runs end with this. */
    public static final String CLEANUP_SUFFIX = "/cleanup";

    private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

    private final AssessmentStore store;
    private final ProbeRegistry probes;
    private final Clock clock;
    private final CommandExecutor executor;
    private final ToolCheck toolCheck;

    public StepRunner(AssessmentStore store, ProbeRegistry probes, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.probes = Objects.requireNonNull(probes, "probes");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = new CommandExecutor(store);
        this.toolCheck = new ToolCheck(executor);
    }

    /**
     * Runs a command or probe step (blocking; call on a worker). Never throws for device problems: they become
     * outcome ERROR with the reason.
     *
     * @throws IllegalArgumentException for an instruction, capture or input step (use attest or skip)
     */
    public StepResult run(StepContext context, Step step, StepListener listener, Cancellation cancellation) {
        if (!(step instanceof Step.Command) && !(step instanceof Step.Probe)) {
            throw new IllegalArgumentException(step.id() + " is a " + step.planned().kind().name().toLowerCase(java.util.Locale.ROOT)
                    + " step: the assessor carries it out and attests it");
        }
        StepRun run = store.stepRuns().start(context.requirementId(), step.id(), context.actor());
        Execution execution = new Execution(context, run, step, listener, cancellation);
        try {
            execution.perform();
        } catch (RuntimeException e) {
            LOG.warn("step {} of {} failed", step.id(), context.requirementId(), e);
            execution.end(StepOutcome.ERROR, "the step could not be carried out: " + e.getMessage());
        } finally {
            if (execution.changedDevice) {
                execution.cleanup = cleanupCommands(context, run, step, execution.values, listener);
                execution.evidence.addAll(execution.cleanup.evidence());
            }
        }
        return execution.finish();
    }

    /** Records the assessor's attestation of an instruction, capture or input step (PASS or FAIL, with a note). */
    public StepResult attest(StepContext context, Step step, StepOutcome outcome, String note) {
        if (outcome != StepOutcome.PASS && outcome != StepOutcome.FAIL) {
            throw new IllegalArgumentException("an attestation is pass or fail, not " + outcome.code());
        }
        String text = Objects.requireNonNullElse(note, "").strip();
        StepRun run = store.stepRuns().start(context.requirementId(), step.id(), context.actor());
        List<Evidence> evidence = new ArrayList<>();
        if (!text.isEmpty()) {
            evidence.add(storeBytes(context, run, new ProbeEvidence(step.id() + ": attestation", "text/plain; charset=utf-8",
                    text.getBytes(java.nio.charset.StandardCharsets.UTF_8), "the assessor's note", EvidenceKind.NOTE),
                    "attested by " + context.actor()));
        }
        StepRun done = store.stepRuns().finish(run.id(), outcome, text, context.actor());
        return new StepResult(done, outcome, text, List.of(), List.of(), evidence);
    }

    /** Records a skipped step (outcome SKIPPED with the reason). */
    public StepResult skip(StepContext context, Step step, String reason) {
        StepRun run = store.stepRuns().start(context.requirementId(), step.id(), context.actor());
        StepRun done = store.stepRuns().finish(run.id(), StepOutcome.SKIPPED, reason, context.actor());
        return new StepResult(done, StepOutcome.SKIPPED, done.reason(), List.of(), List.of(), List.of());
    }

    /** Intrusive steps whose cleanup has not completed (interrupted by a crash, or cleanup failed / connection lost). */
    public List<PendingCleanup> pendingCleanups(ProcedureLibrary library) {
        return CleanupHistory.pending(store.stepRuns().all(), library);
    }

    /** Runs a pending cleanup again (after reconnecting or reopening); its success ends the pending state. */
    public StepResult runCleanup(StepContext context, PendingCleanup pending, StepListener listener, Cancellation c) {
        CleanupRun cleanup = cleanupCommands(context, pending.run(), pending.step(), context.parameters(), listener);
        return new StepResult(cleanup.run(), cleanup.outcome(), cleanup.reason(), List.of(), cleanup.reports(),
                cleanup.evidence());
    }

    /** A cleanup as it ran, recorded as the step run {@code <step>/cleanup}. */
    private record CleanupRun(StepRun run, StepOutcome outcome, String reason, List<CommandReport> reports,
                              List<Evidence> evidence) {
    }

    private CleanupRun cleanupCommands(StepContext context, StepRun of, Step step, Map<String, String> values,
                                       StepListener listener) {
        List<ShellCommand> commands = cleanupOf(step);
        StepRun run = store.stepRuns().start(of.requirementId(), step.id() + CLEANUP_SUFFIX, context.actor());
        List<CommandReport> reports = new ArrayList<>();
        List<Evidence> evidence = new ArrayList<>();
        String failure = null;
        try {
            listener.message("running cleanup of " + step.id());
            Optional<DeviceChannel> channel = channel(context, step);
            if (channel.isEmpty()) {
                failure = "cleanup not run: not connected to the device";
            }
            for (ShellCommand command : channel.isPresent() ? commands : List.<ShellCommand>of()) {
                // A fresh token: cancelling the step must not cancel its cleanup; each command keeps its timeout.
                CommandExecutor.Executed done = executor.execute(target(context, run, channel.get()), command, values, listener,
                        Cancellation.create());
                reports.add(done.report());
                done.evidence().ifPresent(evidence::add);
                boolean ok = done.report().exitCode().isPresent() && (command.expectations().isEmpty()
                        ? done.report().exitCode().getAsInt() == 0 : done.outcome() == StepOutcome.PASS);
                if (!ok && failure == null) {
                    failure = command.expectations().isEmpty() && done.report().exitCode().isPresent()
                            ? done.report().label() + ": exit code " + done.report().exitCode().getAsInt() : done.reason();
                }
                if (done.report().exitCode().isEmpty()) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("cleanup of {} failed", step.id(), e);
            failure = "cleanup failed: " + e.getMessage();
        }
        StepOutcome outcome = failure == null ? StepOutcome.PASS : StepOutcome.ERROR;
        String reason = failure == null ? "cleanup done" : failure;
        StepRun done = store.stepRuns().finish(run.id(), outcome, reason, context.actor());
        listener.message(failure == null ? "cleanup done" : "cleanup failed: " + failure);
        return new CleanupRun(done, outcome, reason, reports, evidence);
    }

    static List<ShellCommand> cleanupOf(Step step) {
        return switch (step) {
            case Step.Command command -> command.cleanup();
            case Step.Probe probe -> probe.cleanup();
            default -> List.of();
        };
    }

    static Optional<DeviceChannel> channel(StepContext context, Step step) {
        return switch (step.planned().location()) {
            case LAPTOP -> Optional.of(context.laptop());
            case DEVICE, CONSOLE -> context.device();
            case MANUAL -> Optional.empty();
        };
    }

    private CommandExecutor.Target target(StepContext context, StepRun run, DeviceChannel channel) {
        return new CommandExecutor.Target(channel, context.requirementId(), run.id(), run.stepId(), context.actor());
    }

    private Evidence storeBytes(StepContext context, StepRun run, ProbeEvidence item, String source) {
        NewEvidence evidence = new NewEvidence(item.kind(), context.requirementId(), Optional.of(run.id()), item.name(),
                item.mediaType(), item.caption(), source, clock.instant());
        try {
            return store.evidence().add(evidence, new ByteArrayInputStream(item.content()), context.actor(),
                    ProgressMonitor.NONE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One run of one step: its state while it runs. */
    private final class Execution {
        private final StepContext context;
        private final StepRun run;
        private final Step step;
        private final StepListener listener;
        private final Cancellation cancellation;
        private final Map<String, String> values;
        private final Map<String, String> captured = new LinkedHashMap<>();
        private final List<CommandReport> reports = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();
        private boolean changedDevice;
        private CleanupRun cleanup;
        private StepOutcome outcome;
        private String reason;

        Execution(StepContext context, StepRun run, Step step, StepListener listener, Cancellation cancellation) {
            this.context = context;
            this.run = run;
            this.step = step;
            this.listener = listener;
            this.cancellation = cancellation;
            this.values = new LinkedHashMap<>(context.parameters());
        }

        void end(StepOutcome newOutcome, String newReason) {
            if (outcome == null) {
                outcome = newOutcome;
                reason = newReason;
            }
        }

        void perform() {
            Optional<DeviceChannel> channel = channel(context, step);
            if (channel.isEmpty()) {
                end(StepOutcome.ERROR, "not connected to the device");
                return;
            }
            CommandExecutor.Target target = target(context, run, channel.get());
            if (step instanceof Step.Command command && !command.tools().isEmpty()) {
                listener.message("checking tools: " + String.join(", ", command.tools()));
                ToolCheck.Result tools = toolCheck.check(target, command.tools(),
                        step.planned().location() == StepLocation.LAPTOP ? "assessor's machine" : "device", listener, cancellation);
                tools.evidence().ifPresent(evidence::add);
                if (tools.problem().isPresent()) {
                    end(tools.outcome(), tools.problem().get()
                            + (command.missingToolGuidance().isBlank() ? "" : ". " + command.missingToolGuidance()));
                    return;
                }
            }
            if (step.intrusive() && !context.consent().allow(step, whatItChanges())) {
                end(StepOutcome.SKIPPED, NOT_ALLOWED);
                return;
            }
            if (cancellation.isCancelled()) {
                end(StepOutcome.ERROR, "cancelled");
                return;
            }
            changedDevice = step.intrusive() && !cleanupOf(step).isEmpty();
            switch (step) {
                case Step.Command command -> runCommands(target, command);
                case Step.Probe probe -> new ProbeStep(probes, listener, cancellation).run(context, probe, values)
                        .ifPresent(result -> {
                            for (ProbeEvidence item : result.evidence()) {
                                Evidence stored = storeBytes(context, run, item, "probe " + probe.probe());
                                evidence.add(stored);
                                listener.evidenceStored(stored);
                            }
                            end(result.outcome(), result.reason());
                        });
                default -> throw new IllegalStateException("not a runnable step: " + step.id());
            }
            end(StepOutcome.ERROR, "the probe gave no result");
        }

        private void runCommands(CommandExecutor.Target target, Step.Command command) {
            StepOutcome worst = StepOutcome.PASS;
            List<String> reasons = new ArrayList<>();
            for (ShellCommand shell : command.commands()) {
                CommandExecutor.Executed done = executor.execute(target, shell, values, listener, cancellation);
                reports.add(done.report());
                done.evidence().ifPresent(evidence::add);
                if (done.outcome() == StepOutcome.ERROR || done.outcome() == StepOutcome.FAIL) {
                    end(done.outcome(), done.reason());
                    return;
                }
                if (!shell.captureAs().isBlank()) {
                    values.put(shell.captureAs(), done.stdout().strip());
                    captured.put(shell.captureAs(), done.stdout().strip());
                }
                if (done.outcome() == StepOutcome.INCONCLUSIVE) {
                    worst = StepOutcome.INCONCLUSIVE;
                }
                reasons.add(done.reason());
            }
            end(worst, String.join("; ", reasons));
        }

        private String whatItChanges() {
            List<ShellCommand> undo = cleanupOf(step);
            return step.title() + (undo.isEmpty() ? "" : "; afterwards it runs: "
                    + String.join("; ", undo.stream().map(ShellCommand::template).toList()));
        }

        StepResult finish() {
            StepRun done;
            if (cancellation.isCancelled() && outcome == StepOutcome.ERROR) {
                done = store.stepRuns().cancel(run.id(), reason, context.actor());
            } else {
                done = store.stepRuns().finish(run.id(), outcome, reason, context.actor());
            }
            StepOutcome finalOutcome = outcome;
            String finalReason = reason;
            if (cleanup != null && cleanup.outcome() != StepOutcome.PASS) {
                finalReason = reason + " (" + cleanup.reason() + "; the cleanup is pending)";
            }
            return new StepResult(done, finalOutcome, finalReason, reports,
                    cleanup == null ? List.of() : cleanup.reports(), evidence, captured);
        }
    }
}
