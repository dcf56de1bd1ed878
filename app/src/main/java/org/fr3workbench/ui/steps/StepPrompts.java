package org.fr3workbench.ui.steps;

import java.util.Optional;
import org.fr3workbench.domain.Step;

/** The questions the step runner asks the assessor; injected so that the view model is tested without windows. FX thread. */
public interface StepPrompts {

    /**
     * Asks before an intrusive step runs.
     *
     * @param commands what it runs, rendered
     * @param cleanup  what undoes it (runs always, also after a failure or a cancel)
     * @return true to run it
     */
    boolean confirmIntrusive(Step step, String commands, String cleanup);

    /** Asks why a step is skipped; empty when the assessor changes their mind. */
    Optional<String> skipReason(Step step);

    /** Asks whether what the step describes holds, with a note; empty when the assessor changes their mind. */
    Optional<Attestation> attest(Step step);

    /**
     * The assessor's attestation.
     *
     * @param holds whether what the step describes holds
     * @param note  what they saw
     */
    record Attestation(boolean holds, String note) {
    }
}
