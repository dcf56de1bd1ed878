package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fr3workbench.App;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.JournalEntry;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;
import org.fr3workbench.store.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fr3 new, attach, verdict, status} through the real command line on real files. */
class AssessmentCommandsTest {

    private final App app = new App();

    @TempDir
    Path dir;

    private Path newAssessment() {
        Path file = dir.resolve("x200.fr3");
        Fr3Run run = Fr3Run.run(app, "new", file.toString(), "--product", "Gateway X200", "--component-type", "edr",
                "--target-sl", "2", "--assessor", "Alice Assessor", "--organization", "Example Labs", "--firmware", "4.2.1",
                "--start-date", "2026-11-23");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Created ", "x200.fr3: Gateway X200 4.2.1 (EDR, target SL 2), assessor Alice Assessor");
        return file;
    }

    @Test
    void newRecordsTheAssessmentAndTheCatalogVersion() throws Exception {
        Path file = newAssessment();
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_ONLY)) {
            assertThat(store.info().catalogVersion()).isEqualTo(app.catalog().version());
            assertThat(store.info().organization()).isEqualTo("Example Labs");
            assertThat(store.info().startDate()).contains(java.time.LocalDate.of(2026, 11, 23));
            assertThat(store.journal().head().orElseThrow().actor()).isEqualTo("Alice Assessor");
        }
    }

    @Test
    void newRefusesBadInputAndAnExistingFile() throws Exception {
        Path file = newAssessment();
        String before = StoreFixture.sha256(file);
        Fr3Run again = Fr3Run.run(app, "new", file.toString(), "--product", "P", "--component-type", "EDR", "--target-sl", "1",
                "--assessor", "Bob");
        assertThat(again.exit()).isEqualTo(2);
        assertThat(again.err()).contains("fr3: 'x200.fr3' already exists");
        assertThat(StoreFixture.sha256(file)).isEqualTo(before);
        Fr3Run level = Fr3Run.run(app, "new", dir.resolve("b.fr3").toString(), "--product", "P", "--component-type", "EDR",
                "--target-sl", "5", "--assessor", "Bob");
        assertThat(level.exit()).isEqualTo(2);
        assertThat(level.err()).contains("'--target-sl': 5 is not a security level (1 to 4)");
        Fr3Run type = Fr3Run.run(app, "new", dir.resolve("b.fr3").toString(), "--product", "P", "--component-type", "PLC",
                "--target-sl", "1", "--assessor", "Bob");
        assertThat(type.exit()).isEqualTo(2);
        assertThat(type.err()).contains("--component-type", "PLC");
        assertThat(dir.resolve("b.fr3")).doesNotExist();
    }

    @Test
    void attachStoresTheFileWithItsHashAndCaption() throws Exception {
        Path file = newAssessment();
        Path screenshot = dir.resolve("login.png");
        Files.write(screenshot, new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        Fr3Run run = Fr3Run.run(app, "attach", file.toString(), "CR 3.1", screenshot.toString(), "--caption", "login page",
                "--kind", "screenshot", "--actor", "Bob");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("Attached evidence 1 (screenshot 'login.png') to CR 3.1: 7 bytes, SHA-256 "
                + StoreFixture.sha256(screenshot));
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_ONLY)) {
            Evidence evidence = store.evidence().get(1).orElseThrow();
            assertThat(evidence.kind()).isEqualTo(EvidenceKind.SCREENSHOT);
            assertThat(evidence.mediaType()).isEqualTo("image/png");
            assertThat(evidence.caption()).isEqualTo("login page");
            assertThat(evidence.source()).contains(screenshot.toString());
            assertThat(store.journal().head().orElseThrow().actor()).isEqualTo("Bob");
        }
    }

    @Test
    void attachRefusesAnUnknownRequirementAMissingFileAndAnUnknownKind() throws Exception {
        Path file = newAssessment();
        Path log = Files.writeString(dir.resolve("boot.log"), "U-Boot 2024.01");
        String before = StoreFixture.sha256(file);
        Fr3Run unknown = Fr3Run.run(app, "attach", file.toString(), "CR 9.9", log.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("fr3: unknown requirement 'CR 9.9' in catalog");
        Fr3Run missing = Fr3Run.run(app, "attach", file.toString(), "CR 3.1", dir.resolve("nope.log").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot attach", "nope.log", "does not exist");
        Fr3Run kind = Fr3Run.run(app, "attach", file.toString(), "CR 3.1", log.toString(), "--kind", "video");
        assertThat(kind.exit()).isEqualTo(2);
        assertThat(kind.err()).contains("'video' is not an evidence kind");
        assertThat(StoreFixture.sha256(file)).isEqualTo(before);
    }

    @Test
    void verdictKeepsHistoryAndDefaultsTheActorToTheAssessor() throws Exception {
        Path file = newAssessment();
        Fr3Run first = Fr3Run.run(app, "verdict", file.toString(), "cr 3.1", "--not-met", "--rationale", "TLS 1.0 offered");
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.out()).startsWith("CR 3.1: Not met (by Alice Assessor at ");
        Fr3Run second = Fr3Run.run(app, "verdict", file.toString(), "CR 3.1", "--met", "--rationale", "fixed", "--actor", "Bob");
        assertThat(second.exit()).isZero();
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_ONLY)) {
            List<Verdict> history = store.verdicts().history("CR 3.1");
            assertThat(history).extracting(Verdict::decision).containsExactly(VerdictDecision.NOT_MET, VerdictDecision.MET);
            assertThat(history).extracting(Verdict::actor).containsExactly("Alice Assessor", "Bob");
            assertThat(store.journal().page(1, 10)).extracting(JournalEntry::action)
                    .containsExactly("assessment.create", "verdict.set", "verdict.set");
        }
    }

    @Test
    void verdictNeedsExactlyOneDecisionAndARationaleForNa() throws Exception {
        Path file = newAssessment();
        Fr3Run none = Fr3Run.run(app, "verdict", file.toString(), "CR 3.1", "--rationale", "x");
        assertThat(none.exit()).isEqualTo(2);
        Fr3Run two = Fr3Run.run(app, "verdict", file.toString(), "CR 3.1", "--met", "--na", "--rationale", "x");
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("mutually exclusive");
        Fr3Run blank = Fr3Run.run(app, "verdict", file.toString(), "CR 3.1", "--na", "--rationale", " ");
        assertThat(blank.exit()).isEqualTo(2);
        assertThat(blank.err()).contains("--na needs a rationale");
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_ONLY)) {
            assertThat(store.verdicts().all()).isEmpty();
        }
    }

    @Test
    void statusJsonShowsInfoVerdictsCountsAndWhatBlocksSl1() throws Exception {
        Path file = newAssessment();
        Path log = Files.writeString(dir.resolve("scan.txt"), "TLSv1.0 enabled");
        assertThat(Fr3Run.run(app, "attach", file.toString(), "CR 3.1", log.toString()).exit()).isZero();
        assertThat(Fr3Run.run(app, "verdict", file.toString(), "CR 3.1", "--not-met", "--rationale", "TLS 1.0").exit()).isZero();
        Fr3Run run = Fr3Run.run(app, "status", file.toString(), "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode status = new ObjectMapper().readTree(run.out());
        assertThat(status.at("/assessment/product").asText()).isEqualTo("Gateway X200");
        assertThat(status.at("/assessment/componentType").asText()).isEqualTo("EDR");
        assertThat(status.at("/assessment/targetSl").asInt()).isEqualTo(2);
        assertThat(status.at("/assessment/catalogVersion").asText()).isEqualTo(app.catalog().version());
        assertThat(status.get("target").isNull()).isTrue();
        JsonNode cr31 = status.get("verdicts").get(0);
        assertThat(cr31.get("requirement").asText()).isEqualTo("CR 3.1");
        assertThat(cr31.get("decision").asText()).isEqualTo("not-met");
        assertThat(cr31.get("actor").asText()).isEqualTo("Alice Assessor");
        assertThat(status.at("/counts/evidence").asInt()).isEqualTo(1);
        assertThat(status.at("/counts/evidenceBytes").asInt()).isEqualTo(15);
        assertThat(status.at("/counts/not-met").asInt()).isEqualTo(1);
        assertThat(status.at("/counts/journalEntries").asInt()).isEqualTo(3);
        assertThat(status.at("/slc/achieved").asInt()).isZero();
        assertThat(status.at("/slc/nextLevel").asInt()).isEqualTo(1);
        assertThat(status.at("/slc/blockers/0/requirement").asText()).isEqualTo("CR 3.1");
        assertThat(status.at("/slc/blockers/0/decision").asText()).isEqualTo("not-met");
        assertThat(status.get("journalHead").asText()).hasSize(64);
        Fr3Run text = Fr3Run.run(app, "status", file.toString());
        assertThat(text.out()).contains("SL-C(FR 3)   none (SL 1 not reached)", "CR 3.1            1   not-met");
    }

    @Test
    void aWriteProtectedFileCanBeShownButNotChanged() throws Exception {
        Path file = newAssessment();
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        String before = StoreFixture.sha256(file);
        Fr3Run change = Fr3Run.run(app, "verdict", file.toString(), "CR 3.1", "--met", "--rationale", "x");
        assertThat(change.exit()).isEqualTo(2);
        assertThat(change.err()).contains("fr3: 'x200.fr3' is open read-only (the file is write-protected (r--r--r--)): "
                + "the change was not saved");
        assertThat(Fr3Run.run(app, "status", file.toString()).exit()).isZero();
        assertThat(Fr3Run.run(app, "verify", file.toString()).exit()).isZero();
        assertThat(StoreFixture.sha256(file)).isEqualTo(before);
    }

    @Test
    void aFileOpenInTheGuiIsRefusedByCommands() throws Exception {
        Path file = newAssessment();
        try (AssessmentStore gui = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
            Fr3Run run = Fr3Run.run(app, "verdict", file.toString(), "CR 3.1", "--met", "--rationale", "x");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.err()).contains("is already open in this FR3 Workbench (pid " + ProcessHandle.current().pid());
            assertThat(gui.evidence().count(EvidenceQuery.all())).isZero();
        }
    }
}
