package org.fr3workbench.device.serial;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes the interleaving of kernel messages with a command's console output. The kernel writes its messages
 * to the console whenever they happen, also in the middle of a line the shell is printing:
 * {@code QUJD[   12.345678] usb 1-1: new device\r\nREVG...}. While a command runs, a line that contains a
 * timestamped kernel message after some text is split: the message goes to the recording, the text before it is
 * kept and put in front of the next line. Kernel messages without a timestamp ({@code printk.time=0}) cannot be
 * told apart; the framing then reports corrupt output instead of guessing.
 */
final class KernelMessages {

    /** {@code [    1.234567]}, optionally after a {@code <6>} log level. */
    private static final Pattern TIMESTAMP = Pattern.compile("(<\\d>)?\\[\\s*\\d+\\.\\d+\\] ");

    private static final Pattern MESSAGE = Pattern.compile("(<\\d>)?\\[\\s*\\d+\\.\\d+\\] [^\n]*\n?");

    private final ByteArrayOutputStream carry = new ByteArrayOutputStream();

    /** A line split into the part for the command and the kernel message for the recording. */
    record Split(byte[] forCommand, byte[] kernelMessage) {
    }

    /**
     * Splits one console line.
     *
     * @return the command part (null while it continues on the next line) and the kernel message (null if none)
     */
    Split split(byte[] line) {
        Matcher m = TIMESTAMP.matcher(new String(line, StandardCharsets.ISO_8859_1));
        if (m.find()) {
            carry.write(line, 0, m.start());
            return new Split(null, java.util.Arrays.copyOfRange(line, m.start(), line.length));
        }
        if (carry.size() == 0) {
            return new Split(line, null);
        }
        carry.write(line, 0, line.length);
        byte[] joined = carry.toByteArray();
        carry.reset();
        return new Split(joined, null);
    }

    /** The text with every timestamped kernel message (up to its line end) removed, for reading prompts. */
    static String remove(String text) {
        return MESSAGE.matcher(text).replaceAll("");
    }

    /** Forgets a kept fragment (the command ended or was abandoned). */
    void reset() {
        carry.reset();
    }
}
