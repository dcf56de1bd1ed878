package org.fr3workbench.ui.tls;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import org.fr3workbench.catalog.TlsPolicyLoader;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.TlsPolicy;
import org.fr3workbench.probe.tls.Finding;
import org.fr3workbench.probe.tls.SuiteMatrix;
import org.fr3workbench.probe.tls.TlsProbeOutcome;
import org.fr3workbench.probe.tls.TlsProbeRequest;
import org.fr3workbench.probe.tls.TlsScanOptions;
import org.fr3workbench.probe.tls.TlsTarget;
import org.fr3workbench.store.ProgressMonitor;
import org.fr3workbench.ui.assessment.AssessmentSession;
import org.fr3workbench.ui.common.Tasks;

/**
 * State of the TLS scan view: the form (target, policy, parallel connections, requirement), the running
 * scan (progress, cancel), its outcome arranged for the view (matrix, findings) and storing it as evidence
 * in the open assessment. The scan runs on the background executor; every property changes on the FX thread.
 */
public final class TlsScanViewModel {

    /** Requirements a TLS scan supports, offered when storing. */
    public static final List<String> REQUIREMENTS = List.of("CR 3.1", "CR 3.1 RE(1)", "CR 3.8");

    private final TlsScanServices services;
    private final AssessmentSession session;
    private final Tasks tasks;

    private final StringProperty target = new SimpleStringProperty("");
    private final ObjectProperty<String> policy = new SimpleObjectProperty<>(TlsPolicyLoader.BUNDLED.getFirst());
    private final IntegerProperty parallel = new SimpleIntegerProperty(TlsScanOptions.DEFAULT_PARALLEL);
    private final ObjectProperty<String> requirement = new SimpleObjectProperty<>(REQUIREMENTS.getFirst());
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.ReadOnlyIntegerWrapper connectionsOpened = new javafx.beans.property.ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<TlsProbeOutcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SuiteMatrix> matrix = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a view that is dropped would be lost with it. */
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ReadOnlyObjectWrapper<List<Evidence>> stored = new ReadOnlyObjectWrapper<>(List.of());
    private final BooleanBinding canStore;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Task<TlsProbeOutcome> task;

    public TlsScanViewModel(TlsScanServices services, AssessmentSession session, Tasks tasks) {
        this.services = services;
        this.session = session;
        this.tasks = tasks;
        canStore = Bindings.createBooleanBinding(() -> outcome.get() != null && stored.get().isEmpty() && !running.get()
                        && session.infoProperty().get() != null && !session.readOnlyProperty().get(),
                outcome, stored, running, session.infoProperty(), session.readOnlyProperty());
    }

    public StringProperty targetProperty() {
        return target;
    }

    public ObjectProperty<String> policyProperty() {
        return policy;
    }

    public IntegerProperty parallelProperty() {
        return parallel;
    }

    public ObjectProperty<String> requirementProperty() {
        return requirement;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Connections the running scan opened so far. */
    public javafx.beans.property.ReadOnlyIntegerProperty connectionsOpenedProperty() {
        return connectionsOpened.getReadOnlyProperty();
    }

    /** What the scanner is doing, e.g. {@code TLSv1.2: cipher suites}. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last scan or store failed; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TlsProbeOutcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SuiteMatrix> matrixProperty() {
        return matrix.getReadOnlyProperty();
    }

    /** Findings of the last scan, failed ones first. */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** The evidence stored from the last scan (empty until stored). */
    public ReadOnlyObjectProperty<List<Evidence>> storedProperty() {
        return stored.getReadOnlyProperty();
    }

    /** Whether "Store as evidence" can run: a finished scan not stored yet, and a writable assessment open. */
    public BooleanBinding canStore() {
        return canStore;
    }

    /** The policies to choose from. */
    public List<String> policies() {
        return TlsPolicyLoader.BUNDLED;
    }

    /** Checks the form; the message names what is wrong, or is empty. */
    public String validate() {
        try {
            TlsTarget.parse(target.get());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        return parallel.get() < 1 || parallel.get() > 64 ? "parallel connections must be between 1 and 64" : "";
    }

    /** Starts a scan in the background; a second call while one runs is ignored. */
    public void scan() {
        String problem = validate();
        if (!problem.isEmpty()) {
            error.set(problem);
            return;
        }
        if (running.get()) {
            return;
        }
        TlsTarget endpoint = TlsTarget.parse(target.get());
        String policyName = policy.get();
        int connections = parallel.get();
        cancelled.set(false);
        running.set(true);
        error.set("");
        progress.set("");
        connectionsOpened.set(0);
        stored.set(List.of());
        task = tasks.create(() -> {
            TlsPolicy judgedBy = services.policies().get().loadBundled(policyName);
            TlsProbeRequest request = new TlsProbeRequest(endpoint, java.util.Optional.empty(), judgedBy, connections,
                    TlsScanOptions.DEFAULT_TIMEOUT_MILLIS);
            return services.probe().get().run(request,
                    (step, opened) -> Platform.runLater(() -> {
                        if (running.get()) {
                            progress.set(step);
                            connectionsOpened.set(opened);
                        }
                    }), cancelled::get);
        }).onSuccess(this::show).onError(this::failed).andFinally(() -> running.set(false)).run();
    }

    /** Stops a running scan (within one connection timeout). */
    public void cancel() {
        cancelled.set(true);
        if (task != null) {
            task.cancel(true);
        }
    }

    private void show(TlsProbeOutcome result) {
        outcome.set(result);
        matrix.set(SuiteMatrix.of(result.result()));
        List<Finding> ordered = new ArrayList<>(result.result().findings().stream().filter(f -> f.result() == Finding.Result.FAIL)
                .toList());
        ordered.addAll(result.result().findings().stream().filter(f -> f.result() == Finding.Result.PASS).toList());
        findings.setAll(ordered);
        progress.set("");
    }

    private void failed(Throwable problem) {
        if (problem instanceof CancellationException || cancelled.get()) {
            progress.set("");
            return;
        }
        error.set(problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage());
    }

    /** Stores the JSON and the table of the last scan as two evidence items for the chosen requirement. */
    public void store(Consumer<Throwable> onError) {
        TlsProbeOutcome current = outcome.get();
        if (!canStore.get() || current == null) {
            return;
        }
        String actor = session.infoProperty().get().assessor();
        List<TlsProbeOutcome.Item> items = current.evidence(requirement.get());
        session.submit(store -> {
            List<Evidence> added = new ArrayList<>();
            for (TlsProbeOutcome.Item item : items) {
                added.add(store.evidence().add(item.evidence(), new ByteArrayInputStream(item.content()), actor,
                        ProgressMonitor.NONE));
            }
            return List.copyOf(added);
        }, added -> {
            stored.set(added);
            session.evidenceChanged();
        }, onError);
    }
}
