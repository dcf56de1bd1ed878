package org.fr3workbench.report.layout;

import java.io.IOException;
import java.util.List;

/**
 * Monospace text with line numbers in a gutter, wrapped at the column width (continuation rows get a
 * marker instead of a number), on a light background; page breaks between rows.
 */
public final class CodeBlock {

    /** Caps how many rows one very long line may take before it is cut. */
    public static final int MAX_ROWS_PER_LINE = 12;

    /**
     * A line of a block.
     *
     * @param number the line number (1-based), or 0 for a note row such as "lines omitted"
     * @param text   the text (tabs already expanded, escape sequences removed)
     */
    public record Line(long number, String text) {
        public static Line note(String text) {
            return new Line(0, text);
        }
    }

    private CodeBlock() {
    }

    public static void draw(PageFlow flow, List<Line> lines) throws IOException {
        Theme theme = flow.theme();
        TextStyle mono = theme.mono();
        TextStyle numbers = theme.lineNumber();
        TextStyle note = theme.caption();
        long maxNumber = lines.stream().mapToLong(Line::number).max().orElse(1);
        int digits = Math.max(3, Long.toString(maxNumber).length());
        float gutter = numbers.width("0".repeat(digits)) + 8f;
        float charWidth = mono.width("M");
        int columns = Math.max(20, (int) ((flow.width() - gutter - 6f) / charWidth));
        float leading = mono.leading();
        for (Line line : lines) {
            if (line.number() == 0) {
                float top = flow.lineSlot(leading + 2);
                flow.fill(flow.left(), top - leading - 2, flow.width(), leading + 2, Theme.ZEBRA);
                flow.text(flow.left() + gutter, top - note.ascent() - 1, flow.fonts().printable(note.font(), line.text()), note);
                continue;
            }
            String text = flow.fonts().printable(mono.font(), line.text());
            int rows = Math.max(1, (text.length() + columns - 1) / columns);
            int shownRows = Math.min(rows, MAX_ROWS_PER_LINE);
            for (int r = 0; r < shownRows; r++) {
                float top = flow.lineSlot(leading);
                flow.fill(flow.left(), top - leading, flow.width(), leading, Theme.CODE_BACKGROUND);
                float baseline = top - mono.ascent() + 0.8f;
                if (r == 0) {
                    flow.textRight(flow.left() + gutter - 5f, baseline, Long.toString(line.number()), numbers);
                } else {
                    flow.textRight(flow.left() + gutter - 5f, baseline, "\u21AA", numbers);
                }
                int from = r * columns;
                int to = Math.min(text.length(), from + columns);
                String part = safeSubstring(text, from, to);
                if (r == shownRows - 1 && rows > shownRows) {
                    int cut = Math.max(from, to - 1);
                    part = safeSubstring(text, from, cut) + "\u2026";
                    flow.text(flow.left() + gutter, baseline, part, mono);
                    float noteTop = flow.lineSlot(leading);
                    flow.fill(flow.left(), noteTop - leading, flow.width(), leading, Theme.CODE_BACKGROUND);
                    String cutNote = "(line shortened here: the attached file has it whole)";
                    flow.text(flow.left() + gutter, noteTop - mono.ascent() + 0.8f, cutNote, note);
                    continue;
                }
                flow.text(flow.left() + gutter, baseline, part, mono);
            }
        }
        flow.rule(flow.left(), flow.y(), flow.right(), 0.4f, Theme.RULE);
    }

    private static String safeSubstring(String text, int from, int to) {
        int start = from;
        int end = to;
        if (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
            end++;
        }
        return text.substring(Math.max(0, start), Math.min(text.length(), end));
    }
}
