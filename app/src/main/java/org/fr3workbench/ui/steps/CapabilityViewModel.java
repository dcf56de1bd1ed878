package org.fr3workbench.ui.steps;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.engine.SecurityLevelCapability;
import org.fr3workbench.ui.assessment.AssessmentSession;

/**
 * SL-C(FR 3) of the open assessment, computed by {@link SecurityLevelCapability} from the current verdicts and the
 * catalog's levels for the assessment's component type, with the entries that block the next level. Recomputed on the
 * FX thread whenever a verdict changes (pure and fast: no I/O).
 */
public final class CapabilityViewModel {

    private final AssessmentSession session;
    private final SecurityLevelCapability capability;
    private final ReadOnlyObjectWrapper<SecurityLevelCapability.Result> result = new ReadOnlyObjectWrapper<>();

    public CapabilityViewModel(AssessmentSession session, SecurityLevelCapability capability) {
        this.session = session;
        this.capability = capability;
        session.infoProperty().addListener((obs, old, now) -> compute());
        session.verdicts().addListener((MapChangeListener<String, Verdict>) change -> compute());
        compute();
    }

    private void compute() {
        AssessmentInfo info = session.infoProperty().get();
        result.set(info == null ? null : capability.compute(info.componentType(), session.verdictSnapshot()));
    }

    /** The current result; null while no assessment is open. */
    public ReadOnlyObjectProperty<SecurityLevelCapability.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }
}
