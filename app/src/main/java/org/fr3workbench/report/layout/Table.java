package org.fr3workbench.report.layout;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table drawn row by row into a {@link PageFlow}: wrapped cells, a header row repeated after each
 * page break, zebra rows and hairline rules. Rows are never split across pages.
 */
public final class Table {

    private static final float PAD_X = 4f;
    private static final float PAD_Y = 3f;

    private final PageFlow flow;
    private final float[] widths;
    private final List<Cell> header = new ArrayList<>();
    private final boolean zebra;
    private int rowCount;

    /** A cell: text in a style, optionally with a background. */
    public record Cell(String text, TextStyle style, Color background) {
        public static Cell of(String text, TextStyle style) {
            return new Cell(text, style, null);
        }
    }

    /**
     * @param fractions column widths as fractions of the text width (they should add up to 1)
     */
    public Table(PageFlow flow, float[] fractions, boolean zebra) {
        this.flow = flow;
        this.widths = new float[fractions.length];
        for (int i = 0; i < fractions.length; i++) {
            widths[i] = fractions[i] * flow.width();
        }
        this.zebra = zebra;
    }

    /** Sets the header (drawn now and after every page break). */
    public Table header(String... titles) throws IOException {
        TextStyle style = flow.theme().tableHeader();
        header.clear();
        for (String title : titles) {
            header.add(new Cell(title, style, Theme.ACCENT));
        }
        drawRow(header, true);
        return this;
    }

    /** Adds a row of plain cells in the table's cell style. */
    public float row(String... texts) throws IOException {
        List<Cell> cells = new ArrayList<>();
        for (String text : texts) {
            cells.add(Cell.of(text, flow.theme().cell()));
        }
        return row(cells);
    }

    /** Draws a row and returns the y of its top edge (on the page current after the call). */
    public float row(List<Cell> cells) throws IOException {
        return drawRow(cells, false);
    }

    private float drawRow(List<Cell> cells, boolean isHeader) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        float height = 0;
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            String printable = flow.fonts().printable(cell.style().font(), cell.text());
            List<String> wrapped = LineBreaker.wrap(printable, cell.style(), widths[i] - 2 * PAD_X);
            lines.add(wrapped);
            height = Math.max(height, wrapped.size() * cell.style().leading() + 2 * PAD_Y);
        }
        if (flow.remaining() < height) {
            flow.newPage();
            if (!isHeader && !header.isEmpty()) {
                drawRow(header, true);
            }
        }
        float top = flow.y();
        float x = flow.left();
        if (zebra && !isHeader && rowCount % 2 == 1) {
            flow.fill(flow.left(), top - height, flow.width(), height, Theme.ZEBRA);
        }
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.background() != null) {
                flow.fill(x, top - height, widths[i], height, cell.background());
            }
            float baseline = top - PAD_Y - cell.style().ascent();
            for (String line : lines.get(i)) {
                flow.text(x + PAD_X, baseline, line, cell.style());
                baseline -= cell.style().leading();
            }
            x += widths[i];
        }
        flow.rule(flow.left(), top - height, flow.right(), 0.4f, Theme.RULE);
        flow.moveTo(top - height);
        if (!isHeader) {
            rowCount++;
        }
        return top;
    }
}
