package org.fr3workbench.report.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.fr3workbench.domain.Annotation;

/**
 * Draws annotations into a copy of an image. Boxes, arrows and texts are drawn first; redactions
 * last, as opaque black rectangles snapped outwards to whole pixels, so nothing drawn later can
 * show through them and no partially covered pixel keeps a trace of what was under it.
 */
public final class AnnotationRenderer {

    /** The colour of boxes, arrows and text labels (the editor shows the same). */
    public static final Color MARK = new Color(0xE5, 0x39, 0x35);
    /** Stroke width of boxes and arrows, in image pixels. */
    public static final float STROKE = 3f;
    /** Font size of text labels, in image pixels. */
    public static final int FONT_SIZE = 16;

    private AnnotationRenderer() {
    }

    /** A new opaque RGB image: the source with the annotations burnt in. The source is not changed. */
    public static BufferedImage render(BufferedImage source, List<Annotation> annotations) {
        BufferedImage out = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), out.getHeight());
            g.drawImage(source, 0, 0, null);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            for (Annotation annotation : annotations) {
                switch (annotation) {
                    case Annotation.Box box -> drawBox(g, box);
                    case Annotation.Arrow arrow -> drawArrow(g, arrow);
                    case Annotation.Text text -> drawText(g, text);
                    case Annotation.Redaction redaction -> { }
                }
            }
        } finally {
            g.dispose();
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof Annotation.Redaction redaction) {
                blackOut(out, redaction);
            }
        }
        return out;
    }

    /** The whole pixels a redaction covers (clipped to the image): x, y, width, height. */
    public static int[] pixels(Annotation.Redaction r, int imageWidth, int imageHeight) {
        int x0 = Math.max(0, (int) Math.floor(r.x()));
        int y0 = Math.max(0, (int) Math.floor(r.y()));
        int x1 = Math.min(imageWidth, (int) Math.ceil(r.x() + r.width()));
        int y1 = Math.min(imageHeight, (int) Math.ceil(r.y() + r.height()));
        return new int[] {x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0)};
    }

    private static void blackOut(BufferedImage image, Annotation.Redaction redaction) {
        int[] area = pixels(redaction, image.getWidth(), image.getHeight());
        for (int y = area[1]; y < area[1] + area[3]; y++) {
            for (int x = area[0]; x < area[0] + area[2]; x++) {
                image.setRGB(x, y, 0xFF000000);
            }
        }
    }

    private static void drawBox(Graphics2D g, Annotation.Box box) {
        g.setColor(MARK);
        g.setStroke(new BasicStroke(STROKE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Rectangle2D.Double(box.x(), box.y(), box.width(), box.height()));
    }

    private static void drawArrow(Graphics2D g, Annotation.Arrow arrow) {
        double[] head = ArrowHead.points(arrow.fromX(), arrow.fromY(), arrow.toX(), arrow.toY(), STROKE);
        g.setColor(MARK);
        g.setStroke(new BasicStroke(STROKE, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new java.awt.geom.Line2D.Double(arrow.fromX(), arrow.fromY(), head[6], head[7]));
        Path2D.Double tip = new Path2D.Double();
        tip.moveTo(head[0], head[1]);
        tip.lineTo(head[2], head[3]);
        tip.lineTo(head[4], head[5]);
        tip.closePath();
        g.fill(tip);
    }

    private static void drawText(Graphics2D g, Annotation.Text text) {
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, FONT_SIZE);
        g.setFont(font);
        FontMetrics metrics = g.getFontMetrics();
        int pad = 6;
        double width = metrics.stringWidth(text.text()) + 2.0 * pad;
        double height = metrics.getAscent() + metrics.getDescent() + 2.0 * pad - 2;
        g.setColor(MARK);
        g.fill(new RoundRectangle2D.Double(text.x(), text.y(), width, height, 8, 8));
        g.setColor(Color.WHITE);
        g.drawString(text.text(), (float) (text.x() + pad), (float) (text.y() + pad - 1 + metrics.getAscent()));
    }
}
