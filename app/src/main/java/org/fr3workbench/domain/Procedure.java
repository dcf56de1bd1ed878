package org.fr3workbench.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The executable procedure of one catalog requirement: its steps in order.
 *
 * @param requirementId the catalog id, e.g. {@code CR 3.4}
 * @param steps         in the catalog's order
 */
public record Procedure(String requirementId, List<Step> steps) {
    public Procedure {
        Objects.requireNonNull(requirementId, "requirementId");
        steps = List.copyOf(steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }
}
