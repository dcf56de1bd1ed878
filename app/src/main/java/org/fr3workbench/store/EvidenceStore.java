package org.fr3workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;

/**
 * Evidence: recorded from a stream, listed page by page as metadata, read back as a stream. The
 * content is never held whole in memory: it is stored in chunks of {@link #CHUNK_SIZE} bytes
 * (docs/adr/0010-evidence-in-chunked-rows.md) and its SHA-256 is computed while it streams in.
 * Get it from {@link AssessmentStore#evidence()}.
 */
public final class EvidenceStore {

    /** Bytes per stored chunk. */
    static final int CHUNK_SIZE = 256 * 1024;

    private static final String COLUMNS = "id, kind, requirement_id, step_run_id, name, media_type, caption, source, "
            + "captured_at, recorded_at, size, sha256";

    private final StoreContext context;

    EvidenceStore(StoreContext context) {
        this.context = context;
    }

    /**
     * Records evidence from a stream in one transaction with its journal entry. The stream is read
     * to its end (not closed). The file's write lock is held while reading it: pass content that is
     * already complete (a finished transcript, a file), not a live feed.
     *
     * @param monitor gets the bytes read so far (total -1: unknown); cancelling rolls everything back
     * @throws CancellationException when the monitor cancelled or the thread was interrupted
     * @throws IOException           when reading the stream fails (nothing is stored)
     */
    public Evidence add(NewEvidence evidence, InputStream content, String actor, ProgressMonitor monitor) throws IOException {
        return add(evidence, content, -1, actor, monitor);
    }

