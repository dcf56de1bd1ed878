package org.fr3workbench.ui.steps;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fr3workbench.domain.ProcedureParameter;

/** A parameter a step uses, with the CIP default and the assessor's value (editable unless the engine fills it). */
public final class ParameterRow {

    private final ProcedureParameter parameter;
    private final StringProperty value;
    private final BooleanBinding changed;

    ParameterRow(ProcedureParameter parameter, StringProperty value) {
        this.parameter = parameter;
        this.value = value;
        this.changed = Bindings.createBooleanBinding(() -> !parameter.defaultValue().equals(value.get()), value);
    }

    /** A parameter the library does not declare (a built-in or a value captured by an earlier command). */
    static ParameterRow builtIn(String id, ProcedureParameter.Kind kind) {
        return new ParameterRow(new ProcedureParameter(id, id, "", kind), new SimpleStringProperty(""));
    }

    public ProcedureParameter parameter() {
        return parameter;
    }

    /** Whether the assessor can change it (text and local files; markers and connection values come from the engine). */
    public boolean editable() {
        return parameter.kind() == ProcedureParameter.Kind.TEXT || parameter.kind() == ProcedureParameter.Kind.LOCAL_FILE;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** Whether the value differs from the CIP default. */
    public BooleanBinding changedProperty() {
        return changed;
    }

    /** Back to the CIP default. */
    public void reset() {
        value.set(parameter.defaultValue());
    }
}
