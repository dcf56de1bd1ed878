package org.fr3workbench.engine;

import org.fr3workbench.domain.Evidence;

/** What a running step reports; called on the worker thread (the GUI hops to the FX thread itself). */
public interface StepListener {

    /** Reports nothing. */
    StepListener NONE = new StepListener() { };

    /** A command is about to run, exactly as it is sent. */
    default void commandStarted(String label, String renderedCommand) {
    }

    /** Live output chunks (stdout and stderr as recorded). */
    default void output(String text) {
    }

    /** A transcript or probe result has been stored in the assessment file. */
    default void evidenceStored(Evidence evidence) {
    }

    /** What the runner is doing: "checking tools: aide", "running cleanup", ... */
    default void message(String text) {
    }
}
