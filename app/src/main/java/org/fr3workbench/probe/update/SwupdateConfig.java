package org.fr3workbench.probe.update;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The device's SWUpdate set-up as read from its files.
 *
 * @param configPresent whether the configuration file exists
 * @param publicKey     the public key (certificate) file swupdate verifies with, if one is configured
 * @param keySource     where that was found (the file and option), empty when none
 * @param board         hardware board name from the hwrevision file, if present
 * @param revision      hardware revision from the hwrevision file, if present
 */
public record SwupdateConfig(boolean configPresent, Optional<String> publicKey, String keySource, Optional<String> board,
                             Optional<String> revision) {

    private static final Pattern PUBLIC_KEY = Pattern.compile("public-key-file\\s*[=:]\\s*\"([^\"]*)\"");
    private static final Pattern KEY_OPTION = Pattern.compile("(?:^|\\s|\")(?:-k|--key)(?:\\s+|=)[\"']?([^\\s\"']+)");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    /** Whether signature checking is configured at all. */
    public boolean signatureCheckingConfigured() {
        return publicKey.isPresent();
    }

    /** The public key file named in a libconfig swupdate.cfg, ignoring comments. */
    public static Optional<String> publicKeyFromConfig(String config) {
        for (String line : withoutComments(config).split("\n")) {
            Matcher matcher = PUBLIC_KEY.matcher(line);
            if (matcher.find() && !matcher.group(1).isBlank()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** A {@code -k KEY} / {@code --key KEY} in shell snippets that set the daemon's arguments. */
    public static Optional<String> keyFromArguments(String shell) {
        for (String line : shell.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#")) {
                continue;
            }
            Matcher matcher = KEY_OPTION.matcher(trimmed);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }

    /** The board and revision from the first non-empty line of a hwrevision file. */
    public static String[] boardAndRevision(String hwrevision) {
        for (String line : hwrevision.split("\n")) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length >= 2) {
                return new String[] {parts[0], parts[1]};
            }
        }
        return new String[0];
    }

    private static String withoutComments(String config) {
        StringBuilder out = new StringBuilder();
        for (String line : BLOCK_COMMENT.matcher(config).replaceAll(" ").split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("#") && !trimmed.startsWith("//")) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }
}
