package org.fr3workbench.domain;

import java.util.Objects;

/**
 * A step of a requirement's procedure as the catalog plans it.
 *
 * @param id          unique within its requirement, e.g. {@code aide-tamper}
 * @param kind        instruction, command, probe, capture or input
 * @param title       one line for the assessor
 * @param location    where it happens
 * @param intrusive   whether it changes the device (asks first, always cleans up)
 * @param cipTestCase the CIP IEC layer test case it reproduces, or empty
 */
public record PlannedStep(String id, StepKind kind, String title, StepLocation location,
                          boolean intrusive, String cipTestCase) {
    public PlannedStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(location, "location");
        cipTestCase = cipTestCase == null ? "" : cipTestCase;
    }
}
