package org.fr3workbench.report.layout;

import java.awt.Color;

/**
 * Type sizes and colours of the dossier, in one place.
 *
 * @param fonts the font family
 */
public record Theme(Fonts fonts) {

    public static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    public static final Color MUTED = new Color(0x5F, 0x66, 0x6D);
    public static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
    public static final Color RULE = new Color(0xC8, 0xCE, 0xD6);
    public static final Color ZEBRA = new Color(0xF3, 0xF5, 0xF8);
    public static final Color CODE_BACKGROUND = new Color(0xF6, 0xF7, 0xF9);
    public static final Color GREEN = new Color(0x1E, 0x7B, 0x34);
    public static final Color RED = new Color(0xB0, 0x00, 0x20);
    public static final Color AMBER = new Color(0x9A, 0x5B, 0x00);
    public static final Color GREY = new Color(0x6B, 0x72, 0x80);
    public static final Color WHITE = Color.WHITE;

    public TextStyle body() {
        return new TextStyle(fonts.regular(), 9.5f, INK);
    }

    public TextStyle bodyBold() {
        return new TextStyle(fonts.bold(), 9.5f, INK);
    }

    public TextStyle small() {
        return new TextStyle(fonts.regular(), 8f, MUTED);
    }

    public TextStyle smallBold() {
        return new TextStyle(fonts.bold(), 8f, INK);
    }

    public TextStyle caption() {
        return new TextStyle(fonts.italic(), 8.5f, MUTED);
    }

    public TextStyle label() {
        return new TextStyle(fonts.bold(), 8.5f, MUTED);
    }

    public TextStyle h1() {
        return new TextStyle(fonts.bold(), 17f, ACCENT, 22f);
    }

    public TextStyle h2() {
        return new TextStyle(fonts.bold(), 12.5f, ACCENT, 17f);
    }

    public TextStyle h3() {
        return new TextStyle(fonts.bold(), 10.5f, INK, 14f);
    }

    public TextStyle mono() {
        return new TextStyle(fonts.mono(), 7.5f, INK, 9.4f);
    }

    public TextStyle monoSmall() {
        return new TextStyle(fonts.mono(), 7f, INK, 9f);
    }

    public TextStyle lineNumber() {
        return new TextStyle(fonts.mono(), 6.5f, GREY, 9.4f);
    }

    public TextStyle tableHeader() {
        return new TextStyle(fonts.bold(), 8.5f, WHITE);
    }

    public TextStyle cell() {
        return new TextStyle(fonts.regular(), 8.5f, INK);
    }
}
