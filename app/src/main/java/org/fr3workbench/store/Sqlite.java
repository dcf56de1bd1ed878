package org.fr3workbench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/** How FR3 connects to an assessment file; every connection of the store is made here. */
final class Sqlite {

    /** Page size of new files: large evidence chunks read about twice as fast as with 4 KiB pages (docs/benchmarks.md). */
    static final int PAGE_SIZE = 16_384;
    /** The write-ahead log is cut back to this size after a checkpoint (a large import can grow it to gigabytes). */
    static final int JOURNAL_SIZE_LIMIT = 64 * 1024 * 1024;
    private static final int BUSY_TIMEOUT_MS = 10_000;

    /** How a connection may use the file. */
    enum Mode {
        /** Reads and writes: WAL, synchronous=FULL, foreign keys, transactions that take the write lock at BEGIN. */
        WRITE,
        /** A writable file, used only for reading ({@code query_only}). */
        QUERY,
        /** A write-protected file that may still have a write-ahead log: SQLite's read-only mode. */
        READ_ONLY,
        /** A write-protected file without a write-ahead log: read as immutable, so nothing is created beside it. */
        IMMUTABLE
    }

    private Sqlite() {
    }

    static Connection connect(Path file, Mode mode) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        String query = "";
        switch (mode) {
            case WRITE, QUERY -> {
                config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
                config.setJournalSizeLimit(JOURNAL_SIZE_LIMIT);
                config.enforceForeignKeys(true);
                config.setTransactionMode(mode == Mode.WRITE ? SQLiteConfig.TransactionMode.IMMEDIATE
                        : SQLiteConfig.TransactionMode.DEFERRED);
            }
            case READ_ONLY -> {
                config.setReadOnly(true);
                query = "?mode=ro";
            }
            case IMMUTABLE -> {
                config.setReadOnly(true);
                query = "?immutable=1";
            }
            default -> throw new IllegalArgumentException(mode.name());
        }
        Connection connection = config.createConnection(url(file) + query);
        if (mode == Mode.QUERY) {
            try (var statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only = 1");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    /** A file: URI, so that any character in the path is passed through percent-encoded. */
    static String url(Path file) {
        return "jdbc:sqlite:" + file.toAbsolutePath().toUri();
    }
}
