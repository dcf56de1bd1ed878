package org.fr3workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;

/** The assessor's verdicts per requirement, with their full history. Get it from {@link AssessmentStore#verdicts()}. */
public final class VerdictStore {

    private static final String COLUMNS = "id, requirement_id, decision, rationale, actor, decided_at";

    private final StoreContext context;

    VerdictStore(StoreContext context) {
        this.context = context;
    }

    /**
     * Records a verdict: it becomes the requirement's current verdict, the earlier ones stay in its
     * history. One transaction with its journal entry.
     *
     * @param requirementId a catalog id; the caller checks it against the catalog
     * @param rationale     mandatory for {@link VerdictDecision#NOT_APPLICABLE}
     * @throws IllegalArgumentException   for an empty id or a missing rationale
     * @throws ReadOnlyAssessmentException if the file is open read-only
     */
    public Verdict set(String requirementId, VerdictDecision decision, String rationale, String actor) {
        String requirement = requireId(requirementId);
        String text = rationale == null ? "" : rationale.strip();
        Verdict.requireRationale(requirement, decision, text);
        return context.change(actor, tx -> {
            long id;
            try (PreparedStatement insert = tx.prepare("INSERT INTO verdict (requirement_id, decision, rationale, actor, "
                    + "decided_at) VALUES (?, ?, ?, ?, ?)")) {
                insert.setString(1, requirement);
                insert.setString(2, decision.code());
                insert.setString(3, text);
                insert.setString(4, tx.actor());
                insert.setString(5, tx.nowText());
                insert.executeUpdate();
            }
            id = Rows.lastId(tx.connection());
            tx.journal(JournalAction.VERDICT_SET, requirement, new Details().put("id", id)
                    .put("requirement_id", requirement).put("decision", decision.code()).put("rationale", text), null);
            return new Verdict(id, requirement, decision, text, tx.actor(), tx.nowMillis());
        });
    }

    /** The current verdict of every requirement that has one, in requirement id order. */
    public Map<String, Verdict> current() {
        return context.read(c -> {
            Map<String, Verdict> result = new LinkedHashMap<>();
            for (Verdict v : query(c, "SELECT " + COLUMNS + " FROM verdict v WHERE id = (SELECT max(id) FROM verdict w "
                    + "WHERE w.requirement_id = v.requirement_id) ORDER BY requirement_id")) {
                result.put(v.requirementId(), v);
            }
            return result;
        });
    }

    /** The current verdict of one requirement. */
    public Optional<Verdict> current(String requirementId) {
        List<Verdict> history = history(requirementId);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    /** Every verdict given on a requirement, oldest first. */
    public List<Verdict> history(String requirementId) {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM verdict WHERE requirement_id = ? ORDER BY id",
                requirementId));
    }

    /** Every verdict in the file, oldest first. */
    public List<Verdict> all() {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM verdict ORDER BY id"));
    }

    static String requireId(String requirementId) {
        if (requirementId == null || requirementId.isBlank()) {
            throw new IllegalArgumentException("a requirement id is needed");
        }
        return requirementId.strip();
    }

    private static List<Verdict> query(Connection c, String sql, Object... parameters) throws SQLException {
        return Rows.list(c, sql, rs -> new Verdict(rs.getLong(1), rs.getString(2), decision(rs.getString(3)), rs.getString(4),
                rs.getString(5), Times.parse(rs.getString(6))), parameters);
    }

    private static VerdictDecision decision(String code) {
        return VerdictDecision.fromCode(code).orElseThrow(() -> new StoreException("unknown verdict decision '" + code + "'"));
    }
}
