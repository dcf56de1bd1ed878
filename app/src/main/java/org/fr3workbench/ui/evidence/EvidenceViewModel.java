package org.fr3workbench.ui.evidence;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.MediaTypes;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.store.EvidenceQuery;
import org.fr3workbench.store.ProgressMonitor;
import org.fr3workbench.ui.assessment.AssessmentSession;

/**
 * The evidence gallery of one requirement: the items (metadata only; content is streamed when a
 * thumbnail, a preview or a copy is needed), import of files, notes and export of copies.
 */
public final class EvidenceViewModel {

    private static final int PAGE = 500;
    private static final int PREVIEW_BYTES = 4096;

    private final AssessmentSession session;
    private final ObjectProperty<Requirement> requirement = new SimpleObjectProperty<>();
    private final ObservableList<Evidence> items = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a view that is dropped would be lost with it. */
    private final ObservableList<Evidence> itemsView = FXCollections.unmodifiableObservableList(items);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final javafx.beans.property.StringProperty caption = new javafx.beans.property.SimpleStringProperty("");
    private final ObjectProperty<Evidence> selected = new SimpleObjectProperty<>();
    /** Counts reloads, on the FX thread. */
    private long generation;

    public EvidenceViewModel(AssessmentSession session) {
        this.session = session;
        requirement.addListener((obs, old, now) -> reload());
        session.evidenceRevisionProperty().addListener((obs, old, now) -> reload());
        session.infoProperty().addListener((obs, old, now) -> reload());
    }

    private void reload() {
        items.clear();
        // A reload started later supersedes pages still in flight (two quick changes would list items twice).
        long load = ++generation;
        Requirement shown = requirement.get();
        if (shown == null || !session.isOpen()) {
            return;
        }
        loadPage(shown, 0, load);
    }

    private void loadPage(Requirement shown, long offset, long load) {
        session.submit(store -> store.evidence().page(EvidenceQuery.forRequirement(shown.id()), offset, PAGE), page -> {
            if (load != generation || !shown.equals(requirement.get())) {
                return;
            }
            items.addAll(page);
            if (page.size() == PAGE) {
                loadPage(shown, offset + PAGE, load);
            }
        }, e -> status.set(org.fr3workbench.ui.common.Errors.describe(e)));
    }

    /** Records files as evidence of the shown requirement (drag and drop, or "Add files"). */
    public void importFiles(List<Path> files, Consumer<Throwable> onError) {
        Requirement target = requirement.get();
        if (target == null || files.isEmpty()) {
            return;
        }
        String actor = session.infoProperty().get().assessor();
        String what = caption.get().strip();
        caption.set("");
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                onError.accept(new IllegalArgumentException(file + " is not a file"));
                continue;
            }
            session.submit(store -> store.evidence().importFile(describe(target.id(), file, what), file, actor, ProgressMonitor.NONE),
                    added -> {
                        status.set("");
                        session.evidenceChanged();
                    }, onError);
        }
    }

    /** Records a note written by the assessor. */
    public void addNote(String title, String text, Consumer<Throwable> onError) {
        Requirement target = requirement.get();
        if (target == null || text.isBlank()) {
            return;
        }
        String actor = session.infoProperty().get().assessor();
        session.submit(store -> store.evidence().addNote(target.id(), title.isBlank() ? "note" : title, text, actor),
                added -> session.evidenceChanged(), onError);
    }

    /** Writes a byte-for-byte copy of an item to a file chosen by the assessor. */
    public void exportCopy(Evidence item, Path target, Runnable onDone, Consumer<Throwable> onError) {
        session.submit(store -> {
            try (InputStream in = store.evidence().open(item.id());
                 OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                         StandardOpenOption.WRITE)) {
                in.transferTo(out);
            }
            return target;
        }, written -> onDone.run(), onError);
    }

    /** The beginning of a text item, for the gallery's preview. */
    public void preview(Evidence item, Consumer<String> onText) {
        session.submit(store -> {
            try (InputStream in = store.evidence().open(item.id())) {
                return new String(in.readNBytes(PREVIEW_BYTES), StandardCharsets.UTF_8);
            }
        }, onText, e -> onText.accept(""));
    }

    /** Opens an item's content for a thumbnail or a viewer; the consumer runs on the store worker. */
    public void withContent(Evidence item, EvidenceReader reader, Consumer<Object> onResult) {
        session.submit(store -> {
            try (InputStream in = store.evidence().open(item.id())) {
                return reader.read(in);
            }
        }, onResult, e -> onResult.accept(null));
    }

    /** Reads an item's content into something the view shows. */
    @FunctionalInterface
    public interface EvidenceReader {
        Object read(InputStream content) throws Exception;
    }

    static NewEvidence describe(String requirementId, Path file, String caption) throws java.io.IOException {
        String name = file.getFileName().toString();
        String mediaType = mediaType(name, file);
        EvidenceKind kind = MediaTypes.isImage(mediaType) ? EvidenceKind.PHOTO : EvidenceKind.FILE;
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        return NewEvidence.of(kind, requirementId, name, mediaType, caption, "imported from " + file.toAbsolutePath(), modified);
    }

    static String mediaType(String name, Path file) throws java.io.IOException {
        java.util.Optional<String> known = MediaTypes.forFileName(name);
        if (known.isPresent()) {
            return known.get();
        }
        String probed = Files.probeContentType(file);
        return probed != null ? probed : MediaTypes.OCTET_STREAM;
    }

    public ObjectProperty<Requirement> requirementProperty() {
        return requirement;
    }

    /** The item selected in the gallery (bound by the view; the capture menu annotates it). */
    public ObjectProperty<Evidence> selectedProperty() {
        return selected;
    }

    public ObservableList<Evidence> items() {
        return itemsView;
    }

    /** What the next added files show, stored with them (the assessor's description). */
    public javafx.beans.property.StringProperty captionProperty() {
        return caption;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
