package org.fr3workbench.ui.requirements;

import java.util.Optional;
import javafx.beans.value.ObservableValue;

/** A small progress mark per requirement in the navigator (steps run, worst outcome), supplied by the step runner. */
public interface ProgressMarks {

    /** None: the navigator without marks. */
    ProgressMarks NONE = new ProgressMarks() {
        @Override
        public Optional<Mark> mark(String requirementId) {
            return Optional.empty();
        }

        @Override
        public ObservableValue<?> changes() {
            return new javafx.beans.property.SimpleLongProperty();
        }
    };

    Optional<Mark> mark(String requirementId);

    /** Changes whenever marks change (the navigator redraws). */
    ObservableValue<?> changes();

    /**
     * @param text       e.g. {@code 3/5}
     * @param styleClass e.g. {@code progress-fail}
     * @param tooltip    one sentence
     */
    record Mark(String text, String styleClass, String tooltip) {
    }
}
