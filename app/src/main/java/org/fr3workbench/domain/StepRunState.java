package org.fr3workbench.domain;

import java.util.Locale;

/** Where a step run stands. */
public enum StepRunState {
    /** Started and not yet finished. */
    RUNNING,
    /** Finished with an outcome. */
    FINISHED,
    /** Cancelled by the assessor. */
    CANCELLED,
    /** Found running when the file was opened again: the workbench stopped (crash, power loss) during it. */
    INTERRUPTED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
