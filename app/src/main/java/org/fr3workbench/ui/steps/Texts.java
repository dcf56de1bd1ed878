package org.fr3workbench.ui.steps;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.fr3workbench.domain.StepOutcome;

/** The step runner's user-visible text from the one bundle. */
public record Texts(ResourceBundle strings) {

    public String get(String key) {
        return strings.getString(key);
    }

    public String format(String key, Object... arguments) {
        return MessageFormat.format(strings.getString(key), arguments);
    }

    /** PASS, FAIL ... as the chips show them. */
    public String outcome(StepOutcome outcome) {
        return strings.getString("steps.outcome." + outcome.code());
    }
}
