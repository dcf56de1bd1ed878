package org.fr3workbench.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import org.fr3workbench.store.AssessmentFileException.Problem;

/**
 * The first 100 bytes of an SQLite database file, read with plain Java before SQLite touches the
 * file: a text file, a foreign database, a newer schema or a truncated file is refused on what
 * this header says, so that a refused file is never opened by SQLite and stays byte-for-byte
 * as it was (see https://www.sqlite.org/fileformat.html, "The Database Header").
 *
 * @param pageSize      bytes per page
 * @param pageCount     pages according to the header (valid only if {@code pageCountValid})
 * @param pageCountValid whether the in-header size is current
 * @param userVersion   {@code PRAGMA user_version}: the FR3 schema version
 * @param applicationId {@code PRAGMA application_id}
 * @param length        the file's length in bytes
 */
record FileHeader(int pageSize, long pageCount, boolean pageCountValid, int userVersion, int applicationId, long length) {

    /** {@code PRAGMA application_id} of every FR3 assessment file: the ASCII bytes 'FR3W'. */
    static final int FR3_APPLICATION_ID = 0x46523357;

    private static final int HEADER_LENGTH = 100;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Reads the header; refuses a file that is not an SQLite database at all. */
    static FileHeader read(Path file) throws AssessmentFileException {
        byte[] bytes = new byte[HEADER_LENGTH];
        int read;
        long length;
        try (InputStream in = Files.newInputStream(file)) {
            length = Files.size(file);
            read = in.readNBytes(bytes, 0, HEADER_LENGTH);
        } catch (IOException e) {
            throw new AssessmentFileException(file, Problem.UNREADABLE,
                    name(file) + " cannot be read: " + e.getMessage(), e);
        }
        if (read < MAGIC.length || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new AssessmentFileException(file, Problem.NOT_AN_ASSESSMENT,
                    name(file) + " is not an FR3 assessment file: it is not an SQLite database (" + describeStart(bytes, read) + ")");
        }
        if (read < HEADER_LENGTH) {
            throw new AssessmentFileException(file, Problem.DAMAGED,
                    name(file) + " is damaged: it is truncated to " + read + " bytes, shorter than an SQLite header");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        int rawPageSize = Short.toUnsignedInt(header.getShort(16));
        int pageSize = rawPageSize == 1 ? 65_536 : rawPageSize;
        long pageCount = Integer.toUnsignedLong(header.getInt(28));
        boolean countValid = header.getInt(24) == header.getInt(92) && pageCount > 0;
        return new FileHeader(pageSize, pageCount, countValid, header.getInt(60), header.getInt(68), length);
    }

    /** Refuses anything but a complete FR3 file of a schema this version can open. */
    void requireAssessment(Path file, int latestSchema) throws AssessmentFileException {
        if (applicationId != FR3_APPLICATION_ID) {
            String which = applicationId == 0 ? "it has no application id"
                    : "its application id is 0x" + HexFormat.of().toHexDigits(applicationId);
            throw new AssessmentFileException(file, Problem.FOREIGN_DATABASE, name(file)
                    + " is not an FR3 assessment file: it is an SQLite database of another application (" + which + ")");
        }
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            throw new AssessmentFileException(file, Problem.DAMAGED,
                    name(file) + " is damaged: its header declares an impossible page size of " + pageSize);
        }
        if (pageCountValid && length < pageCount * pageSize) {
            throw new AssessmentFileException(file, Problem.DAMAGED, name(file) + " is damaged: it is truncated ("
                    + length + " bytes, but its header declares " + pageCount + " pages of " + pageSize + " bytes)");
        }
        if (userVersion > latestSchema) {
            throw new AssessmentFileException(file, Problem.NEWER_SCHEMA, name(file)
                    + " was written by a newer FR3 Workbench (file schema " + userVersion
                    + ", this version reads schemas up to " + latestSchema + "): update FR3 Workbench to open it");
        }
        if (userVersion < 1) {
            throw new AssessmentFileException(file, Problem.DAMAGED,
                    name(file) + " is damaged: it was never completely created (schema version " + userVersion + ")");
        }
    }

    static String name(Path file) {
        Path name = file.getFileName();
        return "'" + (name == null ? file : name) + "'";
    }

    private static String describeStart(byte[] bytes, int read) {
        if (read == 0) {
            return "it is empty";
        }
        StringBuilder text = new StringBuilder();
        int printable = 0;
        int shown = Math.min(read, 16);
        for (int i = 0; i < shown; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f) {
                text.append((char) b);
                printable++;
            } else {
                text.append('.');
            }
        }
        if (printable * 4 >= shown * 3) {
            return "it starts with the text \"" + text + "\"";
        }
        return "it starts with the bytes " + HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(read, 8));
    }
}
