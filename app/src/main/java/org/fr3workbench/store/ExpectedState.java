package org.fr3workbench.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The records the journal says the file holds, rebuilt by replaying it entry by entry: what verify
 * compares the tables with. Each record is a map of column to stored text.
 */
final class ExpectedState {

    /** A record as the journal left it, and the entry that last wrote it. */
    record Row(Map<String, String> columns, long journalSeq) {
    }

    /** The tables verify compares, in the order it compares them, with each table's key columns. */
    enum Table {
        ASSESSMENT("assessment", List.of("id")),
        TARGET("target", List.of("id")),
        VERDICT("verdict", List.of("id")),
        STEP_RUN("step_run", List.of("id")),
        HOST_KEY_PIN("host_key_pin", List.of("host", "port")),
        EVIDENCE("evidence", List.of("id")),
        PARAMETER("parameter", List.of("name"));

        private final String sqlName;
        private final List<String> key;

        Table(String sqlName, List<String> key) {
            this.sqlName = sqlName;
            this.key = key;
        }

        String sqlName() {
            return sqlName;
        }

        List<String> key() {
            return key;
        }

        /** The record's key as text, e.g. {@code 41} or {@code 192.0.2.7|22}. */
        String keyOf(Map<String, String> columns) {
            return String.join("|", key.stream().map(columns::get).map(String::valueOf).toList());
        }
    }

    private final Map<Table, Map<String, Row>> rows = new LinkedHashMap<>();
    private long entries;

    ExpectedState() {
        for (Table table : Table.values()) {
            rows.put(table, new TreeMap<>(ExpectedState::compareKeys));
        }
    }

    Map<String, Row> rows(Table table) {
        return rows.get(table);
    }

    /**
     * Applies one journal entry.
     *
     * @return a problem with the entry itself, in words, if it cannot be applied
     */
    Optional<String> apply(StoredEntry entry) {
        entries++;
        Optional<JournalAction> action = JournalAction.fromCode(entry.action());
        if (action.isEmpty()) {
            return Optional.of("has an unknown action '" + entry.action() + "'");
        }
        if (entries == 1 && action.get() != JournalAction.ASSESSMENT_CREATE) {
            return Optional.of("is '" + entry.action() + "', but the journal must begin with the creation of the assessment");
        }
        Map<String, String> details;
        try {
            details = Details.parse(entry.details());
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        String at = entry.at();
        return switch (action.get()) {
            case ASSESSMENT_CREATE -> entries == 1 ? put(Table.ASSESSMENT, with(details, "id", "1"), entry)
                    : Optional.of("creates the assessment a second time");
            case ASSESSMENT_UPDATE -> update(Table.ASSESSMENT, "1", details, entry);
            case TARGET_SET -> put(Table.TARGET, with(details, "id", "1"), entry);
            case VERDICT_SET -> add(Table.VERDICT, with(with(details, "actor", entry.actor()), "decided_at", at), entry);
            case STEP_START -> {
                Map<String, String> run = new LinkedHashMap<>(details);
                run.put("state", "running");
                run.put("outcome", null);
                run.put("reason", "");
                run.put("actor", entry.actor());
                run.put("started_at", at);
                run.put("ended_at", null);
                yield add(Table.STEP_RUN, run, entry);
            }
            case STEP_FINISH, STEP_CANCEL, STEP_INTERRUPT -> update(Table.STEP_RUN, details.get("id"),
                    with(details, "ended_at", at), entry);
            case HOSTKEY_PIN -> put(Table.HOST_KEY_PIN, with(with(details, "actor", entry.actor()), "pinned_at", at), entry);
            case EVIDENCE_ADD -> add(Table.EVIDENCE, with(with(details, "recorded_at", at), "sha256",
                    entry.evidenceSha256().orElse(null)), entry);
            case PARAMETER_SET -> put(Table.PARAMETER, with(with(details, "set_by", entry.actor()), "set_at", at), entry);
            case PARAMETER_CLEAR -> remove(Table.PARAMETER, details.get("name"));
        };
    }

    private Optional<String> put(Table table, Map<String, String> columns, StoredEntry entry) {
        rows.get(table).put(table.keyOf(columns), new Row(columns, entry.seq()));
        return Optional.empty();
    }

    private Optional<String> remove(Table table, String key) {
        if (rows.get(table).remove(String.valueOf(key)) == null) {
            return Optional.of("removes " + table.sqlName().replace('_', ' ') + " " + key + ", which no earlier entry created");
        }
        return Optional.empty();
    }

    private Optional<String> add(Table table, Map<String, String> columns, StoredEntry entry) {
        String key = table.keyOf(columns);
        if (rows.get(table).containsKey(key)) {
            return Optional.of("records " + table.sqlName().replace('_', ' ') + " " + key + " a second time");
        }
        return put(table, columns, entry);
    }

    private Optional<String> update(Table table, String key, Map<String, String> changes, StoredEntry entry) {
        Row row = rows.get(table).get(String.valueOf(key));
        if (row == null) {
            return Optional.of("changes " + table.sqlName().replace('_', ' ') + " " + key + ", which no earlier entry created");
        }
        Map<String, String> columns = new LinkedHashMap<>(row.columns());
        columns.putAll(changes);
        rows.get(table).put(String.valueOf(key), new Row(columns, entry.seq()));
        return Optional.empty();
    }

    private static Map<String, String> with(Map<String, String> columns, String column, String value) {
        Map<String, String> result = new LinkedHashMap<>(columns);
        result.put(column, value);
        return result;
    }

    /** Numeric keys in numeric order, others as text. */
    static int compareKeys(String a, String b) {
        boolean numericA = a.chars().allMatch(Character::isDigit) && !a.isEmpty() && a.length() < 19;
        boolean numericB = b.chars().allMatch(Character::isDigit) && !b.isEmpty() && b.length() < 19;
        if (numericA && numericB) {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        }
        return a.compareTo(b);
    }
}
