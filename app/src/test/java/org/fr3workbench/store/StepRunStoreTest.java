package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.fr3workbench.domain.JournalEntry;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.StepRunState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepRunStoreTest {

    @TempDir
    Path dir;

    @Test
    void aRunIsStartedFinishedAndCannotFinishTwice() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            StepRun run = store.stepRuns().start("CR 3.4", "aide-tamper", "Alice");
            assertThat(run.state()).isEqualTo(StepRunState.RUNNING);
            StepRun done = store.stepRuns().finish(run.id(), StepOutcome.FAIL, "AIDE reported no change", "Alice");
            assertThat(done.outcome()).contains(StepOutcome.FAIL);
            assertThat(done.endedAt()).isPresent();
            assertThatThrownBy(() -> store.stepRuns().finish(run.id(), StepOutcome.PASS, "", "Alice"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("step run 1 (CR 3.4 / aide-tamper) is already finished");
            StepRun second = store.stepRuns().start("CR 3.4", "aide-tamper", "Alice");
            store.stepRuns().cancel(second.id(), "assessor stopped it", "Alice");
            assertThat(store.stepRuns().forRequirement("CR 3.4")).extracting(StepRun::state)
                    .containsExactly(StepRunState.FINISHED, StepRunState.CANCELLED);
            assertThatThrownBy(() -> store.stepRuns().finish(7, StepOutcome.PASS, "", "Alice"))
                    .hasMessage("there is no step run 7");
        }
    }

    @Test
    void aRunLeftRunningIsMarkedInterruptedWhenTheFileIsOpenedForWriting() throws Exception {
        Path file = dir.resolve("a.fr3");
        try (AssessmentStore store = StoreFixture.create(file)) {
            store.stepRuns().start("EDR 3.14", "boot-tampered-kernel", "Alice");
        }
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_ONLY)) {
            assertThat(store.stepRuns().get(1)).get().extracting(StepRun::state).isEqualTo(StepRunState.RUNNING);
        }
        try (AssessmentStore store = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
            StepRun run = store.stepRuns().get(1).orElseThrow();
            assertThat(run.state()).isEqualTo(StepRunState.INTERRUPTED);
            assertThat(run.outcome()).isEqualTo(Optional.empty());
            JournalEntry head = store.journal().head().orElseThrow();
            assertThat(head.action()).isEqualTo("step.interrupt");
            assertThat(head.actor()).isEqualTo(AssessmentFiles.SYSTEM_ACTOR);
            assertThat(store.verify(ProgressMonitor.NONE).isClean()).isTrue();
        }
    }
}
