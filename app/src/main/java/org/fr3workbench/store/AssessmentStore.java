package org.fr3workbench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.TargetIdentity;
import org.fr3workbench.domain.VerificationReport;

/**
 * One open assessment file. Every change is saved at once, in one transaction with its journal
 * entry; there is nothing to save on close. Thread-safe; every method blocks, so call it from a
 * worker thread, never from the FX thread. Open one with {@link AssessmentFiles}.
 */
public final class AssessmentStore implements AutoCloseable {

    private static final String INFO_COLUMNS = "file_id, created_at, product, firmware_version, component_type, target_sl, "
            + "assessor, organization, catalog_version, start_date, end_date";

    private final StoreContext context;
    private final EvidenceStore evidence;
    private final VerdictStore verdicts;
    private final StepRunStore stepRuns;
    private final JournalReader journal;
    private final HostKeyPins hostKeyPins;
    private final ParameterStore parameters;
    private volatile StoredInfo stored;

    AssessmentStore(StoreContext context) {
        this.context = context;
        this.evidence = new EvidenceStore(context);
        this.verdicts = new VerdictStore(context);
        this.stepRuns = new StepRunStore(context);
        this.journal = new JournalReader(context);
        this.hostKeyPins = new HostKeyPinStore(context);
        this.parameters = new ParameterStore(context);
        this.stored = context.read(AssessmentStore::readInfo);
    }

    /** The file, as its real path. */
    public Path file() {
        return context.file();
    }

    /** Whether changes are refused (with {@link ReadOnlyAssessmentException}). */
    public boolean isReadOnly() {
        return context.readOnlyReason().isPresent();
    }

    /** Why the file is open read-only, in words (e.g. "the file is write-protected"), if it is. */
    public Optional<String> readOnlyReason() {
        return context.readOnlyReason();
    }

    /** What is assessed, by whom (held in memory: no I/O, safe on any thread). */
    public AssessmentInfo info() {
        return stored.info();
    }

    /** When the file was created (no I/O). */
    public Instant createdAt() {
        return stored.createdAt();
    }

    /** A random identifier given to the file at creation; copies keep it (no I/O). */
    public String fileId() {
        return stored.fileId();
    }

    /** Changes product, firmware, target level, assessor, organization, catalog version or dates. */
    public AssessmentInfo updateInfo(AssessmentInfo info, String actor) {
        context.change(actor, tx -> {
            try (PreparedStatement update = tx.prepare("UPDATE assessment SET product = ?, firmware_version = ?, "
                    + "component_type = ?, target_sl = ?, assessor = ?, organization = ?, catalog_version = ?, "
                    + "start_date = ?, end_date = ? WHERE id = 1")) {
                bindInfo(update, 1, info);
                update.executeUpdate();
            }
            tx.journal(JournalAction.ASSESSMENT_UPDATE, "assessment", infoDetails(new Details(), info), null);
            return info;
        });
        stored = new StoredInfo(info, stored.fileId(), stored.createdAt());
        return info;
    }

