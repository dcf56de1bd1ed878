package org.fr3workbench.device.serial;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * How a command is wrapped for a serial console so that its output and exit code can be cut out exactly:
 *
 * <pre>
 * printf '%s_%s\n' FR3B NONCE; { ( COMMAND ) &lt;/dev/null 2&gt;&amp;1; printf '\n%s_%s:%s\n' FR3X NONCE "$?"; } | base64;
 * printf '%s_%s\n' FR3E NONCE
 * </pre>
 *
 * The markers are typed with a space where the output has an underscore, so the echo of the typed line never
 * matches a marker. Between the markers the device prints only base64 (kernel messages aside), which survives
 * echo, colours, {@code \r\n} translation and any byte value; the trailer inside the encoded stream carries the
 * command's exit code. Standard error is merged into standard output; standard input is {@code /dev/null} so a
 * command cannot swallow the next typed line. The random nonce makes markers unique per command.
 *
 * @param nonce 16 hex digits
 */
record CommandFrame(String nonce) {

    private static final SecureRandom RANDOM = new SecureRandom();

    static CommandFrame random() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return new CommandFrame(HexFormat.of().formatHex(bytes));
    }

    String beginMarker() {
        return "FR3B_" + nonce;
    }

    String endMarker() {
        return "FR3E_" + nonce;
    }

    /** Inside the encoded stream: {@code \nFR3X_NONCE:} + exit code + {@code \n}. */
    String trailerPrefix() {
        return "FR3X_" + nonce + ":";
    }

    /** The line to type (without the final carriage return). */
    String wrap(String command) {
        return "printf '%s_%s\\n' FR3B " + nonce + "; { ( " + command + "\n) </dev/null 2>&1; printf '\\n%s_%s:%s\\n' FR3X "
                + nonce + " \"$?\"; } | base64; printf '%s_%s\\n' FR3E " + nonce;
    }

    /**
     * A line that prints a sync marker. It also turns off bash's history expansion ({@code !} in a command would
     * be rewritten); {@code set +H} runs only where {@code $-} shows it is on, because in other shells the failing
     * special builtin would abort the whole line.
     */
    static String syncLine(String nonce) {
        return "case $- in *H*) set +H;; esac; printf '%s_%s\\n' FR3S " + nonce;
    }

    static String syncMarker(String nonce) {
        return "FR3S_" + nonce;
    }
}
