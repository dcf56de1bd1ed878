package org.fr3workbench.ui.steps;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.ui.assessment.AssessmentSession;
import org.fr3workbench.ui.common.Tasks;

/**
 * The step runner of the selected requirement: its steps with their last outcomes, the selected step's parameters and
 * rendered commands, and the actions run, run all automatic, skip, attest, cancel and run a pending cleanup. The work
 * runs on workers through {@link StepService}; every property changes on the FX thread.
 */
public final class StepsViewModel {

    private final AssessmentSession session;
    private final Tasks workers;
    private final StepPrompts prompts;
    private final Executor fx;
    private final Texts texts;
    private final ObjectProperty<Requirement> requirement = new SimpleObjectProperty<>();
    private final ObservableList<StepItem> steps = FXCollections.observableArrayList();
    private final ObservableList<StepItem> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ObjectProperty<StepItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper commands = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<StepItem> running = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StepService> service = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ProcedureLibrary> library = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StepService.Pending> pending = FXCollections.observableArrayList();
    private final ObservableList<StepService.Pending> pendingView = FXCollections.unmodifiableObservableList(pending);
    private final StepParameters parameters = new StepParameters(library::get, this::renderCommands);
    private final DeviceSession device;
    private final List<Runnable> stepRunListeners = new ArrayList<>();
    private final BooleanBinding busy = Bindings.isNotNull(running);
    private org.fr3workbench.device.Cancellation cancellation;
    private boolean chainStopped;
    /** The requirement the step list was last built for. */
    private Requirement builtFor;
    /** Loads the procedure library; {@code null} once the load has started. */
    private Supplier<ProcedureLibrary> procedures;

    /**
     * @param procedures loads the procedure library (on a worker)
     * @param services   creates the engine for an open assessment file
     * @param workers    runs steps (not the store's serial worker: a step may run for minutes)
     * @param fx         the FX thread ({@code Platform::runLater})
     */
    public StepsViewModel(AssessmentSession session, Supplier<ProcedureLibrary> procedures, StepService.Factory services,
                          Tasks workers, StepPrompts prompts, Executor fx, Texts texts) {
        this.session = session;
        this.device = new DeviceSession();
        this.workers = workers;
        this.prompts = prompts;
        this.fx = fx;
        this.texts = texts;
        requirement.addListener((obs, old, now) -> rebuild());
        selected.addListener((obs, old, now) -> showSelected());
        session.infoProperty().addListener((obs, old, now) -> {
            service.set(null);
            pending.clear();
            parameters.forgetStored();
            if (now != null) {
                session.submit(store -> {
                    StepService opened = services.open(store, device);
                    return Map.entry(Optional.ofNullable(opened), opened == null ? Map.<String, String>of() : opened.storedValues());
                }, opened -> {
                    service.set(opened.getKey().orElse(null));
                    parameters.useStored(opened.getValue());
                    loadPending();
                }, e -> message.set(org.fr3workbench.ui.common.Errors.describe(e)));
            }
            rebuild();
        });
        this.procedures = procedures;
        requirement.addListener((obs, old, now) -> loadProcedures());
    }

    /**
     * Starts loading the procedure library on a worker, once; the steps are shown as planned until it arrives. Called
     * when the first requirement is shown, or earlier by the window once its first frame is painted (docs/benchmarks.md).
     */
    public void loadProcedures() {
        if (procedures == null) {
            return;
        }
        Supplier<ProcedureLibrary> load = procedures;
        procedures = null;
        workers.create(load::get).onSuccess(loaded -> {
            library.set(loaded);
            rebuild();
        }).onError(e -> message.set(org.fr3workbench.ui.common.Errors.describe(e))).run();
    }

    private void rebuild() {
        Requirement shown = requirement.get();
        // Rebuilt for the same requirement (the procedures arrived): the assessor keeps the step they had chosen.
        String keep = shown != null && shown.equals(builtFor) && selected.get() != null ? selected.get().planned().id() : null;
        builtFor = shown;
        steps.clear();
        if (shown == null) {
            selected.set(null);
            return;
        }
        Optional<Procedure> procedure = Optional.ofNullable(library.get()).flatMap(l -> l.procedure(shown.id()));
        int number = 1;
        for (PlannedStep planned : shown.steps()) {
            steps.add(new StepItem(number++, planned, procedure.flatMap(p -> p.step(planned.id())), fx));
        }
        selected.set(steps.stream().filter(item -> item.planned().id().equals(keep)).findFirst()
                .orElse(steps.isEmpty() ? null : steps.getFirst()));
        if (session.isOpen()) {
            session.submit(store -> store.stepRuns().forRequirement(shown.id()), runs -> {
                if (shown.equals(requirement.get())) {
                    showLatest(runs);
                }
            }, e -> message.set(org.fr3workbench.ui.common.Errors.describe(e)));
        }
    }

