package org.fr3workbench.report.layout;

import java.awt.Color;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A font, size, colour and line height.
 *
 * @param font    the font
 * @param size    size in points
 * @param color   text colour
 * @param leading distance between baselines in points
 */
public record TextStyle(PDType0Font font, float size, Color color, float leading) {

    public TextStyle(PDType0Font font, float size, Color color) {
        this(font, size, color, size * 1.35f);
    }

    public TextStyle withColor(Color other) {
        return new TextStyle(font, size, other, leading);
    }

    public TextStyle withFont(PDType0Font other) {
        return new TextStyle(other, size, color, leading);
    }

    /** Width of a text in points (the text must be printable in this font). */
    public float width(String text) {
        try {
            return font.getStringWidth(text) / 1000f * size;
        } catch (java.io.IOException | IllegalArgumentException e) {
            return text.length() * size * 0.6f;
        }
    }

    /** Distance from the top of a line to its baseline. */
    public float ascent() {
        return size * 0.93f;
    }

    /** The printable text, cut with an ellipsis to fit a width. */
    public String fit(String printable, float maxWidth) {
        if (width(printable) <= maxWidth) {
            return printable;
        }
        String t = printable;
        while (t.length() > 1 && width(t + "\u2026") > maxWidth) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "\u2026";
    }
}
