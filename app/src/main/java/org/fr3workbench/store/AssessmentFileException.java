package org.fr3workbench.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An assessment file could not be created or opened. The message names the file and says why in
 * words; the file is left exactly as it was.
 */
public final class AssessmentFileException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the file was refused. */
    public enum Problem {
        /** There is no such file. */
        NOT_FOUND,
        /** Not an SQLite database at all (a text file, an image ...). */
        NOT_AN_ASSESSMENT,
        /** An SQLite database of another application, or of none. */
        FOREIGN_DATABASE,
        /** Written by a newer FR3 Workbench with a schema this version does not know. */
        NEWER_SCHEMA,
        /** An FR3 file that is truncated, incomplete or structurally broken. */
        DAMAGED,
        /** Another FR3 Workbench (window or command) has the file open. */
        ALREADY_OPEN,
        /** {@code create} was asked for a file that exists. */
        ALREADY_EXISTS,
        /** The file cannot be written where a write is needed (e.g. a schema upgrade on read-only media). */
        NOT_WRITABLE,
        /** The operating system refused to read the file. */
        UNREADABLE
    }

    private final transient Path file;
    private final Problem problem;

    public AssessmentFileException(Path file, Problem problem, String message) {
        this(file, problem, message, null);
    }

    public AssessmentFileException(Path file, Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.file = Objects.requireNonNull(file, "file");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public Path file() {
        return file;
    }

    public Problem problem() {
        return problem;
    }
}