    private void showLatest(List<StepRun> runs) {
        Map<String, StepRun> latest = StepProgress.latestFinished(runs);
        for (StepItem item : steps) {
            StepRun run = latest.get(item.planned().id());
            if (run != null && item.outcomeProperty().get() == null) {
                item.outcomeProperty().set(run.outcome().orElseThrow());
                item.reasonProperty().set(run.reason());
            }
        }
    }

    private void showSelected() {
        StepItem item = selected.get();
        parameters.show(item == null ? Optional.empty() : item.step());
        renderCommands();
    }

    private void renderCommands() {
        StepItem item = selected.get();
        commands.set(item == null || item.step().isEmpty() ? ""
                : StepCommands.render(item.step().get(), currentValues(), parameters::runtimeOnly));
    }

    /** The library's defaults overridden by the stored and the assessor's values. */
    Map<String, String> currentValues() {
        return parameters.current();
    }

    /** Runs the selected step (command or probe). */
    public void run() {
        StepItem item = selected.get();
        if (item != null && item.automatic() && running.get() == null) {
            chainStopped = false;
            start(item, () -> { });
        }
    }

    /** Runs the requirement's command and probe steps in order; stops at a cancel or a refused intrusive step. */
    public void runAllAutomatic() {
        if (running.get() != null) {
            return;
        }
        chainStopped = false;
        runNext(steps.stream().filter(StepItem::automatic).toList().iterator());
    }

    private void runNext(Iterator<StepItem> remaining) {
        if (chainStopped || !remaining.hasNext()) {
            return;
        }
        StepItem next = remaining.next();
        selected.set(next);
        if (!start(next, () -> runNext(remaining))) {
            chainStopped = true;
        }
    }

    private boolean start(StepItem item, Runnable after) {
        StepService engine = service.get();
        Requirement shown = requirement.get();
        if (engine == null || shown == null || session.readOnlyProperty().get()) {
            message.set(engine == null ? texts.get("steps.message.noEngine") : texts.get("steps.message.readOnly"));
            return false;
        }
        Step step = item.step().orElseThrow();
        Map<String, String> current = currentValues();
        if (step.intrusive() && !prompts.confirmIntrusive(step, StepCommands.render(step, current, parameters::runtimeOnly),
                StepCommands.cleanupSummary(step, current, parameters::runtimeOnly))) {
            message.set(texts.format("steps.message.notConfirmed", step.title()));
            return false;
        }
        org.fr3workbench.device.Cancellation cancel = org.fr3workbench.device.Cancellation.create();
        cancellation = cancel;
        item.output().clear();
        item.showChecks(List.of());
        began(item);
        StepService.Request request = new StepService.Request(shown.id(), step, current, actor());
        workers.create(() -> engine.run(request, events(item), cancel))
                .onSuccess(report -> {
                    finished(item, report);
                    after.run();
                })
                .onError(error -> failed(item, error))
                .run();
        return true;
    }

    private StepService.Events events(StepItem item) {
        return new StepService.Events() {
            @Override
            public void commandStarted(String label, String renderedCommand) {
                item.output().appendLine("$ " + renderedCommand);
            }

            @Override
            public void output(String text) {
                item.output().append(text);
            }

            @Override
            public void evidenceStored(org.fr3workbench.domain.Evidence evidence) {
                fx.execute(session::evidenceChanged);
            }

            @Override
            public void message(String text) {
                fx.execute(() -> message.set(text));
            }
        };
    }

    private void began(StepItem item) {
        item.runningProperty().set(true);
        running.set(item);
        message.set(texts.format("steps.message.running", item.planned().title()));
    }

    private void finished(StepItem item, StepService.Report report) {
        item.runningProperty().set(false);
        running.set(null);
        cancellation = null;
        item.outcomeProperty().set(report.outcome());
        item.reasonProperty().set(report.reason());
        List<StepService.Check> checks = new ArrayList<>();
        for (StepService.CommandReport command : report.commands()) {
            boolean labelled = report.commands().size() > 1 && !command.label().isEmpty();
            command.checks().forEach(check -> checks.add(labelled
                    ? new StepService.Check(command.label() + ": " + check.expectation(), check.held(), check.observed())
                    : check));
        }
        item.showChecks(checks);
        message.set(texts.format("steps.message.finished", item.planned().title(), texts.outcome(report.outcome())));
        session.evidenceChanged();
        stepRunListeners.forEach(Runnable::run);
        loadPending();
    }

    private void failed(StepItem item, Throwable error) {
        item.runningProperty().set(false);
        running.set(null);
        cancellation = null;
        chainStopped = true;
        message.set(org.fr3workbench.ui.common.Errors.describe(error));
        stepRunListeners.forEach(Runnable::run);
    }

