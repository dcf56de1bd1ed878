package org.fr3workbench.ui.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fr3workbench.App;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.local.LocalChannel;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.StepRunState;
import org.fr3workbench.engine.ProbeRegistry;
import org.fr3workbench.engine.StepRunner;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;
import org.fr3workbench.ui.WorkbenchApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The step runner in the real window with the real engine: CR 3.4 with a procedure whose commands run on this machine
 * through {@code LocalChannel} (standing in for the device), a real assessment file and real background threads.
 */
@ExtendWith(ApplicationExtension.class)
class StepRunnerViewTest {

    private static final Preferences PREFS = Preferences.userRoot().node("fr3workbench-test/step-runner");
    private static final Catalog CATALOG = new App().catalog();

    @TempDir
    static Path dir;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final ExecutorService io = Executors.newCachedThreadPool();
    private final boolean slowPolicyStep;
    private Stage stage;
    private Path file;
    private WorkbenchApplication workbench;

    /** A test marked with this gets a second step that runs for a minute unless it is cancelled. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface SlowPolicyStep {
    }

    StepRunnerViewTest(TestInfo test) {
        slowPolicyStep = test.getTestMethod().map(m -> m.isAnnotationPresent(SlowPolicyStep.class)).orElse(false);
    }

    @Start
    void start(Stage shown) throws Exception {
        stage = shown;
        Files.createDirectories(dir.resolve("spool"));
        LocalChannel local = new DeviceConnections(dir.resolve("spool"), Clock.systemUTC(), io).local();
        ProcedureLibrary library = slowPolicyStep
                ? SampleProcedures.cr34(CATALOG, dir.resolve("tampered"), "echo 'reading the policy'; sleep 60; echo 'never printed'")
                : SampleProcedures.cr34(CATALOG, dir.resolve("tampered"));
        file = dir.resolve("steps-" + System.nanoTime() + ".fr3");
        try (AssessmentStore created = new AssessmentFiles(Clock.systemUTC()).create(file, AssessmentInfo.of("Acme GW",
                ComponentType.EDR, SecurityLevel.SL2, "Dana Assessor", CATALOG.version()), "Dana Assessor")) {
            assertThat(created.file()).exists();
        }
        workbench = new WorkbenchApplication(new WorkbenchApplication.Services(() -> CATALOG, background,
                new AssessmentFiles(Clock.systemUTC())).withSteps(() -> library, (store, device) -> new EngineStepService(
                new StepRunner(store, new ProbeRegistry(List.of()), Clock.systemUTC()), () -> library, local,
                () -> Optional.of(local))), PREFS);
        workbench.show(shown);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        background.shutdownNow();
        io.shutdownNow();
    }

    @AfterAll
    static void forgetPreferences() throws BackingStoreException {
        PREFS.removeNode();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private ListView<StepItem> steps(FxRobot robot) {
        return robot.lookup(".step-list").queryAs(ListView.class);
    }

    private StepItem item(FxRobot robot, int index) {
        return steps(robot).getItems().get(index);
    }

    private void openCr34(FxRobot robot) throws Exception {
        robot.interact(() -> workbench.actions().open(file));
        waitUntil(() -> robot.lookup(".assessment-title").queryAs(Label.class).getText().contains("Acme GW"));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            javafx.scene.control.TreeView<org.fr3workbench.ui.requirements.NavItem> tree =
                    robot.lookup(".requirements-tree").queryAs(javafx.scene.control.TreeView.class);
            tree.getRoot().getChildren().stream().flatMap(family -> family.getChildren().stream())
                    .filter(i -> i.getValue() instanceof org.fr3workbench.ui.requirements.NavItem.Entry e
                            && e.requirement().id().equals("CR 3.4"))
                    .findFirst().ifPresent(i -> tree.getSelectionModel().select(i));
        });
        robot.interact(() -> robot.lookup(".requirement-tabs").queryAs(TabPane.class).getSelectionModel().select(1));
        waitUntil(() -> steps(robot).getItems().size() == 5);
        waitUntil(() -> !robot.lookup("#runButton").queryAs(Button.class).isDisabled());
    }

    private void keys(FxRobot robot, KeyCode... codes) {
        robot.interact(stage::requestFocus);
        robot.press(codes);
        for (int i = codes.length - 1; i >= 0; i--) {
            robot.release(codes[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes the window and opens its file again once the window's store worker has released it. */
    private AssessmentStore reopen(FxRobot robot) throws Exception {
        robot.interact(() -> {
            stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        });
        AssessmentStore[] opened = new AssessmentStore[1];
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                opened[0] = new AssessmentFiles(Clock.systemUTC()).open(file, AssessmentFiles.Access.READ_ONLY);
                return true;
            } catch (org.fr3workbench.store.AssessmentFileException stillOpen) {
                return false;
            }
        });
        return opened[0];
    }

    @Test
    void runPassAndFailWithLiveOutputEvidenceAndKeyboard(FxRobot robot) throws Exception {
        openCr34(robot);
        assertThat(steps(robot).getItems()).extracting(i -> i.planned().id())
                .containsExactly("aide-installed", "aide-policy", "policy-coverage", "aide-tamper", "aide-check");
        assertThat(robot.lookup("#commandsArea").queryAs(javafx.scene.control.TextArea.class).getText())
                .isEqualTo("printf 'Package: aide\\nStatus: install ok installed\\nVersion: 0.18.3-1\\n'");

        keys(robot, KeyCode.CONTROL, KeyCode.ENTER);
        waitUntil(() -> item(robot, 0).outcomeProperty().get() != null);
        assertThat(item(robot, 0).outcomeProperty().get()).isEqualTo(StepOutcome.PASS);
        assertThat(robot.lookup("#outcomeChip").queryAs(Label.class).getText()).isEqualTo("PASS");
        assertThat(robot.lookup("#reasonLabel").queryAs(Label.class).getText()).isNotBlank();
        waitUntil(() -> robot.lookup(".output-list").queryAs(ListView.class).getItems().contains("Status: install ok installed"));
        ListView<?> gallery = robot.lookup(".steps-view .evidence-list").queryAs(ListView.class);
        try {
            waitUntil(() -> gallery.getItems().size() == 1);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("gallery: " + gallery.getItems() + " message: "
                    + robot.lookup("#messageLabel").queryAs(Label.class).getText(), e);
        }

        // Alt+Down to the last step, change the parameter, run it: the named expectation fails.
        for (int i = 0; i < 4; i++) {
            keys(robot, KeyCode.ALT, KeyCode.DOWN);
        }
        assertThat(steps(robot).getSelectionModel().getSelectedIndex()).isEqualTo(4);
        keys(robot, KeyCode.ALT, KeyCode.UP);
        assertThat(steps(robot).getSelectionModel().getSelectedIndex()).isEqualTo(3);
        keys(robot, KeyCode.ALT, KeyCode.DOWN);
        robot.interact(() -> robot.lookup("#param-aide-config").queryAs(javafx.scene.control.TextField.class)
                .setText("/opt/acme/aide.conf"));
        assertThat(robot.lookup("#commandsArea").queryAs(javafx.scene.control.TextArea.class).getText())
                .contains("echo config /opt/acme/aide.conf;");
        robot.clickOn("#runButton");
        waitUntil(() -> item(robot, 4).outcomeProperty().get() != null);
        assertThat(item(robot, 4).outcomeProperty().get()).isEqualTo(StepOutcome.FAIL);
        assertThat(item(robot, 4).reasonProperty().get()).contains("output contains 'Looks okay!!'");
        assertThat(item(robot, 4).checks()).extracting(StepService.Check::held).containsExactly(true, false);
        waitUntil(() -> robot.lookup(".output-list").queryAs(ListView.class).getItems().contains("config /opt/acme/aide.conf"));

        try (AssessmentStore reopened = reopen(robot)) {
            List<Evidence> evidence = reopened.evidence().page(EvidenceQuery.forRequirement("CR 3.4"), 0, 10);
            assertThat(evidence).hasSize(2).allMatch(e -> e.kind() == EvidenceKind.TRANSCRIPT && e.stepRunId().isPresent());
            assertThat(reopened.stepRuns().forRequirement("CR 3.4")).extracting(StepRun::stepId, r -> r.outcome().orElseThrow())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("aide-installed", StepOutcome.PASS),
                            org.assertj.core.groups.Tuple.tuple("aide-check", StepOutcome.FAIL));
        }
    }

    @Test
    @SlowPolicyStep
    void cancelStopsTheRunningCommandAndRecordsTheRunAsCancelled(FxRobot robot) throws Exception {
        openCr34(robot);
        Button cancel = robot.lookup("#cancelButton").queryButton();
        assertThat(cancel.isDisabled()).as("nothing runs yet").isTrue();
        robot.interact(() -> steps(robot).getSelectionModel().select(1));
        robot.clickOn("#runButton");
        waitUntil(() -> robot.lookup(".output-list").queryAs(ListView.class).getItems().contains("reading the policy"));
        assertThat(cancel.isDisabled()).isFalse();

        robot.clickOn(cancel);
        waitUntil(() -> item(robot, 1).outcomeProperty().get() != null);
        assertThat(item(robot, 1).outcomeProperty().get()).isEqualTo(StepOutcome.ERROR);
        assertThat(item(robot, 1).reasonProperty().get()).contains("cancelled");
        assertThat(robot.lookup(".output-list").queryAs(ListView.class).getItems()).doesNotContain("never printed");
        waitUntil(() -> cancel.isDisabled() && !robot.lookup("#runButton").queryAs(Button.class).isDisabled());

        try (AssessmentStore reopened = reopen(robot)) {
            assertThat(reopened.stepRuns().forRequirement("CR 3.4")).singleElement().satisfies(run -> {
                assertThat(run.stepId()).isEqualTo("aide-policy");
                assertThat(run.state()).isEqualTo(StepRunState.CANCELLED);
                assertThat(run.endedAt()).isPresent();
            });
            assertThat(java.time.Duration.between(reopened.stepRuns().forRequirement("CR 3.4").getFirst().startedAt(),
                    reopened.stepRuns().forRequirement("CR 3.4").getFirst().endedAt().orElseThrow()))
                    .as("stopped long before the command's minute").isLessThan(java.time.Duration.ofSeconds(30));
        }
    }

    @Test
    void aFailedCleanupLeavesABannerWhoseRunCleanupFinishesIt(FxRobot robot) throws Exception {
        // The tamper step's cleanup is 'rm -f MARKER': a directory there makes it fail, as a device could.
        Path marker = Files.createDirectories(dir.resolve("tampered"));
        try {
            openCr34(robot);
            robot.interact(() -> steps(robot).getSelectionModel().select(3));
            robot.clickOn("#runButton");
            WaitForAsyncUtils.waitForFxEvents();
            robot.clickOn("Run and clean up");
            robot.interact(stage::requestFocus);
            waitUntil(() -> !robot.lookup(".pending-cleanup").queryAll().isEmpty());
            assertThat(robot.lookup(".pending-cleanup .label").queryAs(Label.class).getText())
                    .startsWith("Cleanup pending: CR 3.4");
            assertThat(item(robot, 3).reasonProperty().get()).contains("the cleanup is pending");

            Files.delete(marker);
            robot.clickOn("Run cleanup");
            waitUntil(() -> robot.lookup(".pending-cleanup").queryAll().isEmpty()
                    && !robot.lookup("#runButton").queryAs(Button.class).isDisabled());

            try (AssessmentStore reopened = reopen(robot)) {
                assertThat(reopened.stepRuns().forRequirement("CR 3.4")).extracting(StepRun::stepId, r -> r.outcome().orElseThrow())
                        // The sample's tamper command names no expectation: the assessor judges it (inconclusive).
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("aide-tamper", StepOutcome.INCONCLUSIVE),
                                org.assertj.core.groups.Tuple.tuple("aide-tamper/cleanup", StepOutcome.ERROR),
                                org.assertj.core.groups.Tuple.tuple("aide-tamper/cleanup", StepOutcome.PASS));
            }
        } finally {
            Files.deleteIfExists(marker);
        }
    }

    @Test
    void skipNeedsAReasonAndRecordsIt(FxRobot robot) throws Exception {
        openCr34(robot);
        robot.interact(() -> steps(robot).getSelectionModel().select(2));
        robot.clickOn("#skipButton");
        WaitForAsyncUtils.waitForFxEvents();
        Button confirm = robot.lookup("Skip step").queryButton();
        assertThat(confirm.isDisabled()).as("no reason yet").isTrue();
        robot.interact(() -> robot.lookup("#skipReason").queryAs(javafx.scene.control.TextArea.class)
                .setText("The product ships no AIDE policy of its own"));
        assertThat(confirm.isDisabled()).isFalse();
        robot.clickOn(confirm);
        robot.interact(stage::requestFocus);
        waitUntil(() -> item(robot, 2).outcomeProperty().get() != null);
        assertThat(item(robot, 2).outcomeProperty().get()).isEqualTo(StepOutcome.SKIPPED);

        try (AssessmentStore reopened = reopen(robot)) {
            assertThat(reopened.stepRuns().forRequirement("CR 3.4")).singleElement().satisfies(run -> {
                assertThat(run.stepId()).isEqualTo("policy-coverage");
                assertThat(run.outcome()).contains(StepOutcome.SKIPPED);
                assertThat(run.reason()).contains("The product ships no AIDE policy of its own");
                assertThat(run.actor()).isEqualTo("Dana Assessor");
            });
        }
    }

    @Test
    void runAllAutomaticRunsInOrderAndStopsAtARefusedIntrusiveStep(FxRobot robot) throws Exception {
        openCr34(robot);
        robot.clickOn("#runAllButton");
        // aide-installed and aide-policy run; aide-tamper changes the device and asks first.
        waitUntil(() -> !robot.lookup(".intrusive-warning").queryAll().isEmpty());
        assertThat(item(robot, 0).outcomeProperty().get()).isEqualTo(StepOutcome.PASS);
        assertThat(item(robot, 1).outcomeProperty().get()).isNotNull();
        robot.clickOn("Don\u2019t run");
        robot.interact(stage::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(item(robot, 2).outcomeProperty().get()).as("manual step: not part of the chain").isNull();
        assertThat(item(robot, 3).outcomeProperty().get()).as("refused").isNull();
        assertThat(item(robot, 4).outcomeProperty().get()).as("the chain stopped at the refusal").isNull();

        try (AssessmentStore reopened = reopen(robot)) {
            assertThat(reopened.stepRuns().forRequirement("CR 3.4")).extracting(StepRun::stepId)
                    .containsExactly("aide-installed", "aide-policy");
        }
    }

    @Test
    void refusedIntrusiveStepRunsNothingAndAnInstructionIsAttested(FxRobot robot) throws Exception {
        openCr34(robot);
        robot.interact(() -> steps(robot).getSelectionModel().select(3));
        robot.clickOn("#runButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".intrusive-warning").queryAs(Label.class).getText()).contains("changes the device");
        robot.clickOn("Don\u2019t run");
        robot.interact(stage::requestFocus);
        assertThat(item(robot, 3).outcomeProperty().get()).isNull();
        assertThat(robot.lookup("#messageLabel").queryAs(Label.class).getText()).startsWith("Not run");

        robot.interact(() -> steps(robot).getSelectionModel().select(2));
        keys(robot, KeyCode.CONTROL, KeyCode.T);
        robot.clickOn("#attestNote").write("Policy covers /usr, /etc and /opt/acme.");
        robot.clickOn("Holds");
        robot.interact(stage::requestFocus);
        waitUntil(() -> item(robot, 2).outcomeProperty().get() != null);
        assertThat(item(robot, 2).outcomeProperty().get()).isEqualTo(StepOutcome.PASS);

        try (AssessmentStore reopened = reopen(robot)) {
            assertThat(reopened.stepRuns().forRequirement("CR 3.4")).extracting(StepRun::stepId).containsExactly("policy-coverage");
        }
    }

    @Test
    void capabilityShowsBlockersAndFollowsVerdicts(FxRobot robot) throws Exception {
        openCr34(robot);
        Button capability = robot.lookup(".capability-button").queryAs(Button.class);
        int required = CATALOG.requiredFor(ComponentType.EDR, SecurityLevel.SL1).size();
        assertThat(capability.getText()).isEqualTo("SL-C(FR 3): not reached \u00b7 SL 1 blocked by " + required);
        robot.clickOn(capability);
        assertThat(robot.lookup(".capability-blocker").queryAll()).extracting(n -> ((javafx.scene.control.Hyperlink) n).getText())
                .contains("CR 3.4");
        // A blocker is a link to its requirement; following it closes the popover.
        robot.interact(() -> robot.lookup(".capability-blocker").queryAll().stream()
                .map(n -> (javafx.scene.control.Hyperlink) n).filter(h -> h.getText().equals("CR 3.1")).findFirst().orElseThrow().fire());
        waitUntil(() -> robot.lookup(".capability-blocker").queryAll().isEmpty());
        assertThat(robot.lookup(".steps-requirement").queryAs(Label.class).getText()).startsWith("CR 3.1");
        robot.interact(stage::requestFocus);
        // The verdict panel beside the steps is the verdict editor itself.
        robot.interact(() -> {
            robot.lookup(".steps-view .verdict-met").queryAs(javafx.scene.control.ToggleButton.class).fire();
            robot.lookup(".steps-view #recordButton").queryAs(Button.class).fire();
        });
        try {
            waitUntil(() -> capability.getText().endsWith("blocked by " + (required - 1)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(capability.getText() + " / " + robot.lookup(".steps-view .form-problems").queryAs(Label.class)
                    .getText(), e);
        }
        assertThat(robot.lookup(".decided-label").queryAs(Label.class).getText()).startsWith("Decided 1 of ");
    }
}
