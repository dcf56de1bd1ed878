package org.fr3workbench.report;

/** Hears how far an export has come. Called on the exporting thread; keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (phase, done, total) -> { };

    /**
     * @param phase what is being done, for a status line ("Laying out CR 3.4", "Signing")
     * @param done  units finished
     * @param total units in all
     */
    void progress(String phase, int done, int total);
}
