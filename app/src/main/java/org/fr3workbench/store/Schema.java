package org.fr3workbench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.fr3workbench.store.AssessmentFileException.Problem;
import org.sqlite.SQLiteDataSource;

/**
 * The file's schema: Flyway migrations in {@code db/migration}, each ending with
 * {@code PRAGMA user_version = N} so that the version is readable from the file header alone.
 */
final class Schema {

    /** The newest schema this version writes and reads; the highest migration {@code V<n>__*.sql}. */
    static final int LATEST = 2;

    private Schema() {
    }

    /** Applies the migrations a file lacks (all of them for a new file). */
    static void migrate(Path file) throws SQLException {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl(Sqlite.url(file));
        try {
            Flyway.configure(Schema.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new SQLException("schema migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * Checks what SQLite says about an opened file (the header may lag behind a write-ahead log).
     *
     * @return the file's schema version
     */
    static int check(Connection c, Path file) throws SQLException, AssessmentFileException {
        int applicationId = pragma(c, "application_id");
        if (applicationId != FileHeader.FR3_APPLICATION_ID) {
            throw new AssessmentFileException(file, Problem.FOREIGN_DATABASE, FileHeader.name(file)
                    + " is not an FR3 assessment file: its application id is " + applicationId);
        }
        int version = pragma(c, "user_version");
        if (version > LATEST) {
            throw new AssessmentFileException(file, Problem.NEWER_SCHEMA, FileHeader.name(file)
                    + " was written by a newer FR3 Workbench (file schema " + version + ", this version reads schemas up to "
                    + LATEST + "): update FR3 Workbench to open it");
        }
        int history = historyVersion(c, file);
        if (history != version) {
            throw new AssessmentFileException(file, Problem.DAMAGED, FileHeader.name(file) + " is damaged: its schema version "
                    + version + " does not match its migration history (version " + history + ")");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM journal")) {
            rs.next();
        }
        return version;
    }

    private static int historyVersion(Connection c, Path file) throws SQLException, AssessmentFileException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM flyway_schema_history "
                + "WHERE success = 1 AND version IS NOT NULL")) {
            int max = 0;
            while (rs.next()) {
                max = Math.max(max, Integer.parseInt(rs.getString(1).strip()));
            }
            return max;
        } catch (SQLException | NumberFormatException e) {
            throw new AssessmentFileException(file, Problem.DAMAGED, FileHeader.name(file)
                    + " is damaged: its schema history cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static int pragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }
}
