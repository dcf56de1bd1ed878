package org.fr3workbench.catalog;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a template of one requirement may use: declared parameters, the built-in connection parameters and
 * the {@code capture-as} names of earlier commands of the same requirement. Checks every {@code {{name}}}.
 */
final class Placeholders {

    /** Same syntax as {@code engine.CommandTemplate}. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9-]*)\\s*}}");
    private static final Pattern OPENING = Pattern.compile("\\{\\{");

    private final Set<String> parameters;
    private final Set<String> captured = new HashSet<>();

    Placeholders(Set<String> parameters) {
        this.parameters = Set.copyOf(parameters);
    }

    /** A fresh scope for the next requirement: its captures start empty. */
    Placeholders forRequirement() {
        return new Placeholders(parameters);
    }

    boolean isParameter(String name) {
        return parameters.contains(name);
    }

    boolean isKnown(String name) {
        return parameters.contains(name) || captured.contains(name);
    }

    void capture(String name) {
        captured.add(name);
    }

    /** Returns null when every placeholder of {@code text} is known, otherwise what is wrong. */
    String problem(String text) {
        Matcher opening = OPENING.matcher(text);
        while (opening.find()) {
            Matcher placeholder = PLACEHOLDER.matcher(text).region(opening.start(), text.length());
            if (!placeholder.lookingAt()) {
                int end = text.indexOf("}}", opening.start());
                String shown = end < 0 ? text.substring(opening.start()) : text.substring(opening.start(), end + 2);
                return "malformed placeholder '" + shown + "' (write {{name}} with lower-case words joined by '-')";
            }
            String name = placeholder.group(1);
            if (!isKnown(name)) {
                return "unknown parameter '{{" + name + "}}': declare it under parameters (or capture it with capture-as"
                        + " in an earlier command of the same requirement)";
            }
        }
        return null;
    }

    /** The text with every placeholder replaced by a harmless literal, for compiling a regular expression. */
    static String neutralised(String regex) {
        return PLACEHOLDER.matcher(regex).replaceAll("x");
    }
}
