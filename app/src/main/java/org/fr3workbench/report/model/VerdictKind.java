package org.fr3workbench.report.model;

/** The assessor's decision on a requirement. */
public enum VerdictKind {
    MET("Met"),
    NOT_MET("Not met"),
    NOT_APPLICABLE("Not applicable"),
    NOT_ASSESSED("Not assessed");

    private final String label;

    VerdictKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
