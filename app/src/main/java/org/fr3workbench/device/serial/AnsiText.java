package org.fr3workbench.device.serial;

import java.util.regex.Pattern;

/** Removes terminal escape sequences (colours, cursor movement) so console text can be matched. */
public final class AnsiText {

    /** CSI sequences ({@code ESC [ ... final}), OSC sequences ({@code ESC ] ... BEL}) and two-byte escapes. */
    private static final Pattern ESCAPES = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[@-Z\\\\-_]|\u009B[0-?]*[ -/]*[@-~]");

    private AnsiText() {
    }

    /** The text without escape sequences. */
    public static String strip(String text) {
        return ESCAPES.matcher(text).replaceAll("");
    }
}
