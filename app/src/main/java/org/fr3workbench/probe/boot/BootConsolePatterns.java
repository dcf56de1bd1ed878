package org.fr3workbench.probe.boot;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.fr3workbench.probe.PolicyFiles;
import org.fr3workbench.probe.TextPattern;

/**
 * The versioned boot-console patterns ({@code assets/policy/boot-refusals.yaml}): refusals, the
 * login prompt of a normal boot, and informational lines such as the Secure Boot state.
 *
 * @param schema   data format version (1)
 * @param version  the list's own version
 * @param sources  where the patterns come from
 * @param refusals lines that show an image was refused
 * @param login    the prompt that ends a normal boot
 * @param info     lines worth recording (Secure Boot enabled/disabled)
 */
public record BootConsolePatterns(int schema, String version, List<String> sources, List<TextPattern> refusals,
                                  List<TextPattern> login, List<TextPattern> info) {

    /** Where the bundled patterns are on the class path. */
    public static final String BUNDLED = "/assets/policy/boot-refusals.yaml";

    public BootConsolePatterns {
        sources = sources == null ? List.of() : List.copyOf(sources);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
        login = login == null ? List.of() : List.copyOf(login);
        info = info == null ? List.of() : List.copyOf(info);
    }

    /** The patterns bundled with the workbench. */
    public static BootConsolePatterns loadBundled() {
        return PolicyFiles.readBundled(BUNDLED, BootConsolePatterns.class).validated(BUNDLED);
    }

    /** Reads and checks a pattern file; errors name the file. */
    public static BootConsolePatterns load(InputStream in, String source) throws IOException {
        return PolicyFiles.read(in, source, BootConsolePatterns.class).validated(source);
    }

    private BootConsolePatterns validated(String source) {
        if (schema != 1) {
            throw new IllegalArgumentException(source + ": schema " + schema + " is not supported (expected 1)");
        }
        if (refusals.isEmpty() || login.isEmpty()) {
            throw new IllegalArgumentException(source + ": needs at least one refusal and one login pattern");
        }
        TextPattern.validate(source, List.of(refusals, login, info));
        return this;
    }
}
