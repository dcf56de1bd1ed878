package org.fr3workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.fr3workbench.domain.JournalEntry;

/**
 * One user action in progress: one SQLite transaction on the write connection, one time and one
 * actor for everything it records, and the journal entries it appends.
 */
final class Tx {

    private final Connection connection;
    private final String actor;
    private final Instant now;

    Tx(Connection connection, String actor, Instant now) {
        this.connection = connection;
        this.actor = actor;
        this.now = now;
    }

    Connection connection() {
        return connection;
    }

    String actor() {
        return actor;
    }

    Instant now() {
        return now;
    }

    /** The action's time as stored: to the millisecond. */
    Instant nowMillis() {
        return now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    String nowText() {
        return Times.format(now);
    }

    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    /** Appends a journal entry chained to the current head. */
    JournalEntry journal(JournalAction journalAction, String subject, Details details, String evidenceSha256)
            throws SQLException {
        String action = journalAction.code();
        long seq = 1;
        String previous = JournalCodec.GENESIS;
        try (PreparedStatement head = prepare("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1");
             ResultSet rs = head.executeQuery()) {
            if (rs.next()) {
                seq = rs.getLong(1) + 1;
                previous = rs.getString(2);
            }
        }
        String at = nowText();
        String json = details.json();
        String hash = JournalCodec.hash(seq, at, actor, action, subject, json, evidenceSha256, previous);
        try (PreparedStatement insert = prepare("INSERT INTO journal (seq, at, actor, action, subject, details, "
                + "evidence_sha256, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, seq);
            insert.setString(2, at);
            insert.setString(3, actor);
            insert.setString(4, action);
            insert.setString(5, subject);
            insert.setString(6, json);
            insert.setString(7, evidenceSha256);
            insert.setString(8, previous);
            insert.setString(9, hash);
            insert.executeUpdate();
        }
        return new JournalEntry(seq, Times.parse(at), actor, action, subject, json, Optional.ofNullable(evidenceSha256),
                previous, hash);
    }
}
