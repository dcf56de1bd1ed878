package org.fr3workbench.report.model;

import java.util.List;
import java.util.Objects;
import org.fr3workbench.domain.Requirement;

/**
 * A requirement with what the assessment recorded for it.
 *
 * @param requirement the catalog entry (id, title, CIP position, reason, integrator action, planned steps)
 * @param verdict     the assessor's verdict
 * @param steps       the steps as run, in procedure order
 */
public record RequirementRecord(Requirement requirement, RequirementVerdict verdict, List<StepRecord> steps) {
    public RequirementRecord {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(verdict, "verdict");
        steps = List.copyOf(steps);
    }

    public String id() {
        return requirement.id();
    }
}
