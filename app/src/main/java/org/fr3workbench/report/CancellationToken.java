package org.fr3workbench.report;

/** Asked between pages and items whether the export should stop. */
@FunctionalInterface
public interface CancellationToken {

    /** Never cancels. */
    CancellationToken NONE = () -> false;

    boolean isCancelled();

    /** Throws {@link ExportCancelledException} when cancelled. */
    default void check() {
        if (isCancelled()) {
            throw new ExportCancelledException();
        }
    }
}
