package org.fr3workbench.ui.capture;

import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.fr3workbench.domain.Annotation;
import org.fr3workbench.domain.CaptureTarget;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.MediaTypes;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.report.image.ImageEvidence;
import org.fr3workbench.ui.assessment.AssessmentSession;

/**
 * State and store work of the capture tools: what a capture is attached to (the shown requirement
 * and, when one is selected, the step run), storing captures as PNG evidence and saving annotated
 * copies. Every image conversion and store call runs on the store worker, never on the FX thread.
 */
public final class CaptureViewModel {

    private final AssessmentSession session;
    private final Clock clock;
    private final ObjectProperty<Requirement> requirement = new SimpleObjectProperty<>();
    private final ObjectProperty<StepRun> stepRun = new SimpleObjectProperty<>();
    private final ObjectProperty<Evidence> selectedEvidence = new SimpleObjectProperty<>();
    private final BooleanBinding canCapture;
    private final BooleanBinding canAnnotate;

    public CaptureViewModel(AssessmentSession session, Clock clock) {
        this.session = session;
        this.clock = clock;
        canCapture = Bindings.createBooleanBinding(() -> session.infoProperty().get() != null && !session.readOnlyProperty().get()
                && requirement.get() != null, session.infoProperty(), session.readOnlyProperty(), requirement);
        canAnnotate = Bindings.createBooleanBinding(() -> canCapture.get() && selectedEvidence.get() != null
                && MediaTypes.isEditableImage(selectedEvidence.get().mediaType()), canCapture, selectedEvidence);
    }

    /** The requirement captures are attached to (bound to the navigator's selection). */
    public ObjectProperty<Requirement> requirementProperty() {
        return requirement;
    }

    /** The run of the selected step, if any (bound by the step runner); captures then name the step. */
    public ObjectProperty<StepRun> stepRunProperty() {
        return stepRun;
    }

    /** The item selected in the evidence gallery ("Annotate selected image"). */
    public ObjectProperty<Evidence> selectedEvidenceProperty() {
        return selectedEvidence;
    }

    /** True when an assessment is open for writing and a requirement is shown. */
    public BooleanBinding canCaptureBinding() {
        return canCapture;
    }

    /** True when, in addition, an image that can be annotated is selected in the gallery. */
    public BooleanBinding canAnnotateBinding() {
        return canAnnotate;
    }

    /** Where a capture made now goes; empty when nothing can take it. */
    public Optional<CaptureTarget> target() {
        Requirement shown = requirement.get();
        if (!canCapture.get() || shown == null) {
            return Optional.empty();
        }
        StepRun run = stepRun.get();
        return Optional.of(new CaptureTarget(shown.id(), Optional.ofNullable(run).filter(r -> r.requirementId().equals(shown.id()))));
    }

    /**
     * Stores a capture. The image is produced by {@code pixels} on the store worker (the
     * conversion of a JavaFX snapshot is done there too).
     */
    public void store(Callable<Image> pixels, ImageEvidence.Capture capture, Consumer<Evidence> onStored, Consumer<Throwable> onError) {
        Optional<CaptureTarget> target = target();
        if (target.isEmpty()) {
            onError.accept(new IllegalStateException("open an assessment and choose a requirement before capturing"));
            return;
        }
        String actor = session.infoProperty().get().assessor();
        session.submit(store -> {
            BufferedImage image = SwingFXUtils.fromFXImage(pixels.call(), null);
            return ImageEvidence.addCapture(store, target.get(), image, capture, actor);
        }, stored -> {
            session.evidenceChanged();
            onStored.accept(stored);
        }, onError);
    }

    /** Reads a stored image for the editor (decoded on the store worker). */
    public void load(Evidence item, Consumer<Image> onImage, Consumer<Throwable> onError) {
        session.submit(store -> SwingFXUtils.toFXImage(ImageEvidence.read(store, item), null), onImage, onError);
    }

    /** Saves an annotated or redacted copy of {@code original} as a new item; the original stays. */
    public void saveAnnotated(Evidence original, List<Annotation> annotations, String caption, Consumer<Evidence> onSaved,
                              Consumer<Throwable> onError) {
        List<Annotation> marks = List.copyOf(annotations);
        String actor = session.infoProperty().get().assessor();
        session.submit(store -> ImageEvidence.saveAnnotated(store, original, marks, caption, actor, clock.instant()), saved -> {
            session.evidenceChanged();
            onSaved.accept(saved);
        }, onError);
    }

    /** Now, for capture times. */
    public java.time.Instant now() {
        return clock.instant();
    }
}
