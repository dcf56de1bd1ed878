package org.fr3workbench.report.model;

/** The overall result of an assessment against its target level. */
public enum OverallResult {
    /** Every requirement of the target level is met or not applicable with rationale. */
    PASSED("Target level achieved"),
    /** At least one requirement of the target level is not met. */
    FAILED("Target level not achieved"),
    /** Some requirements of the target level are not assessed yet. */
    INCOMPLETE("Assessment incomplete");

    private final String label;

    OverallResult(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
