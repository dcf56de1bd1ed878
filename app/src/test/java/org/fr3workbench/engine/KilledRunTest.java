package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.StepRunState;
import org.fr3workbench.store.StoreFixture;
import org.fr3workbench.testsupport.ChildJvm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Killing the workbench during an intrusive step: reopened, the step is interrupted and its cleanup is offered. */
class KilledRunTest {

    @TempDir
    Path dir;

    @Test
    void killedDuringAnIntrusiveStepLeavesItInterruptedWithItsCleanupPending() throws Exception {
        Path file = dir.resolve("killed.fr3");
        StoreFixture.create(file).close();
        Path flag = dir.resolve("watched-file");
        Process child = ChildJvm.start(IntrusiveStepMain.class, dir.resolve("child.err"), file.toString(), flag.toString());
        try {
            BufferedReader out = ChildJvm.output(child);
            String line = out.readLine();
            while (line != null && !line.startsWith("started change")) {
                line = out.readLine();
            }
            assertThat(line).as(Files.readString(dir.resolve("child.err"))).isEqualTo("started change the watched file");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!Files.exists(flag) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(flag).exists();
        } finally {
            List<ProcessHandle> sleepers = child.descendants().toList();
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);   // SIGKILL: no finally block runs in the child
            sleepers.forEach(ProcessHandle::destroyForcibly);
        }
        ProcedureLibrary library = new ProcedureLibrary("test", Map.of(),
                Map.of("CR 3.4", new Procedure("CR 3.4", List.of(IntrusiveStepMain.step()))));
        try (RunnerFixture reopened = new RunnerFixture(dir, List.of(), file)) {
            List<StepRun> runs = reopened.store.stepRuns().all();
            assertThat(runs).singleElement().satisfies(run -> {
                assertThat(run.stepId()).isEqualTo("tamper");
                assertThat(run.state()).isEqualTo(StepRunState.INTERRUPTED);
            });
            assertThat(reopened.store.evidence().page(org.fr3workbench.store.EvidenceQuery.all(), 0, 10))
                    .as("the tool check's transcript was stored before the kill").isNotEmpty();
            List<PendingCleanup> pending = reopened.runner.pendingCleanups(library);
            assertThat(pending).singleElement().satisfies(p -> {
                assertThat(p.run().id()).isEqualTo(runs.getFirst().id());
                assertThat(p.why()).isEqualTo("the workbench stopped while the step was running");
            });
            StepContext context = new StepContext("CR 3.4", Optional.of(reopened.laptop), reopened.laptop,
                    Map.of("flag", flag.toString()), "Alice", IntrusiveConsent.NEVER);
            StepResult cleanup = reopened.runner.runCleanup(context, pending.getFirst(), StepListener.NONE,
                    Cancellation.create());
            assertThat(cleanup.outcome()).isEqualTo(StepOutcome.PASS);
            assertThat(flag).doesNotExist();
            assertThat(reopened.runner.pendingCleanups(library)).isEmpty();
        }
    }
}
