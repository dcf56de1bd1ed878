package org.fr3workbench.store;

/**
 * Receives progress of long store operations (verify, large imports) and can cancel them. Called
 * on the thread doing the work: a GUI forwards to its own thread. An operation also stops when
 * its thread is interrupted. A cancelled operation throws {@link java.util.concurrent.CancellationException}
 * and changes nothing.
 */
public interface ProgressMonitor {

    /** Does nothing and never cancels. */
    ProgressMonitor NONE = (done, total) -> { };

    /**
     * Work done so far.
     *
     * @param done  units done (bytes, for evidence)
     * @param total units in all, or -1 when unknown
     */
    void progress(long done, long total);

    /** Whether the caller wants the operation stopped. */
    default boolean isCancelled() {
        return false;
    }
}
