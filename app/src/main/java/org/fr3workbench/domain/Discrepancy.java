package org.fr3workbench.domain;

import java.util.Objects;

/**
 * One thing that {@code verify} found wrong with an assessment file.
 *
 * @param kind    which check found it
 * @param message what is wrong, in words, naming the record
 */
public record Discrepancy(Kind kind, String message) {
    public Discrepancy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** The checks, in the order verify runs them. */
    public enum Kind {
        /** SQLite reports structural damage. */
        STRUCTURE,
        /** A journal entry is missing, altered or out of order. */
        JOURNAL,
        /** A record differs from what the journal recorded. */
        RECORD_MISMATCH,
        /** A record exists that no journal entry created. */
        UNJOURNALED_RECORD,
        /** The journal recorded something that is no longer in the file. */
        MISSING_RECORD,
        /** Evidence content differs from its SHA-256 or size. */
        EVIDENCE_CONTENT;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }
}
