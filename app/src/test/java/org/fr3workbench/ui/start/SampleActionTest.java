package org.fr3workbench.ui.start;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.fr3workbench.App;
import org.fr3workbench.report.sample.SampleAssessment;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.ui.WorkbenchApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The start page's "Try the sample assessment" action with real background threads: the sample is made in the chosen
 * folder, its dossier's verification is shown, and the sample assessment opens in the workbench.
 */
@ExtendWith(ApplicationExtension.class)
class SampleActionTest {

    private static final Preferences PREFS = Preferences.userRoot().node("fr3workbench-test/sample-action");

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
        App app = new App();
        AssessmentFiles files = new AssessmentFiles(Clock.systemUTC());
        SampleAssessment sample = new SampleAssessment(files, app::catalog, () -> app.deviceConnections().local(),
                Clock.systemUTC(), "FR3 Workbench test");
        new WorkbenchApplication(new WorkbenchApplication.Services(app::catalog, background, files)
                .withSample(() -> sample), PREFS)
                .show(shown);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(stage::close);
        background.shutdownNow();
    }

    @AfterAll
    static void forgetPreferences() throws BackingStoreException {
        PREFS.removeNode();
    }

    @Test
    void theStartPageMakesVerifiesAndOpensTheSample(FxRobot robot) throws Exception {
        Path folder = dir.resolve("My sample");
        robot.clickOn("Try the sample assessment\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        TextField field = robot.lookup("#folderField").queryAs(TextField.class);
        assertThat(field.getText()).as("default folder").endsWith(Path.of("FR3 Workbench", "Sample").toString());
        robot.interact(() -> field.setText(folder.toString()));
        Button start = robot.lookup(".dialog-pane .button").match(node -> ((Button) node).getText().equals("Create the sample"))
                .queryAs(Button.class);

        robot.clickOn(start);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(start.isDisabled()).as("one run at a time").isTrue();

        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> robot.lookup(".sample-result-title").tryQueryAs(Label.class)
                .map(label -> !label.getText().isEmpty()).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".sample-result-title").queryAs(Label.class).getText()).isEqualTo("Sample dossier verified: VALID");
        assertThat(robot.lookup(".sample-signer").queryAs(Label.class).getText()).contains(SelfSignedCertificates.DEMO_SUBJECT);
        assertThat(robot.lookup(".check-failed").tryQuery()).isEmpty();
        assertThat(folder.resolve(SampleAssessment.DOSSIER_FILE)).isRegularFile();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".assessment-title").queryAs(Label.class).getText()
                .startsWith("SAMPLE - this computer"));
        assertThat(stage.getTitle()).startsWith(SampleAssessment.ASSESSMENT_FILE);
    }
}
