package org.fr3workbench.ui.assessment;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import javafx.concurrent.Task;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerificationReport;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.ui.common.Tasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assessment file open in the window, seen from the GUI: its info, current verdicts and
 * integrity, as observable state on the FX thread. Every store call runs on the store's own
 * serial worker, never on the FX thread; every change is saved at once (there is no Save button).
 */
public final class AssessmentSession {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentSession.class);

    private final AssessmentFiles files;
    private final Tasks storeTasks;
    private final ReadOnlyObjectWrapper<AssessmentStore> store = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AssessmentInfo> info = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper readOnly = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper readOnlyReason = new ReadOnlyStringWrapper("");
    private final ObservableMap<String, Verdict> verdicts = FXCollections.observableHashMap();
    /** One read-only view, kept: listeners on a view that is dropped would be lost with it. */
    private final ObservableMap<String, Verdict> verdictsView = FXCollections.unmodifiableObservableMap(verdicts);
    private final ReadOnlyObjectWrapper<IntegrityStatus> integrity = new ReadOnlyObjectWrapper<>(IntegrityStatus.UNKNOWN);
    private final ReadOnlyLongWrapper evidenceRevision = new ReadOnlyLongWrapper();

    /**
     * @param files      opens and creates assessment files
     * @param storeTasks runs store work one task at a time (see {@code SerialExecutor})
     */
    public AssessmentSession(AssessmentFiles files, Tasks storeTasks) {
        this.files = files;
        this.storeTasks = storeTasks;
    }

    public ReadOnlyObjectProperty<AssessmentInfo> infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty readOnlyProperty() {
        return readOnly.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty readOnlyReasonProperty() {
        return readOnlyReason.getReadOnlyProperty();
    }

    /** Current verdict per requirement id (FX thread). */
    public ObservableMap<String, Verdict> verdicts() {
        return verdictsView;
    }

    public ReadOnlyObjectProperty<IntegrityStatus> integrityProperty() {
        return integrity.getReadOnlyProperty();
    }

    /** Increases whenever evidence is added, so that galleries reload. */
    public ReadOnlyLongProperty evidenceRevisionProperty() {
        return evidenceRevision.getReadOnlyProperty();
    }

    public boolean isOpen() {
        return store.get() != null;
    }

    /** Creates a new assessment file and opens it. */
    public void create(Path target, AssessmentInfo assessment, Consumer<Throwable> onError, Runnable onDone) {
        storeTasks.create(() -> files.create(target, assessment, assessment.assessor()))
                .onSuccess(opened -> {
                    replace(opened);
                    onDone.run();
                })
                .onError(onError)
                .run();
    }

    /** Opens an existing assessment file; a foreign or damaged file is refused and left untouched. */
    public void open(Path target, Consumer<Throwable> onError, Runnable onDone) {
        storeTasks.create(() -> files.open(target, AssessmentFiles.Access.READ_WRITE))
                .onSuccess(opened -> {
                    replace(opened);
                    onDone.run();
                })
                .onError(onError)
                .run();
    }

    /** Closes the open file, if any (on the store worker). */
    public void close() {
        AssessmentStore previous = store.get();
        clear();
        if (previous != null) {
            storeTasks.create(() -> {
                previous.close();
                return null;
            }).onError(e -> LOG.warn("Closing {} failed", previous.file(), e)).run();
        }
    }

    /** Runs work against the open store on the store worker; the result arrives on the FX thread. */
    public <T> Task<T> submit(StoreWork<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
        AssessmentStore current = requireOpen();
        return storeTasks.create((Callable<T>) () -> work.apply(current)).onSuccess(onSuccess).onError(onError).run();
    }

    /** Runs a long task of its own (progress, cancel) against the open store, on the store worker. */
    public <T> Task<T> submitTask(java.util.function.Function<AssessmentStore, Task<T>> factory) {
        return storeTasks.run(factory.apply(requireOpen()));
    }

    /** Records that evidence was added (the gallery reloads) and the integrity badge is out of date. */
    public void evidenceChanged() {
        evidenceRevision.set(evidenceRevision.get() + 1);
        integrity.set(IntegrityStatus.UNKNOWN);
    }

    /** Applies a newly recorded verdict to the observable state. */
    public void verdictRecorded(Verdict verdict) {
        verdicts.put(verdict.requirementId(), verdict);
        integrity.set(IntegrityStatus.UNKNOWN);
    }

    /** Recomputes every evidence hash and the journal chain; the badge shows the result. */
    public Task<VerificationReport> verify(Consumer<Throwable> onError) {
        AssessmentStore current = requireOpen();
        integrity.set(new IntegrityStatus(IntegrityStatus.State.CHECKING, ""));
        return storeTasks.create(() -> current.verify(org.fr3workbench.store.ProgressMonitor.NONE))
                .onSuccess(report -> integrity.set(report.isClean()
                        ? new IntegrityStatus(IntegrityStatus.State.CLEAN, report.journalEntries() + " journal entries")
                        : new IntegrityStatus(IntegrityStatus.State.BROKEN,
                                report.first().map(d -> d.message()).orElse("discrepancy"))))
                .onError(error -> {
                    integrity.set(IntegrityStatus.UNKNOWN);
                    onError.accept(error);
                })
                .run();
    }

    private AssessmentStore requireOpen() {
        AssessmentStore current = store.get();
        if (current == null) {
            throw new IllegalStateException("no assessment file is open");
        }
        return current;
    }

    private void replace(AssessmentStore opened) {
        close();
        store.set(opened);
        file.set(opened.file());
        readOnly.set(opened.isReadOnly());
        readOnlyReason.set(opened.readOnlyReason().orElse(""));
        info.set(opened.info());
        submit(s -> s.verdicts().current(), current -> verdicts.putAll(current),
                e -> LOG.warn("Cannot read the verdicts of {}", opened.file(), e));
        verify(e -> LOG.warn("Cannot verify {}", opened.file(), e));
    }

    private void clear() {
        store.set(null);
        file.set(null);
        info.set(null);
        readOnly.set(false);
        readOnlyReason.set("");
        verdicts.clear();
        integrity.set(IntegrityStatus.UNKNOWN);
    }

    /** Work against the open assessment file. */
    @FunctionalInterface
    public interface StoreWork<T> {
        T apply(AssessmentStore store) throws Exception;
    }

    /** The open file's current verdict on a requirement, if any (FX thread). */
    public Optional<Verdict> verdict(String requirementId) {
        return Optional.ofNullable(verdicts.get(requirementId));
    }

    /** A snapshot of the current verdicts (FX thread). */
    public Map<String, Verdict> verdictSnapshot() {
        return Map.copyOf(verdicts);
    }
}
