package org.fr3workbench.report.image;

/** The geometry of an arrow head, shared by the saved image and the editor's preview. */
public final class ArrowHead {

    private ArrowHead() {
    }

    /**
     * The head of an arrow from (x1, y1) to (x2, y2) drawn with the given stroke width.
     *
     * @return tip x, y, left corner x, y, right corner x, y, and where the shaft ends (x, y)
     */
    public static double[] points(double x1, double y1, double x2, double y2, double stroke) {
        double length = Math.hypot(x2 - x1, y2 - y1);
        double headLength = Math.min(length, 6 * stroke + 6);
        double halfWidth = headLength * 0.5;
        double ux = (x2 - x1) / length;
        double uy = (y2 - y1) / length;
        double baseX = x2 - ux * headLength;
        double baseY = y2 - uy * headLength;
        return new double[] {x2, y2, baseX - uy * halfWidth, baseY + ux * halfWidth, baseX + uy * halfWidth,
            baseY - ux * halfWidth, baseX + ux * stroke, baseY + uy * stroke};
    }
}