    /** Records a file's content as evidence; progress reports its size as the total. */
    public Evidence importFile(NewEvidence evidence, Path file, String actor, ProgressMonitor monitor) throws IOException {
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return add(evidence, in, size, actor, monitor);
        }
    }

    /** Records a note written by the assessor (UTF-8 text). */
    public Evidence addNote(String requirementId, String title, String text, String actor) {
        NewEvidence note = NewEvidence.of(EvidenceKind.NOTE, requirementId, title, "text/plain; charset=utf-8", "",
                "written in FR3 Workbench", context.clock().instant());
        try {
            return add(note, new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), actor, ProgressMonitor.NONE);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Evidence add(NewEvidence e, InputStream content, long total, String actor, ProgressMonitor monitor)
            throws IOException {
        return context.write(actor, tx -> {
            Long stepRun = e.stepRunId().orElse(null);
            if (stepRun != null) {
                requireStepRun(tx.connection(), stepRun);
            }
            try (PreparedStatement insert = tx.prepare("INSERT INTO evidence (kind, requirement_id, step_run_id, name, "
                    + "media_type, caption, source, captured_at, recorded_at, size, sha256) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, '')")) {
                insert.setString(1, e.kind().code());
                insert.setString(2, e.requirementId());
                insert.setObject(3, stepRun);
                insert.setString(4, e.name());
                insert.setString(5, e.mediaType());
                insert.setString(6, e.caption());
                insert.setString(7, e.source());
                insert.setString(8, Times.format(e.capturedAt()));
                insert.setString(9, tx.nowText());
                insert.executeUpdate();
            }
            long id = Rows.lastId(tx.connection());
            MessageDigest digest = JournalCodec.sha256();
            long size = copyIn(tx.connection(), id, content, digest, total, monitor, e.name());
            String sha256 = HexFormat.of().formatHex(digest.digest());
            try (PreparedStatement update = tx.prepare("UPDATE evidence SET size = ?, sha256 = ? WHERE id = ?")) {
                update.setLong(1, size);
                update.setString(2, sha256);
                update.setLong(3, id);
                update.executeUpdate();
            }
            Evidence stored = new Evidence(id, e.kind(), e.requirementId(), e.stepRunId(), e.name(), e.mediaType(),
                    e.caption(), e.source(), Times.parse(Times.format(e.capturedAt())), tx.nowMillis(), size, sha256);
            tx.journal(JournalAction.EVIDENCE_ADD, stored.describe(), new Details().put("id", id).put("kind", e.kind().code())
                    .put("requirement_id", e.requirementId()).put("step_run_id", stepRun).put("name", e.name())
                    .put("media_type", e.mediaType()).put("caption", e.caption()).put("source", e.source())
                    .put("captured_at", Times.format(e.capturedAt())).put("size", size), sha256);
            return stored;
        });
    }

    private static long copyIn(Connection c, long id, InputStream content, MessageDigest digest, long total,
                               ProgressMonitor monitor, String name) throws SQLException, IOException {
        byte[] buffer = new byte[CHUNK_SIZE];
        long size = 0;
        try (PreparedStatement chunk = c.prepareStatement("INSERT INTO evidence_chunk (evidence_id, seq, data) VALUES (?, ?, ?)")) {
            for (int seq = 0; ; seq++) {
                if (monitor.isCancelled() || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("recording '" + name + "' was cancelled; nothing was stored");
                }
                int n = content.readNBytes(buffer, 0, buffer.length);
                if (n == 0) {
                    return size;
                }
                digest.update(buffer, 0, n);
                chunk.setLong(1, id);
                chunk.setInt(2, seq);
                chunk.setBytes(3, n == buffer.length ? buffer : Arrays.copyOf(buffer, n));
                chunk.executeUpdate();
                size += n;
                monitor.progress(size, total);
            }
        }
    }

    private static void requireStepRun(Connection c, long stepRun) throws SQLException {
        if (Rows.number(c, "SELECT count(*) FROM step_run WHERE id = ?", stepRun) == 0) {
            throw new IllegalArgumentException("there is no step run " + stepRun + " to attach evidence to");
        }
    }

    /** The metadata of one item. */
    public Optional<Evidence> get(long id) {
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM evidence WHERE id = ?", List.of(id)).stream().findFirst());
    }

    /** How many items match: the size of a virtualized list. */
    public long count(EvidenceQuery query) {
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        return context.read(c -> Rows.number(c, "SELECT count(*) FROM evidence" + where, parameters.toArray()));
    }

    /** One page of metadata (no content), in recording order: rows {@code offset} to {@code offset + limit - 1}. */
    public List<Evidence> page(EvidenceQuery query, long offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative");
        }
        List<Object> parameters = new ArrayList<>();
        String where = where(query, parameters);
        parameters.add(limit);
        parameters.add(offset);
        return context.read(c -> query(c, "SELECT " + COLUMNS + " FROM evidence" + where + " ORDER BY id LIMIT ? OFFSET ?",
                parameters));
    }

    /** The bytes of all evidence in the file. */
    public long totalBytes() {
        return context.read(c -> Rows.number(c, "SELECT total(size) FROM evidence"));
    }

    /**
     * Reads an item's content as a stream (its own connection, one chunk in memory at a time).
     * Close it when done; closing the assessment closes it too.
     *
     * @throws IllegalArgumentException if there is no such evidence
     */
    public InputStream open(long id) {
        Evidence evidence = get(id).orElseThrow(() -> new IllegalArgumentException("there is no evidence " + id));
        return new ChunkInputStream(context, evidence);
    }

    private static String where(EvidenceQuery query, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        query.requirementId().ifPresent(r -> {
            conditions.add("requirement_id = ?");
            parameters.add(r);
        });
        query.kind().ifPresent(k -> {
            conditions.add("kind = ?");
            parameters.add(k.code());
        });
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static List<Evidence> query(Connection c, String sql, List<Object> parameters) throws SQLException {
        return Rows.list(c, sql, rs -> {
            long stepRun = rs.getLong(4);
            Optional<Long> run = rs.wasNull() ? Optional.empty() : Optional.of(stepRun);
            String kind = rs.getString(2);
            return new Evidence(rs.getLong(1), EvidenceKind.fromCode(kind).orElseThrow(
                    () -> new StoreException("unknown evidence kind '" + kind + "'")), rs.getString(3), run,
                    rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), Times.parse(rs.getString(9)),
                    Times.parse(rs.getString(10)), rs.getLong(11), rs.getString(12));
        }, parameters.toArray());
    }
}
