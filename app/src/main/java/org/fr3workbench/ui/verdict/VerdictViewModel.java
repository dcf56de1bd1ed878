package org.fr3workbench.ui.verdict;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.ui.assessment.AssessmentSession;

/**
 * The verdict editor of one requirement: the decision, its rationale (mandatory for Not
 * applicable), the history, and recording a new decision in the assessment file.
 */
public final class VerdictViewModel {

    private final AssessmentSession session;
    private final ObjectProperty<Requirement> requirement = new SimpleObjectProperty<>();
    private final ObjectProperty<VerdictDecision> decision = new SimpleObjectProperty<>();
    private final StringProperty rationale = new SimpleStringProperty("");
    private final ObservableList<Verdict> history = FXCollections.observableArrayList();
    /** One read-only view, kept: listeners on a view that is dropped would be lost with it. */
    private final ObservableList<Verdict> historyView = FXCollections.unmodifiableObservableList(history);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final BooleanBinding canRecord;

    public VerdictViewModel(AssessmentSession session) {
        this.session = session;
        canRecord = Bindings.createBooleanBinding(this::computeCanRecord, requirement, decision, rationale,
                session.readOnlyProperty(), session.infoProperty());
        requirement.addListener((obs, old, now) -> load(now));
        session.infoProperty().addListener((obs, old, now) -> load(requirement.get()));
    }

    private boolean computeCanRecord() {
        if (requirement.get() == null || decision.get() == null || !session.isOpen() || session.readOnlyProperty().get()) {
            return false;
        }
        return !decision.get().needsRationale() || !rationale.get().isBlank();
    }

    private void load(Requirement shown) {
        history.clear();
        error.set("");
        if (shown == null || !session.isOpen()) {
            decision.set(null);
            rationale.set("");
            return;
        }
        Verdict current = session.verdict(shown.id()).orElse(null);
        decision.set(current == null ? null : current.decision());
        rationale.set(current == null ? "" : current.rationale());
        session.submit(store -> store.verdicts().history(shown.id()), list -> {
            if (shown.equals(requirement.get())) {
                history.setAll(list.reversed());
            }
        }, e -> error.set(org.fr3workbench.ui.common.Errors.describe(e)));
    }

    /** Records the decision in the assessment file (journaled, saved at once). */
    public void record() {
        if (!canRecord.get()) {
            return;
        }
        Requirement target = requirement.get();
        VerdictDecision chosen = decision.get();
        String why = rationale.get().strip();
        String actor = session.infoProperty().get().assessor();
        session.submit(store -> store.verdicts().set(target.id(), chosen, why, actor), recorded -> {
            session.verdictRecorded(recorded);
            if (target.equals(requirement.get())) {
                history.addFirst(recorded);
            }
            error.set("");
        }, e -> error.set(org.fr3workbench.ui.common.Errors.describe(e)));
    }

    public ObjectProperty<Requirement> requirementProperty() {
        return requirement;
    }

    public ObjectProperty<VerdictDecision> decisionProperty() {
        return decision;
    }

    public StringProperty rationaleProperty() {
        return rationale;
    }

    /** Newest first. */
    public ObservableList<Verdict> history() {
        return historyView;
    }

    public BooleanBinding canRecordProperty() {
        return canRecord;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The decisions in the order the editor offers them. */
    public static List<VerdictDecision> choices() {
        return List.of(VerdictDecision.MET, VerdictDecision.NOT_MET, VerdictDecision.NOT_APPLICABLE, VerdictDecision.NOT_ASSESSED);
    }
}
