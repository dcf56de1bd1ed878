package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.store.AssessmentFileException.Problem;
import org.fr3workbench.testsupport.ChildJvm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentFilesTest {

    @TempDir
    Path dir;

    @AfterEach
    void makeWritableForCleanup() throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.toList()) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwx------" : "rw-------"));
            }
        }
    }

    @Test
    void newFileIsAnFr3DatabaseInWalModeWithItsSchemaVersion() throws Exception {
        Path file = dir.resolve("a.fr3");
        StoreFixture.create(file).close();
        try (Connection c = StoreFixture.raw(file); var s = c.createStatement()) {
            assertThat(pragma(s, "application_id")).isEqualTo("1179792215");
            assertThat(pragma(s, "user_version")).isEqualTo(String.valueOf(Schema.LATEST));
            assertThat(pragma(s, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(s, "page_size")).isEqualTo(String.valueOf(Sqlite.PAGE_SIZE));
        }
        assertThat(siblings()).containsExactly("a.fr3");
    }

    @Test
    void createNeverOverwritesAFile() throws Exception {
        Path file = dir.resolve("a.fr3");
        Files.writeString(file, "my thesis");
        assertThatThrownBy(() -> StoreFixture.create(file)).isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("'a.fr3' already exists")
                .extracting(e -> ((AssessmentFileException) e).problem()).isEqualTo(Problem.ALREADY_EXISTS);
        assertThat(Files.readString(file)).isEqualTo("my thesis");
    }

    @Test
    void createInAMissingFolderSaysSo() {
        assertThatThrownBy(() -> StoreFixture.create(dir.resolve("no/such/a.fr3")))
                .isInstanceOf(AssessmentFileException.class).hasMessageContaining("does not exist");
    }

    @Test
    void createInAWriteProtectedFolderSaysSo() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("archive"));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        assertThatThrownBy(() -> StoreFixture.create(folder.resolve("a.fr3")))
                .isInstanceOf(AssessmentFileException.class)
                .hasMessageContaining("'a.fr3' cannot be created in ")
                .hasMessageEndingWith(": it is write-protected (r-xr-xr-x)");
        try (var list = Files.list(folder)) {
            assertThat(list.toList()).isEmpty();
        }
    }

    @Test
    void refusesATextFileUntouched() throws Exception {
        Path file = dir.resolve("notes.fr3");
        Files.writeString(file, "Meeting notes: bring the serial cable\n");
        assertRefused(file, Problem.NOT_AN_ASSESSMENT, "'notes.fr3' is not an FR3 assessment file: it is not an SQLite "
                + "database (it starts with the text \"Meeting notes: b\")");
    }

    @Test
    void refusesAnEmptyFile() throws Exception {
        Path file = dir.resolve("empty.fr3");
        Files.createFile(file);
        assertRefused(file, Problem.NOT_AN_ASSESSMENT, "it is empty");
    }

    @Test
    void refusesAForeignSqliteDatabaseWithoutApplicationId() throws Exception {
        Path file = dir.resolve("foreign.db");
        StoreFixture.sql(file, "CREATE TABLE t (x)", "INSERT INTO t VALUES (1)");
        assertRefused(file, Problem.FOREIGN_DATABASE, "is an SQLite database of another application (it has no application id)");
    }

    @Test
    void refusesASqliteDatabaseOfAnotherApplication() throws Exception {
        Path file = dir.resolve("places.sqlite");
        StoreFixture.sql(file, "PRAGMA application_id = 1234", "CREATE TABLE journal (x)", "PRAGMA user_version = 1");
        assertRefused(file, Problem.FOREIGN_DATABASE, "its application id is 0x000004d2");
    }

    @Test
    void refusesAFileOfANewerSchema() throws Exception {
        Path file = dir.resolve("future.fr3");
        StoreFixture.create(file).close();
        StoreFixture.sql(file, "PRAGMA user_version = 7");
        assertRefused(file, Problem.NEWER_SCHEMA, "was written by a newer FR3 Workbench (file schema 7, this version reads "
                + "schemas up to " + Schema.LATEST + ")");
    }

    @Test
    void refusesATruncatedFile() throws Exception {
        Path file = dir.resolve("cut.fr3");
        try (AssessmentStore store = StoreFixture.create(file)) {
            StoreFixture.addText(store, "CR 3.1", EvidenceKind.NOTE, "n", "x".repeat(100_000));
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() / 2);
        }
        assertRefused(file, Problem.DAMAGED, "'cut.fr3' is damaged: it is truncated");
    }

    @Test
    void refusesAFileWhoseSchemaPageIsOverwritten() throws Exception {
        Path file = dir.resolve("scrambled.fr3");
        StoreFixture.create(file).close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(100);
            byte[] garbage = new byte[Sqlite.PAGE_SIZE - 100];
            java.util.Arrays.fill(garbage, (byte) 0x5a);
            raf.write(garbage);
        }
        assertRefused(file, Problem.DAMAGED, "'scrambled.fr3' is damaged: SQLite reports ");
    }

    @Test
    void refusesAFileCutInsideItsHeader() throws Exception {
        Path file = dir.resolve("stub.fr3");
        StoreFixture.create(file).close();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(60);
        }
        assertRefused(file, Problem.DAMAGED, "shorter than an SQLite header");
    }

    @Test
    void aSecondOpenInTheSameProcessIsRefusedUntilTheFirstCloses() throws Exception {
        Path file = dir.resolve("a.fr3");
        try (AssessmentStore first = StoreFixture.create(file)) {
            for (AssessmentFiles.Access access : AssessmentFiles.Access.values()) {
                assertThatThrownBy(() -> StoreFixture.files().open(file, access))
                        .isInstanceOf(AssessmentFileException.class)
                        .hasMessageContaining("'a.fr3' is already open in this FR3 Workbench (pid "
                                + ProcessHandle.current().pid() + ")")
                        .extracting(e -> ((AssessmentFileException) e).problem()).isEqualTo(Problem.ALREADY_OPEN);
            }
            first.verdicts().set("CR 3.1", VerdictDecision.MET, "ok", "Alice");
        }
        try (AssessmentStore again = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
            assertThat(again.verdicts().current()).containsKey("CR 3.1");
        }
        assertThat(siblings()).containsExactly("a.fr3");
    }

    @Test
    void aFileOpenInAnotherProcessIsRefusedNamingItsPid() throws Exception {
        Path file = dir.resolve("a.fr3");
        StoreFixture.create(file).close();
        Process child = ChildJvm.start(LockHolderMain.class, dir.resolve("child.err"), file.toString());
        try {
            BufferedReader out = ChildJvm.output(child);
            String line = out.readLine();
            assertThat(line).as("child stderr: %s", Files.readString(dir.resolve("child.err"))).startsWith("opened ");
            assertThatThrownBy(() -> StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE))
                    .isInstanceOf(AssessmentFileException.class)
                    .hasMessageContaining("'a.fr3' is already open in another FR3 Workbench (pid " + child.pid() + " on ");
            String hash = StoreFixture.sha256(file);
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(LockFile.pathFor(file.toRealPath())).exists();
            try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
                assertThat(store.verify(ProgressMonitor.NONE).isClean()).isTrue();
            }
            assertThat(hash).isNotEmpty();
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aWriteProtectedFileOpensReadOnlyRefusesChangesAndStaysUntouched() throws Exception {
        Path file = dir.resolve("archive.fr3");
        try (AssessmentStore store = StoreFixture.create(file)) {
            StoreFixture.addText(store, "CR 3.1", EvidenceKind.TRANSCRIPT, "uname", "Linux cip 6.1");
        }
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        String before = StoreFixture.sha256(file);
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
            assertThat(store.isReadOnly()).isTrue();
            assertThat(store.readOnlyReason()).contains("the file is write-protected (r--r--r--)");
            assertThat(store.evidence().count(EvidenceQuery.all())).isEqualTo(1);
            assertThat(store.verify(ProgressMonitor.NONE).isClean()).isTrue();
            assertThatThrownBy(() -> store.verdicts().set("CR 3.1", VerdictDecision.MET, "ok", "Alice"))
                    .isInstanceOf(ReadOnlyAssessmentException.class)
                    .hasMessage("'archive.fr3' is open read-only (the file is write-protected (r--r--r--)): the change "
                            + "was not saved");
        }
        assertThat(StoreFixture.sha256(file)).isEqualTo(before);
        assertThat(siblings()).containsExactly("archive.fr3");
    }

    @Test
    void aFileInAWriteProtectedFolderOpensReadOnly() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("cdrom"));
        Path file = folder.resolve("a.fr3");
        StoreFixture.create(file).close();
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        String before = StoreFixture.sha256(file);
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
            assertThat(store.readOnlyReason()).contains("its folder is write-protected (r-xr-xr-x)");
            assertThat(store.info().product()).isEqualTo("Gateway X200");
            assertThatThrownBy(() -> store.stepRuns().start("CR 3.1", "s", "Alice"))
                    .isInstanceOf(ReadOnlyAssessmentException.class);
        }
        assertThat(StoreFixture.sha256(file)).isEqualTo(before);
        try (var list = Files.list(folder)) {
            assertThat(list.map(p -> p.getFileName().toString()).toList()).containsExactly("a.fr3");
        }
    }

    @Test
    void readOnlyAccessRefusesChangesOnAWritableFile() throws Exception {
        Path file = dir.resolve("a.fr3");
        StoreFixture.create(file).close();
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_ONLY)) {
            assertThat(store.readOnlyReason()).contains("it was opened for reading only");
            assertThatThrownBy(() -> store.verdicts().set("CR 3.1", VerdictDecision.MET, "ok", "Alice"))
                    .isInstanceOf(ReadOnlyAssessmentException.class);
        }
    }

    private void assertRefused(Path file, Problem problem, String message) throws Exception {
        String before = StoreFixture.sha256(file);
        List<String> siblings = siblings();
        for (AssessmentFiles.Access access : AssessmentFiles.Access.values()) {
            assertThatThrownBy(() -> StoreFixture.files().open(file, access))
                    .isInstanceOf(AssessmentFileException.class)
                    .hasMessageContaining(message)
                    .extracting(e -> ((AssessmentFileException) e).problem()).isEqualTo(problem);
        }
        assertThat(StoreFixture.sha256(file)).as("file unchanged").isEqualTo(before);
        assertThat(siblings()).as("nothing created beside it").isEqualTo(siblings);
    }

    private List<String> siblings() throws IOException {
        try (var list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String pragma(java.sql.Statement s, String name) throws java.sql.SQLException {
        try (var rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
