package org.fr3workbench.store;

/** A change was asked of an assessment file that is open read-only; nothing was changed. */
public final class ReadOnlyAssessmentException extends StoreException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyAssessmentException(String message) {
        super(message);
    }
}
