package org.fr3workbench.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.domain.JournalEntry;

/** Reads the journal page by page. Get it from {@link AssessmentStore#journal()}. */
public final class JournalReader {

    static final String COLUMNS = "seq, at, actor, action, subject, details, evidence_sha256, prev_hash, hash";

    private final StoreContext context;

    JournalReader(StoreContext context) {
        this.context = context;
    }

    /** How many entries the journal holds. */
    public long size() {
        return context.read(c -> Rows.number(c, "SELECT count(*) FROM journal"));
    }

    /** Up to {@code limit} entries from sequence number {@code fromSeq} on, oldest first. */
    public List<JournalEntry> page(long fromSeq, int limit) {
        return context.read(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM journal WHERE seq >= ? ORDER BY seq LIMIT ?",
                JournalReader::map, fromSeq, limit));
    }

    /** The latest entry: its hash identifies the whole history (the dossier prints it). */
    public Optional<JournalEntry> head() {
        return context.read(c -> Rows.list(c, "SELECT " + COLUMNS + " FROM journal ORDER BY seq DESC LIMIT 1",
                JournalReader::map).stream().findFirst());
    }

    static JournalEntry map(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getLong(1), Times.parse(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), Optional.ofNullable(rs.getString(7)), rs.getString(8), rs.getString(9));
    }
}
