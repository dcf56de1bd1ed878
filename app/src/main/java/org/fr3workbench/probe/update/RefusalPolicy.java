package org.fr3workbench.probe.update;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

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
public record RefusalPolicy(int schema, String version, List<String> sources, List<Message> refusals, List<Message> setup,
                            List<Message> accepted) {

    /** Where the bundled list is on the class path. */
    public static final String BUNDLED = "/assets/policy/swupdate-refusals.yaml";

    public RefusalPolicy {
        sources = sources == null ? List.of() : List.copyOf(sources);
        refusals = refusals == null ? List.of() : List.copyOf(refusals);
        setup = setup == null ? List.of() : List.copyOf(setup);
        accepted = accepted == null ? List.of() : List.copyOf(accepted);
    }

    /**
     * One message.
     *
     * @param id       unique id, reported with each match
     * @param text     literal text (case-sensitive), or null
     * @param regex    a Java regular expression (MULTILINE), or null
     * @param kind     signature, integrity, format, compatibility or generic
     * @param releases where the message was seen
     * @param note     anything the assessor should know
     */
    public record Message(String id, String text, String regex, String kind, List<String> releases, String note) {

        /** The first matching text in {@code output}, if any. */
        public Optional<String> find(String output) {
            if (text != null) {
                return output.contains(text) ? Optional.of(text) : Optional.empty();
            }
            Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
            return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
        }
    }

    /** The list bundled with the workbench. */
    public static RefusalPolicy loadBundled() {
        try (InputStream in = RefusalPolicy.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled refusal list " + BUNDLED + " is missing from the build");
            }
            return load(in, BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUNDLED + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads and checks a refusal list.
     *
     * @param source the file name for error messages
     * @throws IllegalArgumentException naming the file and the problem
     */
    public static RefusalPolicy load(InputStream in, String source) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        RefusalPolicy policy;
        try {
            policy = mapper.readValue(in, RefusalPolicy.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(source + ": " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
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
        Set<String> ids = new HashSet<>();
        for (List<Message> list : List.of(refusals, setup, accepted)) {
            for (Message m : list) {
                if (m.id() == null || m.id().isBlank()) {
                    throw new IllegalArgumentException(source + ": a message has no id");
                }
                if (!ids.add(m.id())) {
                    throw new IllegalArgumentException(source + ": message id '" + m.id() + "' is used twice");
                }
                if ((m.text() == null) == (m.regex() == null)) {
                    throw new IllegalArgumentException(source + ": message '" + m.id() + "' needs exactly one of text or regex");
                }
                if (m.regex() != null) {
                    try {
                        Pattern.compile(m.regex());
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException(source + ": message '" + m.id() + "': bad regex: " + e.getDescription(), e);
                    }
                }
            }
        }
    }
}
