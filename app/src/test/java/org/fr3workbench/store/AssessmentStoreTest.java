package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.HostKeyPin;
import org.fr3workbench.domain.JournalEntry;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.StepRunState;
import org.fr3workbench.domain.TargetIdentity;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.domain.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssessmentStoreTest {

    @TempDir
    Path dir;

    @Test
    void recordsEverythingAndReadsItBackAfterReopening() throws Exception {
        Path file = dir.resolve("x200.fr3");
        long runId;
        try (AssessmentStore store = StoreFixture.create(file)) {
            store.setTarget(new TargetIdentity("ssh://root@192.0.2.7:22", "SHA256:abc", "NAME=CIP", "SN-1"), "Alice");
            store.verdicts().set("CR 3.1", VerdictDecision.NOT_MET, "no TLS on port 443", "Alice");
            store.verdicts().set("CR 3.1", VerdictDecision.MET, "fixed in 4.2.2", "Bob");
            StepRun run = store.stepRuns().start("CR 3.1", "openssl-version", "Alice");
            runId = run.id();
            StoreFixture.addText(store, "CR 3.1", EvidenceKind.TRANSCRIPT, "openssl version", "OpenSSL 3.0.15");
            store.stepRuns().finish(run.id(), StepOutcome.PASS, "", "Alice");
            store.hostKeyPins().pin("192.0.2.7", 22, "ssh-ed25519", "SHA256:abc", "Alice");
            store.updateInfo(store.info().withFirmwareVersion("4.2.2"), "Alice");
        }
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
            AssessmentInfo info = store.info();
            assertThat(info.product()).isEqualTo("Gateway X200");
            assertThat(info.firmwareVersion()).isEqualTo("4.2.2");
            assertThat(info.componentType()).isEqualTo(ComponentType.EDR);
            assertThat(info.targetLevel()).isEqualTo(SecurityLevel.SL2);
            assertThat(store.target()).get().extracting(TargetIdentity::serialNumber).isEqualTo("SN-1");
            List<Verdict> history = store.verdicts().history("CR 3.1");
            assertThat(history).extracting(Verdict::decision).containsExactly(VerdictDecision.NOT_MET, VerdictDecision.MET);
            assertThat(history).extracting(Verdict::actor).containsExactly("Alice", "Bob");
            assertThat(store.verdicts().current()).containsOnlyKeys("CR 3.1");
            assertThat(store.stepRuns().get(runId)).get().extracting(StepRun::state, StepRun::outcome)
                    .containsExactly(StepRunState.FINISHED, java.util.Optional.of(StepOutcome.PASS));
            assertThat(store.hostKeyPins().find("192.0.2.7", 22)).get().extracting(HostKeyPin::fingerprint)
                    .isEqualTo("SHA256:abc");
            Evidence evidence = store.evidence().page(EvidenceQuery.forRequirement("CR 3.1"), 0, 10).getFirst();
            assertThat(evidence.stepRunId()).isEmpty();
            try (InputStream in = store.evidence().open(evidence.id())) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("OpenSSL 3.0.15");
            }
            List<JournalEntry> journal = store.journal().page(1, 100);
            assertThat(journal).extracting(JournalEntry::action).containsExactly("assessment.create", "target.set",
                    "verdict.set", "verdict.set", "step.start", "evidence.add", "step.finish", "hostkey.pin",
                    "assessment.update");
            assertThat(journal.get(5).evidenceSha256()).contains(evidence.sha256());
            VerificationReport report = store.verify(ProgressMonitor.NONE);
            assertThat(report.discrepancies()).isEmpty();
            assertThat(report.journalEntries()).isEqualTo(9);
            assertThat(report.journalHead()).isEqualTo(journal.getLast().hash());
        }
    }

    @Test
    void notApplicableNeedsARationaleAndNothingIsStoredWithout() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            assertThatThrownBy(() -> store.verdicts().set("CR 3.3", VerdictDecision.NOT_APPLICABLE, "  ", "Alice"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a rationale");
            assertThat(store.verdicts().all()).isEmpty();
            assertThat(store.journal().size()).isEqualTo(1);
        }
    }
}