    /** The device under assessment, once known. */
    public Optional<TargetIdentity> target() {
        return context.read(c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT address, host_key_fingerprint, os_release, "
                    + "serial_number FROM target WHERE id = 1"); ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(new TargetIdentity(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4))) : Optional.empty();
            }
        });
    }

    /** Records (or replaces) the identity of the device under assessment. */
    public TargetIdentity setTarget(TargetIdentity target, String actor) {
        return context.change(actor, tx -> {
            try (PreparedStatement upsert = tx.prepare("INSERT OR REPLACE INTO target (id, address, host_key_fingerprint, "
                    + "os_release, serial_number) VALUES (1, ?, ?, ?, ?)")) {
                upsert.setString(1, target.address());
                upsert.setString(2, target.hostKeyFingerprint());
                upsert.setString(3, target.osRelease());
                upsert.setString(4, target.serialNumber());
                upsert.executeUpdate();
            }
            tx.journal(JournalAction.TARGET_SET, "target", new Details().put("address", target.address())
                    .put("host_key_fingerprint", target.hostKeyFingerprint()).put("os_release", target.osRelease())
                    .put("serial_number", target.serialNumber()), null);
            return target;
        });
    }

    public EvidenceStore evidence() {
        return evidence;
    }

    public VerdictStore verdicts() {
        return verdicts;
    }

    public StepRunStore stepRuns() {
        return stepRuns;
    }

    public JournalReader journal() {
        return journal;
    }

    public HostKeyPins hostKeyPins() {
        return hostKeyPins;
    }

    /** The procedure parameter values the assessor set (kept with the assessment, journalled). */
    public ParameterStore parameters() {
        return parameters;
    }

    /**
     * Checks the whole file: SQLite structure, the journal chain, every record against the journal
     * and every evidence item's content against its SHA-256 (streamed). Runs on its own
     * connection, so the file can be used meanwhile; it sees the file as it was when it started.
     *
     * @param monitor gets bytes of evidence hashed so far and in all; can cancel
     * @throws java.util.concurrent.CancellationException if cancelled
     */
    public VerificationReport verify(ProgressMonitor monitor) {
        return new Verifier(context).verify(monitor);
    }

    /**
     * Closes the file (nothing is lost: every change was saved when it was made). Waits for a change
     * in progress; content streams still open are closed, and a verify still running fails (cancel
     * it first). Releases the lock, so that another workbench can open the file.
     */
    @Override
    public void close() {
        context.close();
    }

    /** The stored head of the file. */
    record StoredInfo(AssessmentInfo info, String fileId, Instant createdAt) {
    }

    static StoredInfo readInfo(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT " + INFO_COLUMNS + " FROM assessment WHERE id = 1");
             ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                throw new StoreException("the assessment record is missing");
            }
            String type = rs.getString(5);
            int level = rs.getInt(6);
            AssessmentInfo info = new AssessmentInfo(rs.getString(3), rs.getString(4),
                    ComponentType.parse(type).orElseThrow(() -> new StoreException("unknown component type '" + type + "'")),
                    SecurityLevel.of(level).orElseThrow(() -> new StoreException("unknown target level " + level)),
                    rs.getString(7), rs.getString(8), rs.getString(9), date(rs.getString(10)), date(rs.getString(11)));
            return new StoredInfo(info, rs.getString(1), Times.parse(rs.getString(2)));
        }
    }

    /** Inserts the assessment record of a new file with its journal entry (the first one). */
    static void insertInfo(Tx tx, AssessmentInfo info, String fileId) throws SQLException {
        try (PreparedStatement insert = tx.prepare("INSERT INTO assessment (id, product, firmware_version, component_type, "
                + "target_sl, assessor, organization, catalog_version, start_date, end_date, file_id, created_at) "
                + "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindInfo(insert, 1, info);
            insert.setString(10, fileId);
            insert.setString(11, tx.nowText());
            insert.executeUpdate();
        }
        Details details = new Details().put("file_id", fileId).put("created_at", tx.nowText());
        tx.journal(JournalAction.ASSESSMENT_CREATE, "assessment", infoDetails(details, info), null);
    }

    private static void bindInfo(PreparedStatement statement, int first, AssessmentInfo info) throws SQLException {
        statement.setString(first, info.product());
        statement.setString(first + 1, info.firmwareVersion());
        statement.setString(first + 2, info.componentType().name());
        statement.setInt(first + 3, info.targetLevel().number());
        statement.setString(first + 4, info.assessor());
        statement.setString(first + 5, info.organization());
        statement.setString(first + 6, info.catalogVersion());
        statement.setString(first + 7, info.startDate().map(LocalDate::toString).orElse(null));
        statement.setString(first + 8, info.endDate().map(LocalDate::toString).orElse(null));
    }

    private static Details infoDetails(Details details, AssessmentInfo info) {
        return details.put("product", info.product()).put("firmware_version", info.firmwareVersion())
                .put("component_type", info.componentType().name()).put("target_sl", info.targetLevel().number())
                .put("assessor", info.assessor()).put("organization", info.organization())
                .put("catalog_version", info.catalogVersion())
                .put("start_date", info.startDate().map(LocalDate::toString).orElse(null))
                .put("end_date", info.endDate().map(LocalDate::toString).orElse(null));
    }

    private static Optional<LocalDate> date(String text) {
        return Optional.ofNullable(text).map(LocalDate::parse);
    }
}
