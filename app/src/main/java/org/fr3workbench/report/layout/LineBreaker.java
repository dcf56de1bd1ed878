package org.fr3workbench.report.layout;

import java.util.ArrayList;
import java.util.List;

/** Breaks text into lines that fit a width: at spaces where possible, inside a word where it must. */
public final class LineBreaker {

    private LineBreaker() {
    }

    /** Lines of a paragraph; explicit line breaks in the text are kept. Never returns an empty list. */
    public static List<String> wrap(String text, TextStyle style, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\r?\n", -1)) {
            wrapParagraph(paragraph, style, width, lines);
        }
        return lines;
    }

    private static void wrapParagraph(String paragraph, TextStyle style, float width, List<String> lines) {
        String[] words = paragraph.split(" ");
        float spaceWidth = style.width(" ");
        StringBuilder line = new StringBuilder();
        float lineWidth = 0;
        for (String word : words) {
            float wordWidth = style.width(word);
            float needed = line.isEmpty() ? wordWidth : lineWidth + spaceWidth + wordWidth;
            if (needed <= width) {
                if (!line.isEmpty()) {
                    line.append(' ');
                }
                line.append(word);
                lineWidth = needed;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            String rest = word;
            while (style.width(rest) > width && rest.length() > 1) {
                int cut = fitting(rest, style, width);
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
            lineWidth = style.width(rest);
        }
        lines.add(line.toString());
    }

    /** How many leading chars of a word fit (at least one, never splitting a surrogate pair). */
    private static int fitting(String word, TextStyle style, float width) {
        int lo = 1;
        int hi = word.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (style.width(word.substring(0, mid)) <= width) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo < word.length() && Character.isLowSurrogate(word.charAt(lo)) && lo > 1) {
            lo--;
        }
        return lo;
    }
}
