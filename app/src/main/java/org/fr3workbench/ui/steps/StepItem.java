package org.fr3workbench.ui.steps;

import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepKind;
import org.fr3workbench.domain.StepOutcome;

/**
 * One step of the shown requirement as the step view presents it: the catalog's plan, the procedure's step (empty
 * when no procedure file covers it), its last outcome and reason, its expectation checks and its live output.
 * Changed on the FX thread only (the output lines take chunks from any thread).
 */
public final class StepItem {

    private final int number;
    private final PlannedStep planned;
    private final Optional<Step> step;
    private final ObjectProperty<StepOutcome> outcome = new SimpleObjectProperty<>();
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObservableList<StepService.Check> checks = FXCollections.observableArrayList();
    private final ObservableList<StepService.Check> checksView = FXCollections.unmodifiableObservableList(checks);
    private final OutputLines output;

    StepItem(int number, PlannedStep planned, Optional<Step> step, Executor fx) {
        this.number = number;
        this.planned = planned;
        this.step = step;
        this.output = new OutputLines(fx);
    }

    /** 1-based position in the procedure. */
    public int number() {
        return number;
    }

    public PlannedStep planned() {
        return planned;
    }

    public Optional<Step> step() {
        return step;
    }

    /** Whether the engine runs it (command and probe steps with a procedure). */
    public boolean automatic() {
        return step.isPresent() && (planned.kind() == StepKind.COMMAND || planned.kind() == StepKind.PROBE);
    }

    /** Whether the assessor attests it (instruction, capture and input steps with a procedure). */
    public boolean attestable() {
        return step.isPresent() && !automatic();
    }

    public ObjectProperty<StepOutcome> outcomeProperty() {
        return outcome;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    /** Expected vs observed of the last run in this session. */
    public ObservableList<StepService.Check> checks() {
        return checksView;
    }

    void showChecks(java.util.List<StepService.Check> shown) {
        checks.setAll(shown);
    }

    public OutputLines output() {
        return output;
    }
}
