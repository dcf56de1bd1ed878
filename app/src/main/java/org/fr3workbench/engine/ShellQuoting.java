package org.fr3workbench.engine;

/**
 * Quotes values for a POSIX shell (sh, bash, busybox ash) so that they arrive as one literal word,
 * whatever they contain: quotes, {@code ;}, {@code $()}, backticks, globs, newlines.
 */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    /**
     * Single-quotes a value: inside single quotes nothing is special except the single quote itself,
     * which is written as {@code '\''} (close, escaped quote, reopen). NUL cannot be passed to a shell
     * and is refused.
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL character");
        }
        if (!value.isEmpty() && value.chars().allMatch(ShellQuoting::isSafe)) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '/' || c == '.' || c == '_' || c == '-' || c == ':' || c == '=' || c == ',' || c == '@' || c == '+';
    }
}
