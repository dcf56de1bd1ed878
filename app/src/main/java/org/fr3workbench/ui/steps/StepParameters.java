package org.fr3workbench.ui.steps;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ProcedureParameter;
import org.fr3workbench.domain.Step;

/**
 * The step runner's parameter values: the library's defaults, replaced by the values stored in the open assessment
 * file, replaced by what the assessor types. One value per parameter id, shared by every step that uses it; the rows
 * of the selected step are what the view shows.
 */
final class StepParameters {

    private final Supplier<ProcedureLibrary> library;
    private final Runnable changed;
    private final ObservableList<ParameterRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ParameterRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    /** The assessor's values by parameter id (created when a step first shows the parameter). */
    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    /** The values stored in the open assessment file (they replace the defaults). */
    private final Map<String, String> stored = new LinkedHashMap<>();

    /**
     * @param library the loaded procedure library, or {@code null} while it loads
     * @param changed called when a value changes (the commands shown are rendered again)
     */
    StepParameters(Supplier<ProcedureLibrary> library, Runnable changed) {
        this.library = library;
        this.changed = changed;
    }

    /** The rows of the given step's parameters (none for a step without a procedure). */
    void show(Optional<Step> step) {
        List<ParameterRow> shown = new ArrayList<>();
        step.ifPresent(s -> StepCommands.parameters(s).forEach(name -> shown.add(row(name))));
        rows.setAll(shown);
    }

    ObservableList<ParameterRow> rows() {
        return rowsView;
    }

    /** Another assessment file (or none): every value goes back to its default. */
    void forgetStored() {
        stored.clear();
        values.values().forEach(v -> v.set(defaultOf(v.getName())));
    }

    /** The values stored in the newly opened file replace the defaults. */
    void useStored(Map<String, String> fromFile) {
        stored.putAll(fromFile);
        stored.forEach((id, value) -> Optional.ofNullable(values.get(id)).ifPresent(v -> v.set(value)));
    }

    /** The library's defaults overridden by the stored and the assessor's values. */
    Map<String, String> current() {
        Map<String, String> current = new LinkedHashMap<>();
        Optional.ofNullable(library.get()).ifPresent(l -> current.putAll(l.defaults()));
        values.forEach((id, value) -> current.put(id, value.get()));
        return current;
    }

    /** Whether a parameter gets its value only when the step runs (markers, the connection's host and port). */
    boolean runtimeOnly(String name) {
        ProcedureParameter declared = declared(name);
        return declared == null || declared.kind() == ProcedureParameter.Kind.MARKER
                || declared.kind() == ProcedureParameter.Kind.CONNECTION;
    }

    private ParameterRow row(String name) {
        ProcedureParameter declared = declared(name);
        if (declared == null) {
            return ParameterRow.builtIn(name, ProcedureParameter.Kind.CONNECTION);
        }
        return new ParameterRow(declared, value(declared));
    }

    private StringProperty value(ProcedureParameter parameter) {
        return values.computeIfAbsent(parameter.id(), id -> {
            StringProperty value = new SimpleStringProperty(this, id, stored.getOrDefault(id, parameter.defaultValue()));
            value.addListener((obs, old, now) -> changed.run());
            return value;
        });
    }

    private String defaultOf(String id) {
        ProcedureParameter declared = declared(id);
        return declared == null ? "" : stored.getOrDefault(declared.id(), declared.defaultValue());
    }

    private ProcedureParameter declared(String name) {
        ProcedureLibrary loaded = library.get();
        return loaded == null ? null : loaded.parameters().get(name);
    }
}
