package org.fr3workbench.domain;

import java.util.Locale;

/** What a finished step suggests; the requirement's verdict stays the assessor's decision. */
public enum StepOutcome {
    /** The expectations held. */
    PASS,
    /** An expectation failed. */
    FAIL,
    /** The result needs the assessor's judgement. */
    INCONCLUSIVE,
    /** The step could not be carried out (tool missing, device unreachable). */
    ERROR,
    /** Skipped on purpose. */
    SKIPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
