package org.fr3workbench.store;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.fr3workbench.domain.Discrepancy;
import org.fr3workbench.domain.Discrepancy.Kind;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.VerificationReport;
import org.fr3workbench.store.ExpectedState.Table;

/**
 * Verifies an assessment file (docs/assessment-file.md, "Verify"), in this order: SQLite's own
 * structure check; the journal's hash chain; every record against the journal replayed; content
 * chunks without a record; every evidence item's content against its SHA-256, streamed. One read
 * transaction on a connection of its own: a consistent snapshot while the file stays usable.
 */
final class Verifier {

    /** Verify stops collecting after this many discrepancies. */
    static final int MAX_DISCREPANCIES = 100;

    private final StoreContext context;
    private final List<Discrepancy> found = new ArrayList<>();

    Verifier(StoreContext context) {
        this.context = context;
    }

    VerificationReport verify(ProgressMonitor monitor) {
        Connection c = context.openStream();
        try {
            c.setAutoCommit(false);
            checkStructure(c);
            ExpectedState expected = new ExpectedState();
            JournalChainCheck chain = readable(c, "journal") ? new JournalChainCheck(c) : null;
            long entries = chain == null ? 0 : replay(c, chain, expected, monitor);
            for (Table table : Table.values()) {
                if (readable(c, table.sqlName())) {
                    compare(c, table, expected.rows(table));
                }
            }
            long[] hashed = {0, 0};
            if (readable(c, "evidence_chunk") && readable(c, "evidence")) {
                checkOrphanChunks(c);
                hashed = checkContents(c, monitor);
            }
            return new VerificationReport(found, entries, chain == null ? JournalCodec.GENESIS : chain.head(), hashed[0],
                    hashed[1]);
        } catch (SQLException e) {
            throw context.failure("verify", e);
        } finally {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // read-only transaction: nothing to undo
            }
            context.release(c);
        }
    }

    private void report(Kind kind, String message) {
        if (found.size() < MAX_DISCREPANCIES) {
            found.add(new Discrepancy(kind, message));
        }
    }

    private boolean full() {
        return found.size() >= MAX_DISCREPANCIES;
    }

    /** Whether a table can be read at all; if not, that is a structural discrepancy. */
    private boolean readable(Connection c, String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            return true;
        } catch (SQLException e) {
            report(Kind.STRUCTURE, "the table " + table + " cannot be read: " + e.getMessage());
            return false;
        }
    }

    private void checkStructure(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (!"ok".equals(line)) {
                    report(Kind.STRUCTURE, "the SQLite structure of the file is damaged: " + line);
                }
            }
        }
    }

    private long replay(Connection c, JournalChainCheck chain, ExpectedState expected, ProgressMonitor monitor)
            throws SQLException {
        long entries = 0;
        try (PreparedStatement s = c.prepareStatement(StoredEntry.SELECT); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                checkCancelled(monitor);
                StoredEntry entry = StoredEntry.map(rs);
                entries++;
                chain.next(entry).ifPresent(problem -> report(Kind.JOURNAL, problem));
                expected.apply(entry).ifPresent(problem -> report(Kind.JOURNAL, entry.describe() + " " + problem));
            }
        }
        if (entries == 0) {
            report(Kind.JOURNAL, "the journal is empty: every assessment file begins with the entry that created it");
        }
        return entries;
    }

    private void compare(Connection c, Table table, Map<String, ExpectedState.Row> expected) throws SQLException {
        Map<String, Map<String, String>> actual = readTable(c, table);
        for (Map.Entry<String, ExpectedState.Row> want : expected.entrySet()) {
            Map<String, String> row = actual.get(want.getKey());
            Map<String, String> columns = want.getValue().columns();
            long seq = want.getValue().journalSeq();
            if (row == null) {
                report(Kind.MISSING_RECORD, "journal entry " + seq + " records " + describe(table, columns)
                        + ", but the file no longer holds it");
                continue;
            }
            for (Map.Entry<String, String> column : columns.entrySet()) {
                if (row.containsKey(column.getKey()) && !Objects.equals(row.get(column.getKey()), column.getValue())) {
                    report(Kind.RECORD_MISMATCH, describe(table, row) + ": " + column.getKey().replace('_', ' ') + " is "
                            + quote(row.get(column.getKey())) + " in the file, but the journal (entry " + seq + ") recorded "
                            + quote(column.getValue()));
                    break;
                }
            }
        }
        for (Map.Entry<String, Map<String, String>> have : actual.entrySet()) {
            if (!expected.containsKey(have.getKey())) {
                report(Kind.UNJOURNALED_RECORD, describe(table, have.getValue())
                        + " has no journal entry: it was written outside FR3 Workbench");
            }
        }
    }

    private static Map<String, Map<String, String>> readTable(Connection c, Table table) throws SQLException {
        Map<String, Map<String, String>> rows = new java.util.TreeMap<>(ExpectedState::compareKeys);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table.sqlName())) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!"BLOB".equalsIgnoreCase(meta.getColumnTypeName(i))) {
                        row.put(meta.getColumnName(i), rs.getString(i));
                    }
                }
                rows.put(table.keyOf(row), row);
            }
        }
        return rows;
    }

    private void checkOrphanChunks(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT evidence_id FROM evidence_chunk "
                + "WHERE evidence_id NOT IN (SELECT id FROM evidence) ORDER BY evidence_id")) {
            while (rs.next()) {
                report(Kind.UNJOURNALED_RECORD, "content of evidence " + rs.getLong(1)
                        + " is in the file without its evidence record");
            }
        }
    }

    /** Re-hashes every evidence item, streaming its chunks; returns items and bytes hashed. */
    private long[] checkContents(Connection c, ProgressMonitor monitor) throws SQLException {
        long total;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT total(length(data)) FROM evidence_chunk")) {
            total = rs.next() ? rs.getLong(1) : 0;
        }
        long done = 0;
        long items = 0;
        List<Map<String, String>> evidence = new ArrayList<>(readTable(c, Table.EVIDENCE).values());
        try (PreparedStatement chunks = c.prepareStatement("SELECT seq, data FROM evidence_chunk WHERE evidence_id = ? "
                + "ORDER BY seq")) {
            for (Map<String, String> row : evidence) {
                if (full()) {
                    break;
                }
                MessageDigest digest = JournalCodec.sha256();
                long size = 0;
                Optional<Long> gap = Optional.empty();
                chunks.setString(1, row.get("id"));
                try (ResultSet rs = chunks.executeQuery()) {
                    for (long seq = 0; rs.next(); seq++) {
                        checkCancelled(monitor);
                        if (rs.getLong(1) != seq && gap.isEmpty()) {
                            gap = Optional.of(seq);
                        }
                        byte[] data = rs.getBytes(2);
                        if (data != null) {
                            digest.update(data);
                            size += data.length;
                            done += data.length;
                        }
                        monitor.progress(done, total);
                    }
                }
                items++;
                String sha256 = HexFormat.of().formatHex(digest.digest());
                if (gap.isPresent()) {
                    report(Kind.EVIDENCE_CONTENT, describe(Table.EVIDENCE, row) + " content is incomplete: part "
                            + gap.get() + " is missing");
                } else if (!sha256.equals(row.get("sha256"))) {
                    report(Kind.EVIDENCE_CONTENT, describe(Table.EVIDENCE, row) + " content does not match its recorded SHA-256");
                } else if (!String.valueOf(size).equals(row.get("size"))) {
                    report(Kind.EVIDENCE_CONTENT, describe(Table.EVIDENCE, row) + " content is " + size
                            + " bytes long, but " + row.get("size") + " bytes were recorded");
                }
            }
        }
        monitor.progress(done, total);
        return new long[] {items, done};
    }

    private static void checkCancelled(ProgressMonitor monitor) {
        if (monitor.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("verification was cancelled");
        }
    }

    /** How messages name a record, from its columns. */
    static String describe(Table table, Map<String, String> row) {
        return switch (table) {
            case ASSESSMENT -> "the assessment record";
            case TARGET -> "the target identity";
            case VERDICT -> "verdict " + row.get("id") + " on " + row.get("requirement_id");
            case STEP_RUN -> StepRunStore.subject(parse(row.get("id")), row.get("requirement_id"), row.get("step_id"));
            case HOST_KEY_PIN -> "the host key pin for " + row.get("host") + ":" + row.get("port");
            case EVIDENCE -> "evidence " + row.get("id") + " (" + EvidenceKind.fromCode(String.valueOf(row.get("kind")))
                    .map(EvidenceKind::label).orElse(String.valueOf(row.get("kind"))) + " '" + row.get("name") + "')";
            case PARAMETER -> ParameterStore.subject(row.get("name"));
        };
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String quote(String value) {
        return value == null ? "empty (NULL)" : "'" + value + "'";
    }
}
