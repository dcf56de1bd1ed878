package org.fr3workbench.report.layout;

import java.awt.Color;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Flows content down A4 pages: a cursor, automatic page breaks and a few primitives (text, rules,
 * boxes, images). Headers, footers and the table of contents are added later, when the page count
 * is known.
 */
public final class PageFlow implements Closeable {

    /** 20 mm. */
    public static final float MARGIN = 56.7f;
    public static final PDRectangle PAGE = PDRectangle.A4;
    private static final float TOP = PAGE.getHeight() - 72f;
    private static final float BOTTOM = 64f;

    private final PDDocument doc;
    private final Theme theme;
    private final Runnable onNewPage;
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    /**
     * @param onNewPage runs before each new page is started (cancellation check, progress)
     */
    public PageFlow(PDDocument doc, Theme theme, Runnable onNewPage) {
        this.doc = doc;
        this.theme = theme;
        this.onNewPage = onNewPage;
    }

    public Theme theme() {
        return theme;
    }

    public Fonts fonts() {
        return theme.fonts();
    }

    public PDDocument document() {
        return doc;
    }

    /** Starts a new page and puts the cursor at its top margin. */
    public void newPage() throws IOException {
        onNewPage.run();
        closeStream();
        page = new PDPage(PAGE);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = TOP;
    }

    /** Continues on an existing page (to fill reserved pages or decorate): appends to its content. */
    public void reopen(PDPage existing, float newY) throws IOException {
        closeStream();
        page = existing;
        cs = new PDPageContentStream(doc, existing, PDPageContentStream.AppendMode.APPEND, true, true);
        y = newY;
    }

    public static float top() {
        return TOP;
    }

    public static float bottom() {
        return BOTTOM;
    }

    /** The current page, starting one if none is open. */
    public PDPage page() throws IOException {
        if (page == null) {
            newPage();
        }
        return page;
    }

    public PDPageContentStream stream() throws IOException {
        page();
        return cs;
    }

    public float left() {
        return MARGIN;
    }

    public float right() {
        return PAGE.getWidth() - MARGIN;
    }

    public float width() {
        return right() - left();
    }

    public float y() {
        return y;
    }

    /** Room left on the current page. */
    public float remaining() {
        return y - BOTTOM;
    }

    /** Usable height of an empty page. */
    public static float pageHeight() {
        return TOP - BOTTOM;
    }

    /** Starts a new page unless {@code height} points still fit on this one. */
    public void ensure(float height) throws IOException {
        if (page == null || y - height < BOTTOM) {
            newPage();
        }
    }

    /** Moves the cursor down; a gap never starts a page on its own. */
    public void gap(float height) {
        y -= height;
        if (y < BOTTOM) {
            y = BOTTOM;
        }
    }

    public void moveTo(float newY) {
        this.y = newY;
    }

    /** Where the cursor is now, for links and bookmarks. */
    public Anchor anchor() throws IOException {
        page();
        return new Anchor(page, doc.getPages().indexOf(page), Math.min(y + 6, PAGE.getHeight()));
    }

    /** A wrapped paragraph at an indent; breaks pages between lines. */
    public void paragraph(String text, TextStyle style, float indent) throws IOException {
        String printable = fonts().printable(style.font(), text);
        for (String line : LineBreaker.wrap(printable, style, width() - indent)) {
            ensure(style.leading());
            text(left() + indent, y - style.ascent(), line, style);
            y -= style.leading();
        }
    }

    public void paragraph(String text, TextStyle style) throws IOException {
        paragraph(text, style, 0);
    }

    /** One line of printable text at a baseline. */
    public void text(float x, float baseline, String printable, TextStyle style) throws IOException {
        if (printable.isEmpty()) {
            return;
        }
        PDPageContentStream s = stream();
        s.beginText();
        s.setFont(style.font(), style.size());
        s.setNonStrokingColor(style.color());
        s.newLineAtOffset(x, baseline);
        s.showText(printable);
        s.endText();
    }

    /** Right-aligned printable text ending at x. */
    public void textRight(float x, float baseline, String printable, TextStyle style) throws IOException {
        text(x - style.width(printable), baseline, printable, style);
    }

    public void fill(float x, float yBottom, float w, float h, Color color) throws IOException {
        PDPageContentStream s = stream();
        s.setNonStrokingColor(color);
        s.addRect(x, yBottom, w, h);
        s.fill();
    }

    public void rule(float x1, float yy, float x2, float lineWidth, Color color) throws IOException {
        PDPageContentStream s = stream();
        s.setStrokingColor(color);
        s.setLineWidth(lineWidth);
        s.moveTo(x1, yy);
        s.lineTo(x2, yy);
        s.stroke();
    }

    public void frame(float x, float yBottom, float w, float h, float lineWidth, Color color) throws IOException {
        PDPageContentStream s = stream();
        s.setStrokingColor(color);
        s.setLineWidth(lineWidth);
        s.addRect(x, yBottom, w, h);
        s.stroke();
    }

    /** An image scaled to fit the width and at most {@code maxHeight}, never enlarged beyond 2x. */
    public void image(PDImageXObject image, float maxHeight) throws IOException {
        float scale = Math.min(width() / image.getWidth(), maxHeight / image.getHeight());
        scale = Math.min(scale, 2f);
        float w = image.getWidth() * scale;
        float h = image.getHeight() * scale;
        ensure(h + 2);
        float x = left() + (width() - w) / 2;
        stream().drawImage(image, x, y - h, w, h);
        frame(x, y - h, w, h, 0.5f, Theme.RULE);
        y -= h;
    }

    /** Lines of text each drawn by the caller (for code blocks): ensures room, returns the baseline. */
    public float lineSlot(float leading) throws IOException {
        ensure(leading);
        float top = y;
        y -= leading;
        return top;
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    /** All pages laid out so far. */
    public List<PDPage> pages() {
        java.util.ArrayList<PDPage> all = new java.util.ArrayList<>();
        doc.getPages().forEach(all::add);
        return all;
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
