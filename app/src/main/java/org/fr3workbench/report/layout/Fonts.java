package org.fr3workbench.report.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The bundled DejaVu family (assets/fonts), embedded as subset Type 0 fonts with full Unicode.
 * Text is passed through {@link #printable} first so that a character the font lacks never aborts
 * the export.
 */
public final class Fonts {

    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDType0Font italic;
    private final PDType0Font mono;
    private final PDType0Font monoBold;
    private final Map<PDType0Font, Coverage> coverage = new HashMap<>();

    private Fonts(PDDocument doc) throws IOException {
        regular = load(doc, "DejaVuSans.ttf");
        bold = load(doc, "DejaVuSans-Bold.ttf");
        italic = load(doc, "DejaVuSans-Oblique.ttf");
        mono = load(doc, "DejaVuSansMono.ttf");
        monoBold = load(doc, "DejaVuSansMono-Bold.ttf");
    }

    /** Loads the family into a document (subset-embedded when the document is saved). */
    public static Fonts load(PDDocument doc) throws IOException {
        return new Fonts(doc);
    }

    private static PDType0Font load(PDDocument doc, String file) throws IOException {
        String resource = "/assets/fonts/" + file;
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("font " + resource + " is missing from the application");
            }
            return PDType0Font.load(doc, in, true);
        }
    }

    public PDType0Font regular() {
        return regular;
    }

    public PDType0Font bold() {
        return bold;
    }

    public PDType0Font italic() {
        return italic;
    }

    public PDType0Font mono() {
        return mono;
    }

    public PDType0Font monoBold() {
        return monoBold;
    }

    /**
     * The text with every character the font cannot show replaced: control characters by their
     * visible picture (U+2400 block) where the font has it, anything else by U+FFFD or '?'.
     */
    public String printable(PDType0Font font, String text) {
        Coverage c = coverage.computeIfAbsent(font, Coverage::new);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            int shown = c.show(cp);
            if (shown != cp && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.appendCodePoint(shown);
            }
            i = next;
        }
        return out == null ? text : out.toString();
    }

    /** Which code points a font can show, cached. */
    private static final class Coverage {
        private final CmapLookup cmap;
        private final BitSet known = new BitSet();
        private final BitSet present = new BitSet();
        private final int replacement;

        Coverage(PDType0Font font) {
            try {
                this.cmap = font.getCmapLookup();
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new IOException("font has no Unicode cmap: " + font.getName(), e));
            }
            this.replacement = has(0xFFFD) ? 0xFFFD : '?';
        }

        int show(int cp) {
            if (cp == '\n') {
                return cp;
            }
            if (cp >= 0x20 && cp != 0x7F && has(cp)) {
                return cp;
            }
            if (cp < 0x20 && has(0x2400 + cp)) {
                return 0x2400 + cp;
            }
            if (cp == 0x7F && has(0x2421)) {
                return 0x2421;
            }
            return replacement;
        }

        private boolean has(int cp) {
            if (cp > 0xFFFF) {
                return cmap.getGlyphId(cp) != 0;
            }
            if (!known.get(cp)) {
                known.set(cp);
                if (cmap.getGlyphId(cp) != 0) {
                    present.set(cp);
                }
            }
            return present.get(cp);
        }
    }
}
