package org.fr3workbench.engine;

import org.fr3workbench.device.Cancellation;

/** A built-in check that needs more than one command; registered by name in a {@link ProbeRegistry}. */
public interface StepProbe {

    /** The name procedure files use ({@code probe: failed-login}). */
    String name();

    /**
     * Runs the check (blocking). Device problems become an outcome (ERROR with the reason), not an exception.
     *
     * @throws InterruptedException when the thread is interrupted
     */
    ProbeOutcome run(ProbeCall call, StepListener listener, Cancellation cancellation) throws InterruptedException;
}
