package org.fr3workbench.ui.capture;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;

/**
 * Choosing a region: the frozen snapshot of the window is laid exactly over it, the assessor drags
 * a rectangle, and on release the rectangle (in the snapshot's pixels) is handed on. Esc cancels.
 */
final class RegionSelector {

    private static final double MIN_SIZE = 4;

    private final Stage stage = new Stage(StageStyle.UNDECORATED);
    private final Pane pane = new Pane();
    private final Rectangle selection = new Rectangle();
    private final Label size = new Label();
    private final double scale;
    private final String sizeFormat;
    private Shape veil;
    private Point2D start;

    /**
     * @param frozen the snapshot of {@code scene}, shown at the scene's size
     */
    RegionSelector(Scene scene, Image frozen, ResourceBundle strings, Consumer<Rectangle2D> onChosen) {
        double width = scene.getWidth();
        double height = scene.getHeight();
        scale = frozen.getWidth() / width;
        ImageView view = new ImageView(frozen);
        view.setFitWidth(width);
        view.setFitHeight(height);
        selection.setFill(Color.TRANSPARENT);
        selection.setStroke(Color.WHITE);
        selection.setStrokeWidth(1.5);
        selection.getStrokeDashArray().setAll(6.0, 4.0);
        selection.setManaged(false);
        selection.setVisible(false);
        size.getStyleClass().add("region-size");
        size.setVisible(false);
        Label hint = new Label(strings.getString("capture.region.hint"));
        hint.getStyleClass().add("region-hint");
        hint.relocate(16, 16);
        veil = veil(width, height, null);
        pane.getChildren().addAll(view, veil, selection, size, hint);
        pane.setId("regionSelector");
        pane.setPrefSize(width, height);
        pane.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            start = new Point2D(e.getX(), e.getY());
            update(e.getX(), e.getY());
        });
        pane.addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> update(e.getX(), e.getY()));
        pane.addEventHandler(MouseEvent.MOUSE_RELEASED, e -> {
            if (start == null || selection.getWidth() < MIN_SIZE || selection.getHeight() < MIN_SIZE) {
                return;
            }
            Rectangle2D chosen = pixels();
            stage.close();
            onChosen.accept(chosen);
        });
        Scene overlay = new Scene(pane, width, height);
        overlay.getStylesheets().setAll(scene.getStylesheets());
        overlay.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.initOwner(scene.getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(strings.getString("capture.region.title"));
        stage.setScene(overlay);
        stage.setX(scene.getWindow().getX() + scene.getX());
        stage.setY(scene.getWindow().getY() + scene.getY());
        this.sizeFormat = strings.getString("capture.region.size");
    }

    void show() {
        stage.show();
        stage.requestFocus();
    }

    private void update(double x, double y) {
        double cx = Math.max(0, Math.min(pane.getWidth(), x));
        double cy = Math.max(0, Math.min(pane.getHeight(), y));
        selection.setX(Math.min(start.getX(), cx));
        selection.setY(Math.min(start.getY(), cy));
        selection.setWidth(Math.abs(cx - start.getX()));
        selection.setHeight(Math.abs(cy - start.getY()));
        selection.setVisible(true);
        Rectangle2D pixels = pixels();
        size.setText(MessageFormat.format(sizeFormat, (long) pixels.getWidth(), (long) pixels.getHeight()));
        size.relocate(selection.getX(), Math.max(0, selection.getY() - 26));
        size.setVisible(true);
        Shape next = veil(pane.getWidth(), pane.getHeight(), selection);
        pane.getChildren().set(pane.getChildren().indexOf(veil), next);
        veil = next;
    }

    /** The selection in the snapshot's pixels, rounded to whole pixels. */
    private Rectangle2D pixels() {
        long x = Math.round(selection.getX() * scale);
        long y = Math.round(selection.getY() * scale);
        long right = Math.round((selection.getX() + selection.getWidth()) * scale);
        long bottom = Math.round((selection.getY() + selection.getHeight()) * scale);
        return new Rectangle2D(x, y, Math.max(1, right - x), Math.max(1, bottom - y));
    }

    private static Shape veil(double width, double height, Rectangle hole) {
        Shape full = new Rectangle(0, 0, width, height);
        Shape shaded = hole == null ? full
                : Shape.subtract(full, new Rectangle(hole.getX(), hole.getY(), hole.getWidth(), hole.getHeight()));
        shaded.setFill(Color.rgb(0, 0, 0, 0.45));
        shaded.setMouseTransparent(true);
        return shaded;
    }
}
