package org.fr3workbench.ui.capture;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.robot.Robot;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.report.image.ImageEvidence;
import org.fr3workbench.ui.common.DialogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The capture flows: the window, a region of it, the whole screen, and the annotation editor.
 * Pixels are taken on the FX thread (JavaFX requires it); converting and storing them happens on
 * the store worker through {@link CaptureViewModel}.
 */
public final class CaptureActions {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureActions.class);
    private static final javafx.util.Duration MENU_CLOSED = javafx.util.Duration.millis(250);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final CaptureViewModel model;
    private final DialogService dialogs;
    private final ResourceBundle strings;
    private boolean annotateAfterCapture;

    public CaptureActions(CaptureViewModel model, DialogService dialogs, ResourceBundle strings) {
        this.model = model;
        this.dialogs = dialogs;
        this.strings = strings;
    }

    /** Whether each new capture opens in the annotation editor once stored. */
    public void setAnnotateAfterCapture(boolean annotate) {
        this.annotateAfterCapture = annotate;
    }

    /** Stores a snapshot of the window showing {@code scene}. */
    public void captureWindow(Scene scene) {
        if (model.target().isEmpty()) {
            refuse();
            return;
        }
        WritableImage image = scene.snapshot(null);
        store(image, "window", sized("FR3 Workbench window (%d x %d px, scene snapshot)", image), scene.getWindow());
    }

    /** Freezes the window, lets the assessor drag a rectangle over it and stores that region. */
    public void captureRegion(Scene scene) {
        if (model.target().isEmpty()) {
            refuse();
            return;
        }
        WritableImage frozen = scene.snapshot(null);
        new RegionSelector(scene, frozen, strings, region -> {
            Image part = crop(frozen, region);
            store(part, "region", "region " + (long) part.getWidth() + " x " + (long) part.getHeight() + " px at ("
                    + (long) region.getMinX() + ", " + (long) region.getMinY() + ") of the FR3 Workbench window", scene.getWindow());
        }).show();
    }

    /**
     * Stores a picture of the whole primary screen (needs a real display: an X server, Xvfb, a
     * desktop). Taken a moment after the menu closed, so that the menu is not in the picture.
     */
    public void captureScreen(Window owner) {
        if (model.target().isEmpty()) {
            refuse();
            return;
        }
        javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(MENU_CLOSED);
        // Not in the animation's own handler: an error dialog (showAndWait) is not allowed there.
        settle.setOnFinished(event -> javafx.application.Platform.runLater(() -> {
            WritableImage image;
            try {
                image = screenImage();
            } catch (RuntimeException e) {
                LOG.warn("Screen capture failed", e);
                dialogs.showError(strings.getString("capture.error"), strings.getString("capture.screen.unavailable"));
                return;
            }
            store(image, "screen", sized("whole screen (%d x %d px)", image), owner);
        }));
        settle.play();
    }

    /**
     * The primary screen's pixels at their physical size (FX thread). Works on a real display and
     * under Xvfb; Monocle's headless screen refuses it (docs/capture.md).
     */
    static WritableImage screenImage() {
        Rectangle2D bounds = Screen.getPrimary().getBounds();
        WritableImage image = new Robot().getScreenCapture(null, bounds, false);
        if (image == null) {
            throw new IllegalStateException("the display returned no screen image");
        }
        return image;
    }

    /** Opens the annotation editor on a stored image item. */
    public void annotate(Evidence item, Window owner) {
        model.load(item, image -> new AnnotationEditor(model, dialogs, strings, item).show(owner, image, saved -> { }),
                error -> dialogs.showError(strings.getString("capture.error"), error.getMessage()));
    }

    /** Opens the editor on the image selected in the gallery. */
    public void annotateSelected(Window owner) {
        Evidence selected = model.selectedEvidenceProperty().get();
        if (selected == null || !model.canAnnotateBinding().get()) {
            dialogs.showInfo(strings.getString("capture.annotate.none.title"), strings.getString("capture.annotate.none"));
            return;
        }
        annotate(selected, owner);
    }

    private void store(Image image, String what, String source, Window owner) {
        String name = what + "-" + STAMP.format(model.now()) + ".png";
        model.store(() -> image, new ImageEvidence.Capture(EvidenceKind.SCREENSHOT, name, source, "", model.now()), stored -> {
            if (annotateAfterCapture) {
                annotate(stored, owner);
            }
        }, error -> dialogs.showError(strings.getString("capture.error"), error.getMessage()));
    }

    private void refuse() {
        dialogs.showInfo(strings.getString("capture.unavailable.title"), strings.getString("capture.unavailable"));
    }

    static Image crop(Image image, Rectangle2D region) {
        int x = (int) Math.max(0, Math.min(image.getWidth() - 1, region.getMinX()));
        int y = (int) Math.max(0, Math.min(image.getHeight() - 1, region.getMinY()));
        int w = (int) Math.min(image.getWidth() - x, region.getWidth());
        int h = (int) Math.min(image.getHeight() - y, region.getHeight());
        PixelReader reader = image.getPixelReader();
        return new WritableImage(reader, x, y, w, h);
    }

    /** Fills in an image's size: {@code %d x %d px}. */
    private static String sized(String pattern, Image image) {
        return String.format(Locale.ROOT, pattern, (long) image.getWidth(), (long) image.getHeight());
    }
}
