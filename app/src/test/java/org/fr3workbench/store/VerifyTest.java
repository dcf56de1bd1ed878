package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.fr3workbench.domain.Discrepancy;
import org.fr3workbench.domain.Discrepancy.Kind;
import org.fr3workbench.domain.VerificationReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tampers with a file behind the store's back (plain JDBC, raw bytes) and checks what verify says. */
class VerifyTest {

    @TempDir
    static Path templates;

    @TempDir
    Path dir;

    Path file;

    @BeforeAll
    static void buildOnce() throws Exception {
        TamperedFile.build(templates.resolve("x200.fr3"));
    }

    @BeforeEach
    void copy() throws Exception {
        file = Files.copy(templates.resolve("x200.fr3"), dir.resolve("x200.fr3"));
    }

    @Test
    void anUntouchedFileIsClean() throws Exception {
        List<long[]> progress = new ArrayList<>();
        VerificationReport report;
        try (AssessmentStore store = open()) {
            report = store.verify((done, total) -> progress.add(new long[] {done, total}));
            assertThat(report.journalHead()).isEqualTo(store.journal().head().orElseThrow().hash());
        }
        assertThat(report.discrepancies()).isEmpty();
        assertThat(report.journalEntries()).isEqualTo(14);
        assertThat(report.evidenceItems()).isEqualTo(3);
        long bytes = TamperedFile.SCREENSHOT_SIZE + "TLSv1.3 enabled".length() + "EXT4-fs (mmcblk0p2): mounted".length();
        assertThat(report.evidenceBytes()).isEqualTo(bytes);
        assertThat(progress.getLast()).containsExactly(bytes, bytes);
    }

    @Test
    void aChangedBlobByteIsFound() throws Exception {
        TamperedFile.flipChunkByte(file, 2, 1, 100);
        assertFirst(Kind.EVIDENCE_CONTENT, "evidence 2 (screenshot 'login.png') content does not match its recorded SHA-256");
    }

