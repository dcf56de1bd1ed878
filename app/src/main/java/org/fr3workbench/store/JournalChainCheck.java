package org.fr3workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the journal in sequence order and checks each link of the hash chain: no gap in the
 * numbering, each entry's hash matches its content, each entry names the previous entry's hash.
 * It tells a reordered entry (its hash is valid for another position) from an altered one.
 */
final class JournalChainCheck {

    /** How far from its position an entry's original position is looked for. */
    private static final int SEARCH = 1_000;

    private final Map<String, Long> seqByHash = new HashMap<>();
    private boolean searched;
    private long expectedSeq = 1;
    private String previousHash = JournalCodec.GENESIS;

    /** Loads every entry's hash, so that an entry moved to another position can be recognised. */
    JournalChainCheck(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT seq, hash FROM journal"); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                seqByHash.put(rs.getString(2), rs.getLong(1));
            }
        }
    }

    /** The hash of the last entry checked: the journal head. */
    String head() {
        return previousHash;
    }

    /** Checks the next entry in sequence order; returns what is wrong with its link, in words. */
    Optional<String> next(StoredEntry entry) {
        String name = entry.describe();
        String previous = previousHash;
        long expected = expectedSeq;
        previousHash = entry.hash();
        expectedSeq = entry.seq() + 1;
        if (entry.seq() != expected) {
            if (entry.seq() < expected) {
                return Optional.of(name + " repeats an earlier sequence number");
            }
            String missing = entry.seq() == expected + 1 ? "journal entry " + expected + " is missing"
                    : "journal entries " + expected + " to " + (entry.seq() - 1) + " are missing";
            return Optional.of(missing + ": " + name + " follows entry " + (expected - 1));
        }
        String recomputed = entry.hashAt(entry.seq());
        if (!recomputed.equals(entry.hash())) {
            Optional<Long> recordedAs = recordedPosition(entry);
            if (recordedAs.isPresent()) {
                return Optional.of(name + " was recorded as entry " + recordedAs.get() + ": entries were moved or removed");
            }
            return Optional.of(name + " has been altered: its content does not match its hash");
        }
        if (!entry.previousHash().equals(previous)) {
            Long after = seqByHash.get(entry.previousHash());
            if (after != null) {
                return Optional.of(name + " is out of order: it was recorded after entry " + after + ", not after entry "
                        + (entry.seq() - 1));
            }
            return Optional.of(name + " does not follow entry " + (entry.seq() - 1)
                    + ": the chain is broken (an entry before it was removed or altered)");
        }
        return Optional.empty();
    }

    /**
     * The position at which the entry's hash is valid, if it is another one: where its previous-hash
     * link points, else (for the first such entry only: it costs up to 2 * SEARCH hashes) nearby.
     */
    private Optional<Long> recordedPosition(StoredEntry entry) {
        Long linked = entry.previousHash().equals(JournalCodec.GENESIS) ? Long.valueOf(0)
                : seqByHash.get(entry.previousHash());
        if (linked != null && linked + 1 != entry.seq() && entry.hashAt(linked + 1).equals(entry.hash())) {
            return Optional.of(linked + 1);
        }
        if (searched) {
            return Optional.empty();
        }
        searched = true;
        for (long position = Math.max(1, entry.seq() - SEARCH); position <= entry.seq() + SEARCH; position++) {
            if (position != entry.seq() && entry.hashAt(position).equals(entry.hash())) {
                return Optional.of(position);
            }
        }
        return Optional.empty();
    }
}
