package org.fr3workbench.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of verifying an assessment file.
 *
 * @param discrepancies  what was found wrong, first found first (empty when clean)
 * @param journalEntries how many journal entries the chain holds
 * @param journalHead    the hash of the last journal entry
 * @param evidenceItems  how many evidence items were re-hashed
 * @param evidenceBytes  how many bytes of evidence were re-hashed
 */
public record VerificationReport(List<Discrepancy> discrepancies, long journalEntries, String journalHead,
                                 long evidenceItems, long evidenceBytes) {
    public VerificationReport {
        discrepancies = List.copyOf(discrepancies);
        Objects.requireNonNull(journalHead, "journalHead");
    }

    public boolean isClean() {
        return discrepancies.isEmpty();
    }

    /** The first discrepancy found, if any. */
    public Optional<Discrepancy> first() {
        return discrepancies.stream().findFirst();
    }
}
