package org.fr3workbench.ui.assessment;

/**
 * What the last integrity check of the open assessment file found.
 *
 * @param state   not yet checked, checking, clean, or a discrepancy
 * @param message the first discrepancy in words, or a summary
 */
public record IntegrityStatus(State state, String message) {

    /** The states of the integrity badge. */
    public enum State { UNKNOWN, CHECKING, CLEAN, BROKEN }

    public static final IntegrityStatus UNKNOWN = new IntegrityStatus(State.UNKNOWN, "");
}
