package org.fr3workbench.domain;

import java.util.Optional;

/** Reads the text of a device's {@code /etc/os-release} (freedesktop.org format: {@code KEY=value} lines). */
public final class OsRelease {

    private OsRelease() {
    }

    /** A field such as {@code PRETTY_NAME}, unquoted; empty when the text has none. */
    public static Optional<String> field(String osRelease, String key) {
        for (String line : osRelease.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).trim().equals(key)) {
                String value = line.substring(eq + 1).trim();
                if (value.length() >= 2 && (value.startsWith("\"") || value.startsWith("'"))
                        && value.endsWith(value.substring(0, 1))) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /**
     * One line naming the operating system: {@code PRETTY_NAME}, else {@code NAME} with {@code VERSION}, else the first
     * non-blank line of the text (which may be a summary typed by the assessor); empty for an empty text.
     */
    public static String summary(String osRelease) {
        Optional<String> pretty = field(osRelease, "PRETTY_NAME").filter(v -> !v.isBlank());
        if (pretty.isPresent()) {
            return pretty.get();
        }
        Optional<String> name = field(osRelease, "NAME").filter(v -> !v.isBlank());
        if (name.isPresent()) {
            return field(osRelease, "VERSION").filter(v -> !v.isBlank()).map(v -> name.get() + " " + v).orElse(name.get());
        }
        return osRelease.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
