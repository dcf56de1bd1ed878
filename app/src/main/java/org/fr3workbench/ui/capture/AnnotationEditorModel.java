package org.fr3workbench.ui.capture;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fr3workbench.domain.Annotation;

/**
 * The marks of one editing session: the current tool, the annotations drawn so far, the selected
 * one and the undo history. Nothing here touches the image; saving burns the marks into a copy.
 */
public final class AnnotationEditorModel {

    /** The drawing tools. */
    public enum Tool { BOX, ARROW, TEXT, REDACT }

    /** Drags shorter than this (image pixels) are clicks. */
    static final double MIN_DRAG = 4;
    private static final double TEXT_CHAR_WIDTH = 10;
    private static final double TEXT_HEIGHT = 30;
    private static final double ARROW_HIT = 8;

    private final ObservableList<Annotation> annotations = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a view that is dropped would be lost with it. */
    private final ObservableList<Annotation> annotationsView = FXCollections.unmodifiableObservableList(annotations);
    private final Deque<List<Annotation>> history = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ObjectProperty<Tool> tool = new SimpleObjectProperty<>(Tool.BOX);
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty caption = new SimpleStringProperty("");

    public ObservableList<Annotation> annotations() {
        return annotationsView;
    }

    public ObjectProperty<Tool> toolProperty() {
        return tool;
    }

    /** The text the Text tool places. */
    public StringProperty labelProperty() {
        return label;
    }

    /** The caption of the saved copy (blank: one that names the source item). */
    public StringProperty captionProperty() {
        return caption;
    }

    /** Index of the selected annotation, or -1. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /**
     * The mark for a drag from (x1, y1) to (x2, y2) with the current tool, if the drag is long
     * enough; the Text tool places the label text at the end point.
     */
    public Optional<Annotation> markFor(double x1, double y1, double x2, double y2) {
        double w = Math.abs(x2 - x1);
        double h = Math.abs(y2 - y1);
        double left = Math.min(x1, x2);
        double top = Math.min(y1, y2);
        return switch (tool.get()) {
            case BOX -> w >= MIN_DRAG && h >= MIN_DRAG ? Optional.of(new Annotation.Box(left, top, w, h)) : Optional.empty();
            case REDACT -> w >= MIN_DRAG && h >= MIN_DRAG ? Optional.of(new Annotation.Redaction(left, top, w, h)) : Optional.empty();
            case ARROW -> Math.hypot(w, h) >= MIN_DRAG ? Optional.of(new Annotation.Arrow(x1, y1, x2, y2)) : Optional.empty();
            case TEXT -> label.get().isBlank() ? Optional.empty() : Optional.of(new Annotation.Text(x2, y2, label.get()));
        };
    }

    /** Adds a mark and selects it. */
    public void add(Annotation annotation) {
        remember();
        annotations.add(annotation);
        selected.set(annotations.size() - 1);
    }

    /** Removes the selected mark, if any. */
    public boolean deleteSelected() {
        int index = selected.get();
        if (index < 0 || index >= annotations.size()) {
            return false;
        }
        remember();
        annotations.remove(index);
        selected.set(-1);
        return true;
    }

    /** Takes back the last addition or deletion. */
    public boolean undo() {
        if (history.isEmpty()) {
            return false;
        }
        annotations.setAll(history.pop());
        canUndo.set(!history.isEmpty());
        selected.set(-1);
        return true;
    }

    /** The topmost mark at a point of the image, for selection by click. */
    public int indexAt(double x, double y) {
        for (int i = annotations.size() - 1; i >= 0; i--) {
            if (hits(annotations.get(i), x, y)) {
                return i;
            }
        }
        return -1;
    }

    /** True once something was drawn (closing then asks first). */
    public boolean isDirty() {
        return !annotations.isEmpty();
    }

    private void remember() {
        history.push(List.copyOf(annotations));
        canUndo.set(true);
    }

    private static boolean hits(Annotation annotation, double x, double y) {
        return switch (annotation) {
            case Annotation.Box b -> inside(x, y, b.x() - 4, b.y() - 4, b.width() + 8, b.height() + 8);
            case Annotation.Redaction r -> inside(x, y, r.x(), r.y(), r.width(), r.height());
            case Annotation.Text t -> inside(x, y, t.x(), t.y(), t.text().length() * TEXT_CHAR_WIDTH + 12, TEXT_HEIGHT);
            case Annotation.Arrow a -> distanceToSegment(x, y, a) <= ARROW_HIT;
        };
    }

    private static boolean inside(double x, double y, double left, double top, double width, double height) {
        return x >= left && x <= left + width && y >= top && y <= top + height;
    }

    private static double distanceToSegment(double x, double y, Annotation.Arrow a) {
        double dx = a.toX() - a.fromX();
        double dy = a.toY() - a.fromY();
        double t = Math.max(0, Math.min(1, ((x - a.fromX()) * dx + (y - a.fromY()) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(x - (a.fromX() + t * dx), y - (a.fromY() + t * dy));
    }
}
