package org.fr3workbench.ui.capture;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.effect.DropShadow;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.StrokeLineCap;
import org.fr3workbench.domain.Annotation;
import org.fr3workbench.report.image.AnnotationRenderer;
import org.fr3workbench.report.image.ArrowHead;

/** The editor's on-screen picture of a mark; it matches what {@link AnnotationRenderer} burns into the copy. */
final class MarkNodes {

    private static final Color MARK = Color.rgb(AnnotationRenderer.MARK.getRed(), AnnotationRenderer.MARK.getGreen(),
            AnnotationRenderer.MARK.getBlue());
    private static final DropShadow SELECTED = new DropShadow(10, Color.web("#1e88e5"));

    private MarkNodes() {
    }

    static Node node(Annotation annotation, boolean selected) {
        Node node = switch (annotation) {
            case Annotation.Box b -> box(b);
            case Annotation.Arrow a -> arrow(a);
            case Annotation.Text t -> text(t);
            case Annotation.Redaction r -> redaction(r);
        };
        node.setMouseTransparent(true);
        if (selected) {
            node.setEffect(SELECTED);
            node.getStyleClass().add("annotation-selected");
        }
        return node;
    }

    private static Node box(Annotation.Box b) {
        Rectangle r = new Rectangle(b.x(), b.y(), b.width(), b.height());
        r.setFill(Color.TRANSPARENT);
        r.setStroke(MARK);
        r.setStrokeWidth(AnnotationRenderer.STROKE);
        r.getStyleClass().add("annotation-box");
        return r;
    }

    private static Node arrow(Annotation.Arrow a) {
        double[] head = ArrowHead.points(a.fromX(), a.fromY(), a.toX(), a.toY(), AnnotationRenderer.STROKE);
        Line shaft = new Line(a.fromX(), a.fromY(), head[6], head[7]);
        shaft.setStroke(MARK);
        shaft.setStrokeWidth(AnnotationRenderer.STROKE);
        shaft.setStrokeLineCap(StrokeLineCap.ROUND);
        Polygon tip = new Polygon(head[0], head[1], head[2], head[3], head[4], head[5]);
        tip.setFill(MARK);
        Group arrow = new Group(shaft, tip);
        arrow.getStyleClass().add("annotation-arrow");
        return arrow;
    }

    private static Node text(Annotation.Text t) {
        Label label = new Label(t.text());
        label.getStyleClass().add("annotation-text");
        label.relocate(t.x(), t.y());
        return label;
    }

    private static Node redaction(Annotation.Redaction r) {
        Rectangle black = new Rectangle(r.x(), r.y(), r.width(), r.height());
        black.setFill(Color.BLACK);
        // The saved copy is plain black; on screen a light edge shows the redaction on dark pictures too.
        black.setStroke(Color.rgb(255, 255, 255, 0.55));
        black.setStrokeWidth(1);
        black.getStrokeDashArray().setAll(4.0, 3.0);
        black.setStrokeType(javafx.scene.shape.StrokeType.INSIDE);
        black.getStyleClass().add("annotation-redaction");
        return black;
    }
}
