package org.fr3workbench.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fr3workbench.device.ShellQuote;

/**
 * A command line with {@code {{name}}} placeholders. Every value is inserted shell-quoted, so a
 * parameter can never add a command of its own. A placeholder without a value is an error that
 * names it.
 */
public record CommandTemplate(String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9-]*)\\s*}}");

    /** The parameter names the template uses, in order of first use. */
    public List<String> parameters() {
        List<String> names = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The command with every placeholder replaced by its quoted value. */
    public String render(Map<String, String> values) {
        return replace(values, ShellQuote::quote);
    }

    /**
     * The text with every placeholder replaced by its value as it is, NOT quoted: only for probe arguments, which
     * go to libraries, never to a shell.
     */
    public String renderRaw(Map<String, String> values) {
        return replace(values, value -> value);
    }

    private String replace(Map<String, String> values, java.util.function.UnaryOperator<String> quoting) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("parameter '" + name + "' has no value (command: " + text + ")");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(quoting.apply(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
