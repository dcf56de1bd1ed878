package org.fr3workbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** A journal row exactly as stored (verify must cope with any text a tamperer left in it). */
record StoredEntry(long seq, String at, String actor, String action, String subject, String details,
                   Optional<String> evidenceSha256, String previousHash, String hash) {

    static final String SELECT = "SELECT seq, at, actor, action, subject, details, evidence_sha256, prev_hash, hash "
            + "FROM journal ORDER BY seq";

    static StoredEntry map(ResultSet rs) throws SQLException {
        return new StoredEntry(rs.getLong(1), text(rs.getString(2)), text(rs.getString(3)), text(rs.getString(4)),
                text(rs.getString(5)), text(rs.getString(6)), Optional.ofNullable(rs.getString(7)), text(rs.getString(8)),
                text(rs.getString(9)));
    }

    /** The hash this entry has if it stands at position {@code position}. */
    String hashAt(long position) {
        return JournalCodec.hash(position, at, actor, action, subject, details, evidenceSha256.orElse(null), previousHash);
    }

    String describe() {
        return "journal entry " + seq + " (" + action + " " + subject + ")";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
