package org.fr3workbench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fr3workbench.engine.Steps.cmd;
import static org.fr3workbench.engine.Steps.command;
import static org.fr3workbench.engine.Steps.contains;
import static org.fr3workbench.engine.Steps.exit;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.local.LocalChannel;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepLocation;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRunState;
import org.fr3workbench.store.AssessmentStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against the assessor's own machine (LocalChannel) and a real assessment file. */
class StepRunnerTest {

    static final String REQ = "CR 3.4";

    @TempDir
    Path dir;
    RunnerFixture fixture;
    LocalChannel laptop;
    AssessmentStore store;
    StepRunner runner;

    @BeforeEach
    void open() throws Exception {
        fixture = new RunnerFixture(dir, List.of());
        laptop = fixture.laptop;
        store = fixture.store;
        runner = fixture.runner;
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    StepContext context(Map<String, String> parameters, IntrusiveConsent consent) {
        return new StepContext(REQ, Optional.of(laptop), laptop, parameters, "Alice", consent);
    }

    static String text(AssessmentStore store, Evidence evidence) throws Exception {
        try (InputStream in = store.evidence().open(evidence.id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void passingCommandStoresItsTranscriptWithTheStepRun() throws Exception {
        Step step = command("echo-hello", StepLocation.LAPTOP, cmd("greeting", "echo hello {{who}}", List.of(exit(0),
                contains("hello world"))));
        StepResult result = runner.run(context(Map.of("who", "world"), IntrusiveConsent.NEVER), step, StepListener.NONE,
                Cancellation.create());
        assertThat(result.outcome()).isEqualTo(StepOutcome.PASS);
        assertThat(result.run().state()).isEqualTo(StepRunState.FINISHED);
        assertThat(result.commands()).singleElement().satisfies(report -> {
            assertThat(report.renderedCommand()).isEqualTo("echo hello world");
            assertThat(report.exitCode()).hasValue(0);
            assertThat(report.checks()).extracting(ExpectationCheck::held).containsExactly(true, true);
        });
        assertThat(result.evidence()).singleElement().satisfies(e -> {
            assertThat(e.stepRunId()).contains(result.run().id());
            assertThat(e.requirementId()).isEqualTo(REQ);
        });
        assertThat(text(store, result.evidence().getFirst())).contains("$ echo hello world", "hello world\n", "exit code 0");
        assertThat(store.stepRuns().get(result.run().id()).orElseThrow().outcome()).contains(StepOutcome.PASS);
    }

    @Test
    void firstExpectationThatDoesNotHoldDecidesFail() {
        Step step = command("grep-x", StepLocation.LAPTOP, cmd("look", "echo abc; exit 3", List.of(contains("abc"),
                exit(0), contains("zzz"))));
        StepResult result = runner.run(context(Map.of(), IntrusiveConsent.NEVER), step, StepListener.NONE, Cancellation.create());
        assertThat(result.outcome()).isEqualTo(StepOutcome.FAIL);
        assertThat(result.reason()).isEqualTo("look: exit code in [0]: the exit code was 3");
        assertThat(result.commands().getFirst().checks()).extracting(ExpectationCheck::observed)
                .containsExactly("held", "the exit code was 3", "not found");
    }

    @Test
    void missingToolIsInconclusiveWithGuidance() {
        Step step = command("needs-tool", StepLocation.LAPTOP, true, List.of("sh", "no-such-tool-fr3"),
                List.of(cmd("never", "touch " + dir.resolve("ran"), List.of())), List.of(cmd("undo", "true", List.of())));
        StepResult result = runner.run(context(Map.of(), IntrusiveConsent.ALWAYS), step, StepListener.NONE,
                Cancellation.create());
        assertThat(result.outcome()).isEqualTo(StepOutcome.INCONCLUSIVE);
        assertThat(result.reason()).isEqualTo("no-such-tool-fr3 is not installed on the assessor's machine. "
                + "Show it some other way.");
        assertThat(dir.resolve("ran")).doesNotExist();
        assertThat(result.cleanup()).isEmpty();
    }

    @Test
    void refusedConsentSkipsTheIntrusiveStep() {
        Path touched = dir.resolve("touched");
        Step step = command("change", StepLocation.LAPTOP, true, List.of(), List.of(cmd("touch", "touch {{f}}", List.of())),
                List.of(cmd("undo", "rm -f {{f}}", List.of())));
        StepResult result = runner.run(context(Map.of("f", touched.toString()), IntrusiveConsent.NEVER), step,
                StepListener.NONE, Cancellation.create());
        assertThat(result.outcome()).isEqualTo(StepOutcome.SKIPPED);
        assertThat(result.reason()).isEqualTo(StepRunner.NOT_ALLOWED);
        assertThat(touched).doesNotExist();
    }

    @Test
    void captureFeedsLaterCommandsAndRunsAsAnotherUser() {
        Step step = command("cap", StepLocation.LAPTOP, Steps.capture("mark", "echo '  v-42  '", "t0"),
                cmd("use", "echo got {{t0}}", List.of(contains("got v-42"))),
                Steps.asUser("whoami", "id -un", "{{account}}", List.of(contains("nobody"))));
        StepResult result = runner.run(context(Map.of("account", "nobody"), IntrusiveConsent.NEVER), step,
                StepListener.NONE, Cancellation.create());
        assertThat(result.commands().get(2).renderedCommand()).isEqualTo("su -s /bin/sh nobody -c 'id -un'");
        assertThat(result.outcome()).as(result.reason()).isEqualTo(StepOutcome.INCONCLUSIVE);
        assertThat(result.captured()).containsEntry("t0", "v-42");
    }

    @Test
    void timeoutIsAnErrorWithTheReason() {
        Step step = command("slow", StepLocation.LAPTOP, cmd("sleeper", "sleep 20", Duration.ofSeconds(1), List.of(exit(0))));
        StepResult result = runner.run(context(Map.of(), IntrusiveConsent.NEVER), step, StepListener.NONE, Cancellation.create());
        assertThat(result.outcome()).isEqualTo(StepOutcome.ERROR);
        assertThat(result.reason()).isEqualTo("sleeper: timed out after 1 s");
        assertThat(result.commands().getFirst().how()).isEqualTo(CommandOutcome.TIMED_OUT);
        assertThat(result.evidence()).hasSize(1);
    }

    @Test
    void failedCleanupIsPendingUntilRunCleanupSucceeds() throws Exception {
        Path flag = dir.resolve("flag");
        Path fixed = dir.resolve("fixed");
        Step.Command step = command("tamper", StepLocation.LAPTOP, true, List.of(),
                List.of(cmd("change", "touch {{flag}}", List.of(exit(0)))),
                List.of(cmd("restore", "test -e {{fixed}} && rm {{flag}}", List.of())));
        ProcedureLibrary library = new ProcedureLibrary("t", Map.of(), Map.of(REQ, new Procedure(REQ, List.of(step))));
        Map<String, String> values = Map.of("flag", flag.toString(), "fixed", fixed.toString());
        StepResult result = runner.run(context(values, IntrusiveConsent.ALWAYS), step, StepListener.NONE,
                Cancellation.create());
        assertThat(result.outcome()).isEqualTo(StepOutcome.PASS);
        assertThat(result.reason()).contains("the cleanup is pending");
        assertThat(flag).exists();
        List<PendingCleanup> pending = runner.pendingCleanups(library);
        assertThat(pending).singleElement().satisfies(p -> {
            assertThat(p.run().id()).isEqualTo(result.run().id());
            assertThat(p.why()).isEqualTo("the cleanup failed: restore: exit code 1");
        });
        Files.createFile(fixed);
        StepResult cleanup = runner.runCleanup(context(values, IntrusiveConsent.ALWAYS), pending.getFirst(),
                StepListener.NONE, Cancellation.create());
        assertThat(cleanup.outcome()).isEqualTo(StepOutcome.PASS);
        assertThat(cleanup.run().stepId()).isEqualTo("tamper/cleanup");
        assertThat(flag).doesNotExist();
        assertThat(runner.pendingCleanups(library)).isEmpty();
    }

    @Test
    void cancelDuringAnIntrusiveStepStillRunsItsCleanup() throws Exception {
        Path flag = dir.resolve("flag");
        Step.Command step = command("tamper", StepLocation.LAPTOP, true, List.of(),
                List.of(cmd("change and wait", "touch {{flag}} && sleep 30", List.of(exit(0)))),
                List.of(cmd("restore", "rm -f {{flag}}", List.of())));
        Cancellation cancellation = Cancellation.create();
        StepListener cancelWhenStarted = new StepListener() {
            @Override
            public void commandStarted(String label, String renderedCommand) {
                Thread.ofVirtual().start(() -> {
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (!Files.exists(flag) && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    cancellation.cancel();
                });
            }
        };
        StepResult result = runner.run(context(Map.of("flag", flag.toString()), IntrusiveConsent.ALWAYS), step,
                cancelWhenStarted, cancellation);
        assertThat(result.outcome()).isEqualTo(StepOutcome.ERROR);
        assertThat(result.run().state()).isEqualTo(StepRunState.CANCELLED);
        assertThat(result.cleanup()).singleElement().satisfies(c -> assertThat(c.exitCode()).hasValue(0));
        assertThat(flag).doesNotExist();
        assertThat(result.evidence()).hasSize(2);
    }

    @Test
    void unknownProbeIsInconclusive() {
        StepResult result = runner.run(context(Map.of(), IntrusiveConsent.NEVER), Steps.probe("scan", "tls-scan", Map.of()),
                StepListener.NONE, Cancellation.create());
        assertThat(result.outcome()).isEqualTo(StepOutcome.INCONCLUSIVE);
        assertThat(result.reason()).isEqualTo("probe tls-scan is not available in this version");
    }

    @Test
    void attestAndSkipAreRecorded() {
        StepResult attested = runner.attest(context(Map.of(), IntrusiveConsent.NEVER), Steps.instruction("look"),
                StepOutcome.PASS, "seen the seal");
        assertThat(attested.run().outcome()).contains(StepOutcome.PASS);
        assertThat(attested.evidence()).singleElement().satisfies(e -> assertThat(e.stepRunId()).contains(attested.run().id()));
        StepResult skipped = runner.skip(context(Map.of(), IntrusiveConsent.NEVER), Steps.instruction("look"), "no time");
        assertThat(skipped.run().outcome()).contains(StepOutcome.SKIPPED);
        assertThat(skipped.run().reason()).isEqualTo("no time");
    }
}
