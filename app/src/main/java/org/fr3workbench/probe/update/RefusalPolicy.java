package org.fr3workbench.probe.update;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.fr3workbench.probe.PolicyFiles;
import org.fr3workbench.probe.TextPattern;

/**
 * The versioned list of what SWUpdate prints when it refuses an image, when it could not judge one
 * and when it accepted one ({@code assets/policy/swupdate-refusals.yaml}).
 *
 * @param schema   data format version (1)
 * @param version  the list's own version
 * @param sources  where the messages come from
 * @param refusals messages that mean "this image was refused"
 * @param setup    messages that mean "swupdate did not get as far as judging the image"
 * @param accepted messages that mean "the image was accepted"
 */
public record RefusalPolicy(int schema, String version, List<String> sources, List<TextPattern> refusals, List<TextPattern> setup,
                            List<TextPattern> accepted) {

    /** Where the bundled list is on the class path. */
    public static final String BUNDLED = "/assets/policy/swupdate-refusals.yaml";

    public RefusalPolicy {
        sources = sources == null ? List.of() : List.copyOf(sources);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
        setup = setup == null ? List.of() : List.copyOf(setup);
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
    }

    /** The list bundled with the workbench. */
    public static RefusalPolicy loadBundled() {
        RefusalPolicy policy = PolicyFiles.readBundled(BUNDLED, RefusalPolicy.class);
        policy.validate(BUNDLED);
        return policy;
    }

    /**
     * Reads and checks a refusal list.
     *
     * @param source the file name for error messages
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static RefusalPolicy load(InputStream in, String source) throws IOException {
        RefusalPolicy policy = PolicyFiles.read(in, source, RefusalPolicy.class);
        policy.validate(source);
        return policy;
    }

    private void validate(String source) {
        if (schema != 1) {
            throw new IllegalArgumentException(source + ": schema " + schema + " is not supported (expected 1)");
        }
        if (refusals.isEmpty()) {
            throw new IllegalArgumentException(source + ": the refusals list is empty");
        }
        TextPattern.validate(source, List.of(refusals, setup, accepted));
    }
}
