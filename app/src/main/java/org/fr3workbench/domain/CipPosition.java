package org.fr3workbench.domain;

/** What the CIP platform assessment says about a requirement. */
public enum CipPosition {
    /** CIP meets it at platform level (possibly with integrator work left). */
    MET("Met"),
    /** Not applicable to the platform: the product maker must address it. */
    NA("Not applicable"),
    /** CIP names the requirement but did not assess it. */
    NOT_ASSESSED("Not assessed"),
    /** The CIP document does not mention the requirement at all. */
    NOT_COVERED("Not covered");

    private final String label;

    CipPosition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
