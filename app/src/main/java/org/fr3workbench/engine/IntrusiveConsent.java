package org.fr3workbench.engine;

import org.fr3workbench.domain.Step;

/** Asked before an intrusive step changes the device. CLI: {@code --allow-intrusive}; GUI: a dialog. */
@FunctionalInterface
public interface IntrusiveConsent {

    /** Allows every intrusive step. */
    IntrusiveConsent ALWAYS = (step, whatItChanges) -> true;

    /** Refuses every intrusive step. */
    IntrusiveConsent NEVER = (step, whatItChanges) -> false;

    /**
     * @param whatItChanges the step's title and what its cleanup undoes, for the question shown
     * @return whether the step may run
     */
    boolean allow(Step step, String whatItChanges);
}
