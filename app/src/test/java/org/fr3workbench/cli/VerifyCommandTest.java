package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fr3workbench.App;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.StoreFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fr3 verify}: exit 0 intact, 1 with the first discrepancy in words, 2 for anything that is not an assessment. */
class VerifyCommandTest {

    private final App app = new App();

    @TempDir
    Path dir;

    private Path file;

    @BeforeEach
    void build() throws Exception {
        file = dir.resolve("x200.fr3");
        try (AssessmentStore store = StoreFixture.create(file)) {
            store.verdicts().set("CR 3.1", VerdictDecision.NOT_MET, "TLS 1.0 on 8443", "Alice");
            StoreFixture.addText(store, "CR 3.1", EvidenceKind.SCREENSHOT, "login.png", "pretend this is a PNG");
        }
    }

    @Test
    void anIntactFileExitsZero() throws Exception {
        String before = StoreFixture.sha256(file);
        Fr3Run run = Fr3Run.run(app, "verify", file.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("OK: " + file + " is intact: 3 journal entries chained");
        assertThat(StoreFixture.sha256(file)).isEqualTo(before);
        JsonNode json = new ObjectMapper().readTree(Fr3Run.run(app, "verify", file.toString(), "--json").out());
        assertThat(json.get("result").asText()).isEqualTo("intact");
        assertThat(json.get("firstDiscrepancy").isNull()).isTrue();
        assertThat(json.get("evidenceItems").asInt()).isEqualTo(1);
        assertThat(json.get("journalHead").asText()).hasSize(64);
    }

    @Test
    void aChangedBlobExitsOneNamingTheEvidence() throws Exception {
        StoreFixture.sql(file, "UPDATE evidence_chunk SET data = CAST('pretend this is a GIF' AS BLOB) WHERE evidence_id = 1");
        assertDiscrepancy("evidence-content", "evidence 1 (screenshot 'login.png') content does not match its recorded SHA-256");
    }

    @Test
    void aDeletedEvidenceRowExitsOne() throws Exception {
        StoreFixture.sql(file, "DELETE FROM evidence WHERE id = 1");
        assertDiscrepancy("missing-record", "journal entry 3 records evidence 1 (screenshot 'login.png'), but the file no longer "
                + "holds it");
    }

    @Test
    void aDeletedJournalEntryExitsOne() throws Exception {
        StoreFixture.sql(file, "DELETE FROM journal WHERE seq = 2");
        assertDiscrepancy("journal", "journal entry 2 is missing: journal entry 3 (evidence.add evidence 1 (screenshot "
                + "'login.png')) follows entry 1");
    }

    @Test
    void reorderedJournalEntriesExitOne() throws Exception {
        StoreFixture.sql(file, "UPDATE journal SET seq = 0 WHERE seq = 2", "UPDATE journal SET seq = 2 WHERE seq = 3",
                "UPDATE journal SET seq = 3 WHERE seq = 0");
        assertDiscrepancy("journal", "journal entry 2 (evidence.add evidence 1 (screenshot 'login.png')) was recorded as entry 3");
    }

    @Test
    void aVerdictChangedDirectlyExitsOne() throws Exception {
        StoreFixture.sql(file, "UPDATE verdict SET decision = 'met', rationale = 'fine' WHERE id = 1");
        assertDiscrepancy("record-mismatch", "verdict 1 on CR 3.1: decision is 'met' in the file, but the journal (entry 2) "
                + "recorded 'not-met'");
    }

    @Test
    void changedEvidenceMetadataExitsOne() throws Exception {
        StoreFixture.sql(file, "UPDATE evidence SET name = 'logout.png' WHERE id = 1");
        assertDiscrepancy("record-mismatch", "evidence 1 (screenshot 'logout.png'): name is 'logout.png' in the file, but the "
                + "journal (entry 3) recorded 'login.png'");
    }

    @Test
    void aTextFileExitsTwoUnchanged() throws Exception {
        Path text = Files.writeString(dir.resolve("readme.fr3"), "not an assessment");
        assertRefused(text, "'readme.fr3' is not an FR3 assessment file: it is not an SQLite database");
    }

    @Test
    void aForeignSqliteDatabaseExitsTwoUnchanged() throws Exception {
        Path foreign = dir.resolve("contacts.db");
        StoreFixture.sql(foreign, "CREATE TABLE contact (name TEXT)", "INSERT INTO contact VALUES ('Bob')");
        assertRefused(foreign, "'contacts.db' is not an FR3 assessment file: it is an SQLite database of another application");
    }

    @Test
    void aTruncatedAssessmentExitsTwoUnchanged() throws Exception {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 20_000);
        }
        assertRefused(file, "'x200.fr3' is damaged: it is truncated");
    }

    @Test
    void aMissingFileExitsTwo() {
        Fr3Run run = Fr3Run.run(app, "verify", dir.resolve("nope.fr3").toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("'nope.fr3' does not exist");
    }

    private void assertDiscrepancy(String check, String message) throws Exception {
        String before = StoreFixture.sha256(file);
        Fr3Run run = Fr3Run.run(app, "verify", file.toString());
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).startsWith("FAILED: " + file + ": " + message);
        Fr3Run json = Fr3Run.run(app, "verify", file.toString(), "--json");
        assertThat(json.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("result").asText()).isEqualTo("discrepancy");
        assertThat(report.get("firstDiscrepancy").asText()).startsWith(message);
        assertThat(report.at("/discrepancies/0/check").asText()).isEqualTo(check);
        assertThat(StoreFixture.sha256(file)).as("verify changes nothing").isEqualTo(before);
    }

    private void assertRefused(Path target, String message) throws Exception {
        String before = StoreFixture.sha256(target);
        Fr3Run run = Fr3Run.run(app, "verify", target.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("fr3: " + message);
        Fr3Run json = Fr3Run.run(app, "verify", target.toString(), "--json");
        assertThat(json.exit()).isEqualTo(2);
        assertThat(new ObjectMapper().readTree(json.out()).get("result").asText()).isEqualTo("refused");
        assertThat(StoreFixture.sha256(target)).as("file unchanged").isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-wal") || n.endsWith("-shm")
                    || n.endsWith("-lock")).toList()).isEmpty();
        }
    }
}