    @Test
    void aByteChangedInTheRawFileIsFound() throws Exception {
        byte[] content = "EXT4-fs (mmcblk0p2): mounted".getBytes(StandardCharsets.UTF_8);
        byte[] raw = Files.readAllBytes(file);
        int at = indexOf(raw, content);
        assertThat(at).as("content stored as is in the file").isPositive();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            f.write('e');
        }
        assertFirst(Kind.EVIDENCE_CONTENT, "evidence 3 (transcript 'dmesg') content does not match its recorded SHA-256");
    }

    @Test
    void aDeletedEvidenceRowIsFound() throws Exception {
        StoreFixture.sql(file, "DELETE FROM evidence WHERE id = 2");
        assertFirst(Kind.MISSING_RECORD, "journal entry 7 records evidence 2 (screenshot 'login.png'), but the file no "
                + "longer holds it");
    }

    @Test
    void aDeletedEvidenceChunkIsFound() throws Exception {
        StoreFixture.sql(file, "DELETE FROM evidence_chunk WHERE evidence_id = 2 AND seq = 1");
        assertFirst(Kind.EVIDENCE_CONTENT, "evidence 2 (screenshot 'login.png') content is incomplete: part 1 is missing");
    }

    @Test
    void aDeletedJournalEntryIsFound() throws Exception {
        StoreFixture.sql(file, "DELETE FROM journal WHERE seq = 4");
        assertFirst(Kind.JOURNAL, "journal entry 4 is missing: journal entry 5 (step.start step run 1 (CR 3.1 / tls-scan)) "
                + "follows entry 3");
    }

    @Test
    void aDeletedAndRenumberedJournalEntryIsFound() throws Exception {
        StoreFixture.sql(file, "DELETE FROM journal WHERE seq = 4", "UPDATE journal SET seq = seq - 1 WHERE seq > 4");
        assertFirst(Kind.JOURNAL, "journal entry 4 (step.start step run 1 (CR 3.1 / tls-scan)) was recorded as entry 5: "
                + "entries were moved or removed");
    }

    @Test
    void aDeletedLastJournalEntryLeavesAnUnjournaledRecord() throws Exception {
        StoreFixture.sql(file, "DELETE FROM journal WHERE seq = 14");
        assertFirst(Kind.UNJOURNALED_RECORD, "parameter update-image has no journal entry: it was written outside FR3 Workbench");
    }

    @Test
    void aParameterChangedDirectlyIsFound() throws Exception {
        StoreFixture.sql(file, "UPDATE parameter SET value = '/tmp/evil.swu' WHERE name = 'update-image'");
        assertFirst(Kind.RECORD_MISMATCH, "parameter update-image: value is '/tmp/evil.swu' in the file, but the journal "
                + "(entry 14) recorded '/home/alice/images/valid.swu'");
    }

    @Test
    void aDeletedOrResurrectedParameterIsFound() throws Exception {
        StoreFixture.sql(file, "DELETE FROM parameter WHERE name = 'update-image'",
                "INSERT INTO parameter (name, value, set_by, set_at) VALUES ('aide-config', '/tmp/a.conf', 'Mallory', "
                        + "'2026-11-27T12:00:00.000Z')");
        try (AssessmentStore store = open()) {
            assertThat(store.verify(ProgressMonitor.NONE).discrepancies()).extracting(Discrepancy::message).containsExactly(
                    "journal entry 14 records parameter update-image, but the file no longer holds it",
                    "parameter aide-config has no journal entry: it was written outside FR3 Workbench");
        }
    }

    @Test
    void reorderedJournalEntriesAreFound() throws Exception {
        StoreFixture.sql(file, "UPDATE journal SET seq = -3 WHERE seq = 3", "UPDATE journal SET seq = 3 WHERE seq = 6",
                "UPDATE journal SET seq = 6 WHERE seq = -3");
        assertFirst(Kind.JOURNAL, "journal entry 3 (evidence.add evidence 1 (transcript 'sslscan 192.0.2.7:443')) was "
                + "recorded as entry 6: entries were moved or removed");
    }

    @Test
    void anEditedJournalEntryIsFound() throws Exception {
        StoreFixture.sql(file, "UPDATE journal SET details = replace(details, 'not-met', 'met') WHERE seq = 2");
        assertFirst(Kind.JOURNAL, "journal entry 2 (verdict.set CR 3.1) has been altered: its content does not match its hash");
    }

    @Test
    void aVerdictChangedDirectlyIsFound() throws Exception {
        StoreFixture.sql(file, "UPDATE verdict SET decision = 'met' WHERE id = 1");
        assertFirst(Kind.RECORD_MISMATCH, "verdict 1 on CR 3.1: decision is 'met' in the file, but the journal (entry 2) "
                + "recorded 'not-met'");
    }

    @Test
    void aVerdictAddedDirectlyIsFound() throws Exception {
        StoreFixture.sql(file, "INSERT INTO verdict (requirement_id, decision, rationale, actor, decided_at) "
                + "VALUES ('CR 3.5', 'met', 'fuzzed', 'Mallory', '2026-11-27T12:00:00.000Z')");
        assertFirst(Kind.UNJOURNALED_RECORD, "verdict 4 on CR 3.5 has no journal entry: it was written outside FR3 Workbench");
    }

    @Test
    void changedEvidenceMetadataIsFound() throws Exception {
        StoreFixture.sql(file, "UPDATE evidence SET caption = 'login page (old firmware)' WHERE id = 2");
        assertFirst(Kind.RECORD_MISMATCH, "evidence 2 (screenshot 'login.png'): caption is 'login page (old firmware)' in the "
                + "file, but the journal (entry 7) recorded 'login page served over TLS 1.3'");
    }

    @Test
    void aSwappedScreenshotWithAMatchingHashIsStillFound() throws Exception {
        StoreFixture.sql(file, "UPDATE evidence SET sha256 = '" + "ab".repeat(32) + "' WHERE id = 2");
        assertFirst(Kind.RECORD_MISMATCH, "evidence 2 (screenshot 'login.png'): sha256 is '" + "ab".repeat(32)
                + "' in the file");
    }

    @Test
    void changedAssessmentInfoAndTargetAndStepRunsAreFound() throws Exception {
        StoreFixture.sql(file, "UPDATE assessment SET target_sl = 1", "UPDATE target SET serial_number = 'SN-8'",
                "UPDATE step_run SET outcome = 'fail'", "UPDATE host_key_pin SET fingerprint = 'SHA256:evil'");
        try (AssessmentStore store = open()) {
            assertThat(store.verify(ProgressMonitor.NONE).discrepancies()).extracting(Discrepancy::message).containsExactly(
                    "the assessment record: target sl is '1' in the file, but the journal (entry 1) recorded '2'",
                    "the target identity: serial number is 'SN-8' in the file, but the journal (entry 4) recorded 'SN-7'",
                    "step run 1 (CR 3.1 / tls-scan): outcome is 'fail' in the file, but the journal (entry 9) recorded 'pass'",
                    "the host key pin for 192.0.2.7:22: fingerprint is 'SHA256:evil' in the file, but the journal (entry 10) "
                            + "recorded 'SHA256:k'");
        }
    }

    @Test
    void aDroppedTableIsAStructuralDiscrepancy() throws Exception {
        StoreFixture.sql(file, "DROP TABLE verdict");
        assertFirst(Kind.STRUCTURE, "the table verdict cannot be read: ");
    }

    @Test
    void verifyCanBeCancelled() throws Exception {
        AtomicLong calls = new AtomicLong();
        try (AssessmentStore store = open()) {
            assertThatThrownBy(() -> store.verify(new ProgressMonitor() {
                @Override
                public void progress(long done, long total) {
                    calls.incrementAndGet();
                }

                @Override
                public boolean isCancelled() {
                    return calls.get() >= 1;
                }
            })).isInstanceOf(CancellationException.class);
            assertThat(store.verify(ProgressMonitor.NONE).isClean()).as("usable after a cancelled verify").isTrue();
        }
    }

    private AssessmentStore open() throws AssessmentFileException {
        return StoreFixture.files().open(file, AssessmentFiles.Access.READ_ONLY);
    }

    private void assertFirst(Kind kind, String message) throws Exception {
        try (AssessmentStore store = open()) {
            Discrepancy first = store.verify(ProgressMonitor.NONE).first().orElseThrow(
                    () -> new AssertionError("verify found nothing"));
            assertThat(first.message()).startsWith(message);
            assertThat(first.kind()).isEqualTo(kind);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
