package org.fr3workbench.report;

/** The export was cancelled; nothing was written to the target file. */
public final class ExportCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExportCancelledException() {
        super("export cancelled: nothing was written");
    }
}
