package org.fr3workbench.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the assessment's append-only, hash-chained journal (docs/assessment-file.md).
 *
 * @param seq            1, 2, 3 ... without gaps
 * @param at             when the change was made
 * @param actor          who made it
 * @param action         what kind of change, e.g. {@code verdict.set}, {@code evidence.add}
 * @param subject        what it changed, in words, e.g. {@code CR 3.4} or {@code evidence 41 (screenshot 'login.png')}
 * @param details        the change's data as a JSON object
 * @param evidenceSha256 the SHA-256 of the evidence the change added, if any
 * @param previousHash   the hash of the entry before (64 zeros for the first)
 * @param hash           SHA-256 over this entry's canonical encoding, which includes previousHash
 */
public record JournalEntry(long seq, Instant at, String actor, String action, String subject, String details,
                           Optional<String> evidenceSha256, String previousHash, String hash) {
    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(evidenceSha256, "evidenceSha256");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
    }
}
