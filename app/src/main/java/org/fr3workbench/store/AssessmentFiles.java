package org.fr3workbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.store.AssessmentFileException.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and opens assessment files ({@code *.fr3}, docs/assessment-file.md). A file that is not
 * an FR3 assessment, a newer one, or a damaged one is refused with a message in words and left
 * untouched; a file that another FR3 Workbench has open is refused naming its process; a file on
 * read-only media opens read-only. Calls block: run them off the FX thread.
 */
public final class AssessmentFiles {

    /** The actor of changes the workbench makes by itself (marking interrupted step runs). */
    public static final String SYSTEM_ACTOR = "FR3 Workbench";

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentFiles.class);

    /** How a file is opened. */
    public enum Access {
        /** Changes allowed (unless the file is write-protected: then it opens read-only and says so). */
        READ_WRITE,
        /** Nothing is changed; still one workbench at a time. */
        READ_ONLY
    }

    private final Clock clock;

    /** @param clock the time of every journal entry */
    public AssessmentFiles(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a new assessment file and opens it for writing. The file appears complete or not at
     * all: it is built beside its final name and moved into place.
     *
     * @param actor who creates it (the first journal entry names them)
     * @throws AssessmentFileException if the file exists, or its folder does not or cannot be written
     */
    public AssessmentStore create(Path file, AssessmentInfo info, String actor) throws AssessmentFileException {
        Objects.requireNonNull(info, "info");
        Path absolute = file.toAbsolutePath().normalize();
        Path folder = realFolder(absolute);
        Path target = folder.resolve(absolute.getFileName().toString());
        if (Files.exists(target)) {
            throw new AssessmentFileException(target, Problem.ALREADY_EXISTS, FileHeader.name(target)
                    + " already exists: choose another name (an existing assessment is never overwritten)");
        }
        Optional<String> protection = WriteProtection.folderReason(folder);
        if (protection.isPresent()) {
            throw new AssessmentFileException(target, Problem.NOT_WRITABLE, FileHeader.name(target)
                    + " cannot be created in " + folder + ": " + protection.get());
        }
        LockFile lock = LockFile.acquire(target);
        Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".creating");
        try {
            if (Files.exists(target)) {
                throw new AssessmentFileException(target, Problem.ALREADY_EXISTS, FileHeader.name(target) + " already exists");
            }
            initialise(temp, info, actor);
            moveIntoPlace(temp, target);
            return openLocked(target, Access.READ_WRITE, lock);
        } catch (AssessmentFileException | RuntimeException e) {
            lock.close();
            throw e;
        } catch (SQLException | IOException e) {
            lock.close();
            throw new AssessmentFileException(target, Problem.NOT_WRITABLE, FileHeader.name(target)
                    + " could not be created in " + folder + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(temp);
        }
    }

    /**
     * Opens an existing assessment file.
     *
     * @throws AssessmentFileException if the file is missing, not an FR3 assessment, newer, damaged or open elsewhere
     */
    public AssessmentStore open(Path file, Access access) throws AssessmentFileException {
        Path real = requireAssessmentFile(file);
        boolean writable = WriteProtection.reason(real).isEmpty();
        LockFile lock = writable ? LockFile.acquire(real) : null;
        try {
            return openLocked(real, access, lock);
        } catch (AssessmentFileException | RuntimeException e) {
            if (lock != null) {
                lock.close();
            }
            throw e;
        }
    }

    /**
     * Checks a file with plain Java, without opening it with SQLite (e.g. for a list of recent files
     * or a dropped file): is it a complete FR3 assessment of a schema this version reads?
     *
     * @return the file's real path
     */
    public Path requireAssessmentFile(Path file) throws AssessmentFileException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new AssessmentFileException(file, Problem.NOT_FOUND, FileHeader.name(file) + " does not exist ("
                    + file.toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new AssessmentFileException(file, Problem.UNREADABLE, FileHeader.name(file) + " cannot be read: "
                    + e.getMessage(), e);
        }
        if (!Files.isRegularFile(real)) {
            throw new AssessmentFileException(real, Problem.NOT_AN_ASSESSMENT, FileHeader.name(real)
                    + " is not an FR3 assessment file: it is not a regular file");
        }
        FileHeader.read(real).requireAssessment(real, Schema.LATEST);
        return real;
    }

    private AssessmentStore openLocked(Path real, Access access, LockFile lock) throws AssessmentFileException {
        Optional<String> protection = WriteProtection.reason(real);
        Optional<String> readOnly = protection.isPresent() || access == Access.READ_WRITE ? protection
                : Optional.of("it was opened for reading only");
        Sqlite.Mode readMode = protection.isEmpty() ? Sqlite.Mode.QUERY
                : hasWriteAheadLog(real) ? Sqlite.Mode.READ_ONLY : Sqlite.Mode.IMMUTABLE;
        StoreContext context;
        try {
            context = new StoreContext(real, readOnly, readMode, clock, lock);
        } catch (SQLException e) {
            throw damaged(real, protection, e);
        }
        try {
            int version = context.read(c -> checkSchema(c, real));
            if (version < Schema.LATEST) {
                if (readOnly.isPresent()) {
                    throw new AssessmentFileException(real, Problem.NOT_WRITABLE, FileHeader.name(real) + " uses schema "
                            + version + " and must be upgraded to schema " + Schema.LATEST + ", but " + readOnly.get()
                            + ": open it from a writable folder once");
                }
                Schema.migrate(real);
            }
            AssessmentStore store = new AssessmentStore(context);
            if (readOnly.isEmpty()) {
                int interrupted = store.stepRuns().markInterrupted(SYSTEM_ACTOR);
                if (interrupted > 0) {
                    LOG.info("{} step run(s) in {} were interrupted", interrupted, real);
                }
            }
            return store;
        } catch (SQLException | StoreException e) {
            context.closeKeepingLock();
            throw damaged(real, protection, e);
        } catch (AssessmentFileException | RuntimeException e) {
            context.closeKeepingLock();
            throw e;
        }
    }

    private static int checkSchema(Connection c, Path real) throws SQLException {
        try {
            return Schema.check(c, real);
        } catch (AssessmentFileException e) {
            throw new SchemaCheckFailed(e);
        }
    }

    /** Carries a refusal out of a {@link StoreContext.SqlWork}. */
    private static final class SchemaCheckFailed extends SQLException {
        private static final long serialVersionUID = 1L;

        SchemaCheckFailed(AssessmentFileException cause) {
            super(cause.getMessage(), cause);
        }

        @Override
        public synchronized AssessmentFileException getCause() {
            return (AssessmentFileException) super.getCause();
        }
    }

    private static AssessmentFileException damaged(Path real, Optional<String> protection, Exception e) {
        Throwable cause = e.getCause() instanceof SchemaCheckFailed failed ? failed.getCause() : e;
        if (cause instanceof AssessmentFileException refusal) {
            return refusal;
        }
        if (protection.isPresent() && hasWriteAheadLog(real)) {
            return new AssessmentFileException(real, Problem.NOT_WRITABLE, FileHeader.name(real) + " cannot be read: "
                    + protection.get() + " and its last changes are still in " + real.getFileName()
                    + "-wal; copy both files to a writable folder and open the copy", e);
        }
        Throwable sqlite = e;
        while (!(sqlite instanceof SQLException) && sqlite.getCause() != null) {
            sqlite = sqlite.getCause();
        }
        return new AssessmentFileException(real, Problem.DAMAGED, FileHeader.name(real) + " is damaged: SQLite reports "
                + sqlite.getMessage(), e);
    }

    private void initialise(Path temp, AssessmentInfo info, String actor) throws SQLException, IOException {
        try (Connection c = new org.sqlite.SQLiteConfig().createConnection(Sqlite.url(temp));
             Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size = " + Sqlite.PAGE_SIZE);
            s.execute("PRAGMA application_id = " + FileHeader.FR3_APPLICATION_ID);
            s.execute("PRAGMA journal_mode = WAL");
        }
        Schema.migrate(temp);
        try (StoreContext context = new StoreContext(temp, Optional.empty(), Sqlite.Mode.QUERY, clock, null)) {
            String fileId = UUID.randomUUID().toString();
            context.write(actor, tx -> {
                AssessmentStore.insertInfo(tx, info, fileId);
                return null;
            });
        }
    }

    private static void moveIntoPlace(Path temp, Path target) throws IOException, AssessmentFileException {
        if (Files.exists(target)) {
            throw new AssessmentFileException(target, Problem.ALREADY_EXISTS, FileHeader.name(target) + " already exists");
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target);
        }
        try (FileChannel folder = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException e) {
            LOG.debug("Cannot sync folder {} (not supported on every system)", target.getParent(), e);
        }
    }

    private static Path realFolder(Path absolute) throws AssessmentFileException {
        Path parent = absolute.getParent();
        if (parent == null || absolute.getFileName() == null) {
            throw new AssessmentFileException(absolute, Problem.NOT_FOUND, absolute + " is not a file name");
        }
        try {
            return parent.toRealPath();
        } catch (IOException e) {
            throw new AssessmentFileException(absolute, Problem.NOT_FOUND, FileHeader.name(absolute)
                    + " cannot be created: the folder " + parent + " does not exist", e);
        }
    }

    private static boolean hasWriteAheadLog(Path real) {
        Path wal = real.resolveSibling(real.getFileName() + "-wal");
        try {
            return Files.exists(wal) && Files.size(wal) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    private static void deleteQuietly(Path temp) {
        for (String suffix : new String[] {"", "-wal", "-shm", "-journal"}) {
            try {
                Files.deleteIfExists(temp.resolveSibling(temp.getFileName() + suffix));
            } catch (IOException e) {
                LOG.warn("Cannot delete {}{}", temp, suffix, e);
            }
        }
    }
}
