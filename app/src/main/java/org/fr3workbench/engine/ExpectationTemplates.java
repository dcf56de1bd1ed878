package org.fr3workbench.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.fr3workbench.domain.Expectation;

/**
 * Fills {@code {{name}}} placeholders inside expectations (docs/procedure-format.md, "Expectations"): a literal text
 * gets the value as it is, a regular expression gets it quoted ({@link Pattern#quote}) so that it matches literally.
 * CR 3.7 uses it for {@code absent: "{{marker}}"}. A placeholder without a value is an {@link IllegalArgumentException}.
 */
final class ExpectationTemplates {

    private ExpectationTemplates() {
    }

    static List<Expectation> render(List<Expectation> expectations, Map<String, String> values) {
        return expectations.stream().map(e -> render(e, values)).toList();
    }

    private static Expectation render(Expectation expectation, Map<String, String> values) {
        return switch (expectation) {
            case Expectation.Contains c -> new Expectation.Contains(text(c.text(), c.regex(), values), c.regex());
            case Expectation.Absent a -> new Expectation.Absent(text(a.text(), a.regex(), values), a.regex());
            case Expectation.NumberCompare n -> new Expectation.NumberCompare(text(n.pattern(), true, values), n.comparison(),
                    n.value());
            case Expectation.AllLinesAllowed a -> new Expectation.AllLinesAllowed(text(a.linePattern(), true, values),
                    a.allowed(), a.listName());
            case Expectation.ExitCodeIn e -> e;
            case Expectation.ExitCodeNotIn e -> e;
        };
    }

    private static String text(String text, boolean regex, Map<String, String> values) {
        CommandTemplate template = new CommandTemplate(text);
        if (template.parameters().isEmpty()) {
            return text;
        }
        if (!regex) {
            return template.renderRaw(values);
        }
        Map<String, String> quoted = new HashMap<>();
        for (String name : template.parameters()) {
            String value = values.get(name);
            if (value != null) {
                quoted.put(name, Pattern.quote(value));
            }
        }
        return template.renderRaw(quoted);
    }
}
