package org.fr3workbench.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connections of one open assessment file. Writes go through one connection, one transaction
 * per user action, one at a time; short reads share a second connection; every content stream
 * and every verify run gets its own connection, so that reading never waits for a long import.
 * Thread-safe; every method blocks the calling thread (never call it on the FX thread).
 */
final class StoreContext implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoreContext.class);

    /** Work on a connection. */
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work inside a write transaction that also reads a stream. */
    interface TxWork<T> {
        T run(Tx tx) throws SQLException, IOException;
    }

    /** Work inside a write transaction. */
    interface ChangeWork<T> {
        T run(Tx tx) throws SQLException;
    }

    private final Path file;
    private final Optional<String> readOnlyReason;
    private final Sqlite.Mode readMode;
    private final Clock clock;
    private final LockFile lockFile;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final ReentrantLock readLock = new ReentrantLock();
    private final Set<Connection> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * @param readOnlyReason why writes are refused, or empty for a writable file (then {@code lockFile} is held)
     * @param readMode       how reading connections are opened
     */
    StoreContext(Path file, Optional<String> readOnlyReason, Sqlite.Mode readMode, Clock clock, LockFile lockFile)
            throws SQLException {
        this.file = file;
        this.readOnlyReason = readOnlyReason;
        this.readMode = readMode;
        this.clock = clock;
        this.lockFile = lockFile;
        Connection write = null;
        try {
            write = readOnlyReason.isEmpty() ? Sqlite.connect(file, Sqlite.Mode.WRITE) : null;
            this.writer = write;
            this.reader = Sqlite.connect(file, readMode);
        } catch (SQLException e) {
            if (write != null) {
                write.close();
            }
            throw e;
        }
    }

    Path file() {
        return file;
    }

    Optional<String> readOnlyReason() {
        return readOnlyReason;
    }

    Clock clock() {
        return clock;
    }

    /** Runs a short read on the shared reading connection. */
    <T> T read(SqlWork<T> work) {
        readLock.lock();
        try {
            ensureOpen();
            return work.run(reader);
        } catch (SQLException e) {
            throw failure("read", e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * Runs one user action as one transaction: all of it is stored, with its journal entries, or
     * none of it. A {@link CancellationException} or any failure rolls back.
     */
    <T> T write(String actor, TxWork<T> work) throws IOException {
        if (readOnlyReason.isPresent()) {
            throw new ReadOnlyAssessmentException(FileHeader.name(file) + " is open read-only (" + readOnlyReason.get()
                    + "): the change was not saved");
        }
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("every change needs an actor (who made it)");
        }
        writeLock.lock();
        try {
            ensureOpen();
            writer.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.run(new Tx(writer, actor.strip(), clock.instant()));
                writer.commit();
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollback();
                }
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("save a change to", e);
        } finally {
            writeLock.unlock();
        }
    }

    /** {@link #write} for a change that reads no stream. */
    <T> T change(String actor, ChangeWork<T> work) {
        try {
            return write(actor, work::run);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("Rollback on {} failed", file, e);
        }
    }

    /** A connection of its own for a content stream or a verify run; give it back with {@link #release}. */
    Connection openStream() {
        ensureOpen();
        try {
            Connection connection = Sqlite.connect(file, readMode);
            streams.add(connection);
            return connection;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    void release(Connection connection) {
        if (streams.remove(connection)) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing a reading connection to {} failed", file, e);
            }
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException("Could not " + what + " " + FileHeader.name(file) + ": " + e.getMessage(), e);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(FileHeader.name(file) + " has been closed");
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Closes every connection (SQLite checkpoints and removes the write-ahead log) and then releases the lock. */
    @Override
    public void close() {
        if (closeKeepingLock() && lockFile != null) {
            lockFile.close();
        }
    }

    /**
     * Closes every connection but leaves the lock to whoever acquired it.
     *
     * @return false if it was closed already
     */
    boolean closeKeepingLock() {
        writeLock.lock();
        readLock.lock();
        try {
            if (closed) {
                return false;
            }
            closed = true;
            for (Connection stream : Set.copyOf(streams)) {
                release(stream);
            }
            closeQuietly(reader);
            closeQuietly(writer);
            return true;
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warn("Closing {} failed", file, e);
            }
        }
    }
}
