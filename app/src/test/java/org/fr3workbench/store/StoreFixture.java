package org.fr3workbench.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.SecurityLevel;

/** Shared helpers for store tests: real files in a temp folder, plain JDBC for tampering. */
public final class StoreFixture {

    public static final String ASSESSOR = "Alice Assessor";

    private StoreFixture() {
    }

    public static AssessmentFiles files() {
        return new AssessmentFiles(Clock.system(ZoneOffset.UTC));
    }

    public static AssessmentInfo info() {
        return AssessmentInfo.of("Gateway X200", ComponentType.EDR, SecurityLevel.SL2, ASSESSOR, "2026.11.0")
                .withFirmwareVersion("4.2.1").withOrganization("Example Labs");
    }

    public static AssessmentStore create(Path file) throws AssessmentFileException {
        return files().create(file, info(), ASSESSOR);
    }

    public static Evidence addText(AssessmentStore store, String requirementId, EvidenceKind kind, String name, String text)
            throws IOException {
        return store.evidence().add(NewEvidence.of(kind, requirementId, name, "text/plain; charset=utf-8", "caption of " + name,
                "test", Instant.parse("2026-11-27T10:00:00Z")), new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                ASSESSOR, ProgressMonitor.NONE);
    }

    /** A plain JDBC connection that bypasses the store, for tampering. */
    public static Connection raw(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    public static void sql(Path file, String... statements) throws SQLException {
        try (Connection c = raw(file); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    public static String sha256(InputStream in) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65_536];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
