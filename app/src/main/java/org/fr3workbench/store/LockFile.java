package org.fr3workbench.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.fr3workbench.store.AssessmentFileException.Problem;

/**
 * Keeps an assessment file to one FR3 Workbench at a time: an exclusive OS lock on
 * {@code NAME.fr3-lock} beside it, which names the holder's process id for the message a second
 * opener gets. The OS releases the lock when the holder dies, so a lock file left behind by a crash
 * does not block anyone. (The database file itself is not locked from Java: closing any descriptor
 * of a file drops all of a process's POSIX locks on it, SQLite's included.)
 */
final class LockFile implements AutoCloseable {

    /** Lock files held by this process; POSIX locks are per process, so a second open here is caught first. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();
    private static final int ATTEMPTS = 5;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private LockFile(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    static Path pathFor(Path database) {
        return database.resolveSibling(database.getFileName() + "-lock");
    }

    /** Takes the lock for a database file (given as its real path), or says who holds it. */
    static LockFile acquire(Path database) throws AssessmentFileException {
        Path path = pathFor(database);
        if (!HELD.add(path)) {
            throw alreadyOpen(database, "this FR3 Workbench (pid " + ProcessHandle.current().pid() + ")");
        }
        try {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                LockFile taken = tryOnce(database, path);
                if (taken != null) {
                    return taken;
                }
            }
            throw new AssessmentFileException(database, Problem.ALREADY_OPEN, FileHeader.name(database)
                    + " could not be locked: its lock file " + path.getFileName() + " keeps changing");
        } catch (AssessmentFileException | RuntimeException e) {
            HELD.remove(path);
            throw e;
        }
    }

    /**
     * One attempt. The lock file is never opened twice by this process: closing any descriptor of a
     * file drops the process's POSIX locks on it. Whether the locked file is still the one at the
     * path (a holder deletes it when it closes) is checked by comparing file keys (device and inode).
     */
    private static LockFile tryOnce(Path database, Path path) throws AssessmentFileException {
        FileChannel channel = null;
        try {
            try {
                Files.createFile(path);
            } catch (FileAlreadyExistsException ignored) {
                // a holder's file, or one left by a crash: the OS lock decides
            }
            Object before = fileKey(path);
            try {
                channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                return null;
            }
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw alreadyOpen(database, "another FR3 Workbench (" + holderOf(path) + ")");
            }
            if (before == null || !before.equals(fileKey(path))) {
                lock.release();
                channel.close();
                return null;
            }
            String content = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since " + Instant.now() + "\n";
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new LockFile(path, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new AssessmentFileException(database, Problem.UNREADABLE, FileHeader.name(database)
                    + " cannot be locked for writing: " + path + ": " + e.getMessage(), e);
        }
    }

    private static Object fileKey(Path path) {
        try {
            Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
            return key != null ? key : path;
        } catch (IOException e) {
            return null;
        }
    }

    private static AssessmentFileException alreadyOpen(Path database, String holder) {
        return new AssessmentFileException(database, Problem.ALREADY_OPEN, FileHeader.name(database)
                + " is already open in " + holder + ": close it there first");
    }

    /** The first line of another process's lock file: {@code pid N on HOST since TIME}. */
    private static String holderOf(Path path) {
        try {
            String first = Files.readString(path, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
            return first.isEmpty() ? "pid unknown" : first;
        } catch (IOException e) {
            return "pid unknown";
        }
    }

    private static String hostName() {
        String name = ManagementFactory.getRuntimeMXBean().getName();
        int at = name.indexOf('@');
        return at >= 0 ? name.substring(at + 1) : "this host";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /** Deletes the lock file while still holding the lock, then releases it. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock in any case
        } finally {
            closeQuietly(channel);
            HELD.remove(path);
        }
    }
}
