package org.fr3workbench.probe;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One message a probe looks for in a device's output, as written in a policy file under
 * {@code assets/policy/}: an id, and either literal text or a regular expression.
 *
 * @param id       unique within its file, reported with each match
 * @param text     literal text (case-sensitive), or null
 * @param regex    a Java regular expression (MULTILINE), or null
 * @param kind     a category, e.g. signature or integrity (optional)
 * @param releases where the message was seen (optional)
 * @param where    what prints it (optional)
 * @param note     anything the assessor should know (optional)
 */
public record TextPattern(String id, String text, String regex, String kind, List<String> releases, String where, String note) {

    public TextPattern {
        releases = releases == null ? List.of() : List.copyOf(releases);
    }

    /** The first match in {@code output}, if any. */
    public Optional<String> find(CharSequence output) {
        if (text != null) {
            return output.toString().contains(text) ? Optional.of(text) : Optional.empty();
        }
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(output);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }

    /**
     * Checks the patterns of one policy file: ids present and unique, exactly one of text or regex,
     * regexes that compile.
     *
     * @throws IllegalArgumentException naming the file and the pattern
     */
    public static void validate(String source, List<List<TextPattern>> lists) {
        Set<String> ids = new HashSet<>();
        for (List<TextPattern> list : lists) {
            for (TextPattern p : list) {
                if (p.id() == null || p.id().isBlank()) {
                    throw new IllegalArgumentException(source + ": a message has no id");
                }
                if (!ids.add(p.id())) {
                    throw new IllegalArgumentException(source + ": message id '" + p.id() + "' is used twice");
                }
                if ((p.text() == null) == (p.regex() == null)) {
                    throw new IllegalArgumentException(source + ": message '" + p.id() + "' needs exactly one of text or regex");
                }
                if (p.regex() != null) {
                    try {
                        Pattern.compile(p.regex());
                    } catch (PatternSyntaxException e) {
                        throw new IllegalArgumentException(source + ": message '" + p.id() + "': bad regex: " + e.getDescription(), e);
                    }
                }
            }
        }
    }
}
