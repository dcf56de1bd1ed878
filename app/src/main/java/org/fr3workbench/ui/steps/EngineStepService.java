package org.fr3workbench.ui.steps;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ProcedureParameter;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.engine.IntrusiveConsent;
import org.fr3workbench.engine.PendingCleanup;
import org.fr3workbench.engine.ProcedureSession;
import org.fr3workbench.engine.StepContext;
import org.fr3workbench.engine.StepListener;
import org.fr3workbench.engine.StepResult;
import org.fr3workbench.engine.StepRunner;
import org.fr3workbench.store.AssessmentStore;

/**
 * {@link StepService} over the engine's {@link StepRunner}: commands on the device run over the window's connected
 * channel, laptop commands over the local channel. The view asks for consent to an intrusive step before it calls
 * {@link #run}, so the engine's own consent question is answered with yes. Values captured by a command
 * ({@code capture-as}) are carried to the later steps of the same requirement.
 */
public final class EngineStepService implements StepService {

    private final StepRunner runner;
    private final Supplier<ProcedureLibrary> library;
    private final DeviceChannel laptop;
    private final Supplier<Optional<DeviceChannel>> device;
    private final Map<String, Map<String, String>> captured = new ConcurrentHashMap<>();
    private final AssessmentStore store;
    private final RandomGenerator random = new SecureRandom();

    /**
     * A service whose parameter values live only in the request (tests of the view).
     *
     * @param device the connected device channel when a step starts, if any
     */
    public EngineStepService(StepRunner runner, Supplier<ProcedureLibrary> library, DeviceChannel laptop,
                             Supplier<Optional<DeviceChannel>> device) {
        this(runner, library, laptop, device, null);
    }

    /**
     * The application's service: values the assessor changes are checked and stored in the assessment file
     * ({@link ProcedureSession#open}), stored values apply to later runs and reopened files, markers are fresh for
     * every run, and {@code device-host}/{@code device-port} come from the target recorded in the file.
     *
     * @param store the open assessment file, or null for request-only values
     */
    public EngineStepService(StepRunner runner, Supplier<ProcedureLibrary> library, DeviceChannel laptop,
                             Supplier<Optional<DeviceChannel>> device, AssessmentStore store) {
        this.runner = runner;
        this.library = library;
        this.laptop = laptop;
        this.device = device;
        this.store = store;
    }

    @Override
    public Map<String, String> storedValues() {
        return store == null ? Map.of() : store.parameters().values();
    }

    private StepContext context(String requirementId, Map<String, String> parameters, String actor) {
        Map<String, String> values = store == null ? parameters : sessionValues(parameters, actor);
        StepContext context = new StepContext(requirementId, device.get(), laptop, values, actor, IntrusiveConsent.ALWAYS);
        return context.with(captured.getOrDefault(requirementId, Map.of()));
    }

    /** Stores the values that differ from the file's (defaults + stored), then gives the run's full set of values. */
    private Map<String, String> sessionValues(Map<String, String> requested, String actor) {
        ProcedureLibrary loaded = library.get();
        Map<String, String> current = new LinkedHashMap<>(loaded.defaults());
        current.putAll(store.parameters().values());
        Map<String, String> changed = new LinkedHashMap<>();
        requested.forEach((name, value) -> {
            ProcedureParameter declared = loaded.parameters().get(name);
            if (declared != null && (declared.kind() == ProcedureParameter.Kind.TEXT
                    || declared.kind() == ProcedureParameter.Kind.LOCAL_FILE) && !value.equals(current.get(name))) {
                changed.put(name, value);
            }
        });
        ProcedureSession session = ProcedureSession.open(loaded, store.parameters(), changed, actor, random);
        return session.parameters(store.target().map(t -> t.address()));
    }

    @Override
    public Report run(Request request, Events events, Cancellation cancellation) {
        StepResult result = runner.run(context(request.requirementId(), request.parameters(), request.actor()), request.step(),
                listener(events), cancellation);
        if (!result.captured().isEmpty()) {
            captured.computeIfAbsent(request.requirementId(), id -> new ConcurrentHashMap<>()).putAll(result.captured());
        }
        return report(result);
    }

    @Override
    public Report attest(Request request, StepOutcome outcome, String note) {
        return report(runner.attest(context(request.requirementId(), request.parameters(), request.actor()), request.step(),
                outcome, note));
    }

    @Override
    public Report skip(Request request, String reason) {
        return report(runner.skip(context(request.requirementId(), request.parameters(), request.actor()), request.step(),
                reason));
    }

    @Override
    public List<Pending> pendingCleanups() {
        return runner.pendingCleanups(library.get()).stream()
                .map(p -> new Pending(p.run().id(), p.run().requirementId(), p.step(), p.why())).toList();
    }

    @Override
    public Report runCleanup(Pending pending, Map<String, String> parameters, String actor, Events events,
                             Cancellation cancellation) {
        PendingCleanup owed = runner.pendingCleanups(library.get()).stream().filter(p -> p.run().id() == pending.runId())
                .findFirst().orElseThrow(() -> new IllegalStateException("the cleanup of step run " + pending.runId()
                        + " is no longer pending"));
        return report(runner.runCleanup(context(pending.requirementId(), parameters, actor), owed, listener(events),
                cancellation));
    }

    private static StepListener listener(Events events) {
        return new StepListener() {
            @Override
            public void commandStarted(String label, String renderedCommand) {
                events.commandStarted(label, renderedCommand);
            }

            @Override
            public void output(String text) {
                events.output(text);
            }

            @Override
            public void evidenceStored(Evidence evidence) {
                events.evidenceStored(evidence);
            }

            @Override
            public void message(String text) {
                events.message(text);
            }
        };
    }

    private static Report report(StepResult result) {
        return new Report(result.run().id(), result.outcome(), result.reason(), commands(result.commands()),
                commands(result.cleanup()), result.evidence());
    }

    private static List<StepService.CommandReport> commands(List<org.fr3workbench.engine.CommandReport> reports) {
        return reports.stream().map(r -> new StepService.CommandReport(r.label(), r.renderedCommand(), r.exitCode(), r.how(),
                r.checks().stream().map(c -> new Check(c.expectation(), c.held(), c.observed())).toList())).toList();
    }
}
