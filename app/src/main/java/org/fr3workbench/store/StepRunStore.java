package org.fr3workbench.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.StepRunState;

/**
 * Runs of procedure steps: started, then finished with an outcome, cancelled, or found interrupted
 * when the file is opened again after a crash. Get it from {@link AssessmentStore#stepRuns()}.
 */
public final class StepRunStore {

    private static final String COLUMNS = "id, requirement_id, step_id, state, outcome, reason, actor, started_at, ended_at";

    private final StoreContext context;

    StepRunStore(StoreContext context) {
        this.context = context;
    }

    /** Records that a step has started; one transaction with its journal entry. */
    public StepRun start(String requirementId, String stepId, String actor) {
        String requirement = VerdictStore.requireId(requirementId);
        if (stepId == null || stepId.isBlank()) {
            throw new IllegalArgumentException("a step id is needed");
        }
        String step = stepId.strip();
        return context.change(actor, tx -> {
            try (PreparedStatement insert = tx.prepare("INSERT INTO step_run (requirement_id, step_id, state, outcome, "
                    + "reason, actor, started_at, ended_at) VALUES (?, ?, 'running', NULL, '', ?, ?, NULL)")) {
                insert.setString(1, requirement);
                insert.setString(2, step);
                insert.setString(3, tx.actor());
                insert.setString(4, tx.nowText());
                insert.executeUpdate();
            }
            long id = Rows.lastId(tx.connection());
            tx.journal(JournalAction.STEP_START, subject(id, requirement, step), new Details().put("id", id)
                    .put("requirement_id", requirement).put("step_id", step), null);
            return new StepRun(id, requirement, step, StepRunState.RUNNING, Optional.empty(), "", tx.actor(),
                    tx.nowMillis(), Optional.empty());
        });
    }

    /**
     * Records a step's outcome.
     *
     * @throws IllegalStateException if the run does not exist or is no longer running
     */
    public StepRun finish(long runId, StepOutcome outcome, String reason, String actor) {
        return end(runId, StepRunState.FINISHED, outcome, reason, actor);
    }

    /** Records that the assessor cancelled a running step. */
    public StepRun cancel(long runId, String reason, String actor) {
        return end(runId, StepRunState.CANCELLED, null, reason, actor);
    }

    /**
     * Marks every run that is still "running" as interrupted: called when a file is opened for
     * writing, when no other workbench can be running them (the file lock says so).
     *
     * @return how many runs were marked
     */
    int markInterrupted(String actor) {
        List<StepRun> running = context.read(c -> query(c, "SELECT " + COLUMNS + " FROM step_run WHERE state = 'running' "
                + "ORDER BY id"));
        for (StepRun run : running) {
            end(run.id(), StepRunState.INTERRUPTED, null, "the workbench stopped while the step was running", actor);
        }
        return running.size();
    }

    private StepRun end(long runId, StepRunState state, StepOutcome outcome, String reason, String actor) {
        String why = reason == null ? "" : reason.strip();
        return context.change(actor, tx -> {
            StepRun run = find(tx.connection(), runId).orElseThrow(() -> new IllegalStateException(
                    "there is no step run " + runId));
            if (run.state() != StepRunState.RUNNING) {
                throw new IllegalStateException("step run " + runId + " (" + run.requirementId() + " / " + run.stepId()
                        + ") is already " + run.state().code());
            }
            String outcomeCode = outcome == null ? null : outcome.code();
            try (PreparedStatement update = tx.prepare("UPDATE step_run SET state = ?, outcome = ?, reason = ?, ended_at = ? "
                    + "WHERE id = ?")) {
                update.setString(1, state.code());
                update.setString(2, outcomeCode);
                update.setString(3, why);
                update.setString(4, tx.nowText());
                update.setLong(5, runId);
                update.executeUpdate();
            }
            JournalAction action = switch (state) {
                case FINISHED -> JournalAction.STEP_FINISH;
                case CANCELLED -> JournalAction.STEP_CANCEL;
                default -> JournalAction.STEP_INTERRUPT;
            };
            tx.journal(action, subject(runId, run.requirementId(), run.stepId()), new Details().put("id", runId)
                    .put("state", state.code()).put("outcome", outcomeCode).put("reason", why), null);
            return new StepRun(runId, run.requirementId(), run.stepId(), state, Optional.ofNullable(outcome), why,
                    run.actor(), run.startedAt(), Optional.of(tx.nowMillis()));
        });
    }

    public Optional<StepRun> get(long runId) {
        return context.read(c -> find(c, runId));
    }

    /** The runs of a requirement's steps, oldest first. */
    public List<StepRun> forRequirement(String requirementId) {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM step_run WHERE requirement_id = ? ORDER BY id",
                requirementId));
    }

    /** Every run in the file, oldest first. */
    public List<StepRun> all() {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM step_run ORDER BY id"));
    }

    static String subject(long id, String requirementId, String stepId) {
        return "step run " + id + " (" + requirementId + " / " + stepId + ")";
    }

    private static Optional<StepRun> find(Connection c, long runId) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM step_run WHERE id = ?", runId).stream().findFirst();
    }

    private static List<StepRun> query(Connection c, String sql, Object... parameters) throws SQLException {
        return Rows.list(c, sql, rs -> {
            String outcome = rs.getString(5);
            String ended = rs.getString(9);
            return new StepRun(rs.getLong(1), rs.getString(2), rs.getString(3),
                    StepRunState.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)),
                    Optional.ofNullable(outcome).map(o -> StepOutcome.valueOf(o.toUpperCase(Locale.ROOT))),
                    rs.getString(6), rs.getString(7), Times.parse(rs.getString(8)), Optional.ofNullable(ended).map(Times::parse));
        }, parameters);
    }
}
