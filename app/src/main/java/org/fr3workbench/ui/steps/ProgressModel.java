package org.fr3workbench.ui.steps;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.ui.assessment.AssessmentSession;
import org.fr3workbench.ui.requirements.ProgressMarks;

/**
 * Progress of the open assessment: "decided x of N" with the counts by verdict (N = the entries required for the
 * component type at the target level), and per requirement the steps run and the worst suggested outcome.
 */
public final class ProgressModel implements ProgressMarks {

    private final AssessmentSession session;
    private final Catalog catalog;
    private final Texts texts;
    private final Map<String, StepProgress> progress = new HashMap<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private final ReadOnlyObjectWrapper<Decided> decided = new ReadOnlyObjectWrapper<>();

    /**
     * Verdicts of the required entries.
     *
     * @param decided  required entries with a decision other than Not assessed
     * @param required entries required for the component type at the target level
     * @param counts   how many of the required entries have each decision (Not assessed includes undecided ones)
     */
    public record Decided(int decided, int required, Map<VerdictDecision, Integer> counts) {
    }

    public ProgressModel(AssessmentSession session, Catalog catalog, Texts texts) {
        this.session = session;
        this.catalog = catalog;
        this.texts = texts;
        session.infoProperty().addListener((obs, old, now) -> reload());
        session.verdicts().addListener((MapChangeListener<String, Verdict>) change -> countVerdicts());
        reload();
    }

    /** Reads the step runs again (after a step was recorded). */
    public void reload() {
        countVerdicts();
        progress.clear();
        revision.set(revision.get() + 1);
        if (!session.isOpen()) {
            return;
        }
        session.submit(store -> store.stepRuns().all(), this::apply, e -> { });
    }

    private void apply(List<StepRun> runs) {
        Map<String, List<StepRun>> byRequirement = new HashMap<>();
        runs.forEach(run -> byRequirement.computeIfAbsent(run.requirementId(), id -> new java.util.ArrayList<>()).add(run));
        progress.clear();
        for (Requirement requirement : catalog.requirements()) {
            List<StepRun> own = byRequirement.get(requirement.id());
            if (own != null) {
                progress.put(requirement.id(), StepProgress.of(requirement, own));
            }
        }
        revision.set(revision.get() + 1);
    }

    private void countVerdicts() {
        AssessmentInfo info = session.infoProperty().get();
        if (info == null) {
            decided.set(null);
            return;
        }
        Map<VerdictDecision, Integer> counts = new EnumMap<>(VerdictDecision.class);
        for (VerdictDecision decision : VerdictDecision.values()) {
            counts.put(decision, 0);
        }
        List<Requirement> required = catalog.requiredFor(info.componentType(), info.targetLevel());
        for (Requirement requirement : required) {
            VerdictDecision decision = session.verdict(requirement.id()).map(Verdict::decision).orElse(VerdictDecision.NOT_ASSESSED);
            counts.merge(decision, 1, Integer::sum);
        }
        decided.set(new Decided(required.size() - counts.get(VerdictDecision.NOT_ASSESSED), required.size(), Map.copyOf(counts)));
    }

    /** The progress of a requirement's steps, if any of them ran. */
    public Optional<StepProgress> progress(String requirementId) {
        return Optional.ofNullable(progress.get(requirementId));
    }

    public ReadOnlyObjectProperty<Decided> decidedProperty() {
        return decided.getReadOnlyProperty();
    }

    @Override
    public Optional<Mark> mark(String requirementId) {
        return progress(requirementId).filter(p -> p.run() > 0).map(p -> {
            String outcome = p.worst().map(texts::outcome).orElse("");
            String style = "progress-" + p.worst().map(o -> o.code()).orElse("none");
            return new Mark(p.run() + "/" + p.total(), style, texts.format("steps.progress.tooltip", p.run(), p.total(), outcome));
        });
    }

    @Override
    public javafx.beans.value.ObservableValue<?> changes() {
        return revision.getReadOnlyProperty();
    }
}
