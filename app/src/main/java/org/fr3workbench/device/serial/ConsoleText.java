package org.fr3workbench.device.serial;

/**
 * Turns raw console bytes into one printable line of UTF-8: valid UTF-8 text stays, tabs stay, a backslash
 * becomes {@code \\}, every other control byte (ESC of colour codes included) and every byte that is not valid
 * UTF-8 becomes {@code \xNN}. Nothing is dropped, so the raw bytes can be reconstructed.
 */
final class ConsoleText {

    private ConsoleText() {
    }

    static String escape(byte[] data, int length) {
        StringBuilder out = new StringBuilder(length + 16);
        int i = 0;
        while (i < length) {
            int b = data[i] & 0xff;
            int size = sequenceLength(data, i, length);
            if (size > 1) {
                out.append(new String(data, i, size, java.nio.charset.StandardCharsets.UTF_8));
                i += size;
            } else if (b == '\\') {
                out.append("\\\\");
                i++;
            } else if (b == '\t' || (b >= 0x20 && b < 0x7f)) {
                out.append((char) b);
                i++;
            } else {
                out.append(String.format("\\x%02x", b));
                i++;
            }
        }
        return out.toString();
    }

    /** Length of a valid multi-byte UTF-8 sequence at {@code i} (2..4), or 1 for anything else. */
    private static int sequenceLength(byte[] data, int i, int length) {
        int b = data[i] & 0xff;
        int size;
        int min;
        if (b >= 0xc2 && b <= 0xdf) {
            size = 2;
            min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            size = 3;
            min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            size = 4;
            min = 0x10000;
        } else {
            return 1;
        }
        if (i + size > length) {
            return 1;
        }
        int code = b & (0xff >> (size + 1));
        for (int k = 1; k < size; k++) {
            int c = data[i + k] & 0xff;
            if ((c & 0xc0) != 0x80) {
                return 1;
            }
            code = (code << 6) | (c & 0x3f);
        }
        boolean surrogate = code >= 0xd800 && code <= 0xdfff;
        return code < min || code > 0x10ffff || surrogate ? 1 : size;
    }
}