    /** Cancels the running step (its cleanup still runs) and stops "run all". */
    public void cancel() {
        chainStopped = true;
        if (cancellation != null) {
            cancellation.cancel();
            message.set(texts.get("steps.message.cancelling"));
        }
    }

    /** Skips the selected step with a reason the assessor gives. */
    public void skip() {
        StepItem item = selected.get();
        if (item == null || item.step().isEmpty() || running.get() != null) {
            return;
        }
        prompts.skipReason(item.step().get()).ifPresent(reason -> record(item, engine -> engine.skip(request(item), reason)));
    }

    /** Records the assessor's attestation of the selected instruction, capture or input step. */
    public void attest() {
        StepItem item = selected.get();
        if (item == null || !item.attestable() || running.get() != null) {
            return;
        }
        prompts.attest(item.step().get()).ifPresent(answer -> record(item, engine -> engine.attest(request(item),
                answer.holds() ? org.fr3workbench.domain.StepOutcome.PASS : org.fr3workbench.domain.StepOutcome.FAIL,
                answer.note())));
    }

    private StepService.Request request(StepItem item) {
        return new StepService.Request(requirement.get().id(), item.step().orElseThrow(), currentValues(), actor());
    }

    private void record(StepItem item, java.util.function.Function<StepService, StepService.Report> work) {
        StepService engine = service.get();
        if (engine == null || session.readOnlyProperty().get()) {
            message.set(engine == null ? texts.get("steps.message.noEngine") : texts.get("steps.message.readOnly"));
            return;
        }
        began(item);
        workers.create(() -> work.apply(engine)).onSuccess(report -> finished(item, report))
                .onError(error -> failed(item, error)).run();
    }

    /** Runs the cleanup an interrupted intrusive step still owes. */
    public void runCleanup(StepService.Pending owed) {
        StepService engine = service.get();
        if (engine == null || running.get() != null) {
            return;
        }
        StepItem item = steps.stream().filter(s -> s.planned().id().equals(owed.step().id())
                && owed.requirementId().equals(requirement.get().id())).findFirst()
                .orElseGet(() -> new StepItem(0, owed.step().planned(), Optional.of(owed.step()), fx));
        org.fr3workbench.device.Cancellation cancel = org.fr3workbench.device.Cancellation.create();
        cancellation = cancel;
        item.output().clear();
        began(item);
        Map<String, String> current = currentValues();
        String actor = actor();
        workers.create(() -> engine.runCleanup(owed, current, actor, events(item), cancel))
                .onSuccess(report -> finished(item, report)).onError(error -> failed(item, error)).run();
    }

    private void loadPending() {
        StepService engine = service.get();
        if (engine != null) {
            workers.create(engine::pendingCleanups).onSuccess(pending::setAll)
                    .onError(e -> message.set(org.fr3workbench.ui.common.Errors.describe(e))).run();
        }
    }

    /** Selects the next step (Alt+Down). */
    public void next() {
        move(1);
    }

    /** Selects the previous step (Alt+Up). */
    public void previous() {
        move(-1);
    }

    private void move(int delta) {
        if (steps.isEmpty()) {
            return;
        }
        int index = steps.indexOf(selected.get());
        selected.set(steps.get(Math.clamp(index + delta, 0, steps.size() - 1)));
    }

    private String actor() {
        return session.infoProperty().get() == null ? "" : session.infoProperty().get().assessor();
    }

    /** The window's device connection, which the connect dialog fills (FX thread). */
    public DeviceSession deviceSession() {
        return device;
    }

    /** Called on the FX thread whenever a step run was recorded (progress marks reload). */
    public void onStepRecorded(Runnable listener) {
        stepRunListeners.add(listener);
    }

    public ObjectProperty<Requirement> requirementProperty() {
        return requirement;
    }

    public ObservableList<StepItem> steps() {
        return stepsView;
    }

    public ObjectProperty<StepItem> selectedProperty() {
        return selected;
    }

    /** The parameters the selected step uses. */
    public ObservableList<ParameterRow> parameters() {
        return parameters.rows();
    }

    /** The selected step's commands as they will run with the current values. */
    public ReadOnlyStringProperty commandsProperty() {
        return commands.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The step running now, or null. */
    public ReadOnlyObjectProperty<StepItem> runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<StepService> serviceProperty() {
        return service.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ProcedureLibrary> libraryProperty() {
        return library.getReadOnlyProperty();
    }

    /** Intrusive steps whose cleanup has not run. */
    public ObservableList<StepService.Pending> pendingCleanups() {
        return pendingView;
    }

    /** Whether anything runs now. */
    public BooleanBinding busyProperty() {
        return busy;
    }
}
