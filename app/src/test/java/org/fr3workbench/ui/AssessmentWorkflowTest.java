package org.fr3workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.fr3workbench.App;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.store.AssessmentFiles;
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
 * The assessment file from the GUI, with a real file and real background threads: create one
 * through the form, decide a requirement, add evidence, verify, and catch tampering.
 */
@ExtendWith(ApplicationExtension.class)
class AssessmentWorkflowTest {

    private static final Preferences PREFS = Preferences.userRoot().node("fr3workbench-test/assessment-workflow");

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private WorkbenchApplication workbench;
    private Stage stage;

    @Start
    void start(Stage shown) {
        stage = shown;
        workbench = new WorkbenchApplication(new WorkbenchApplication.Services(new App()::catalog, background,
                new AssessmentFiles(Clock.systemUTC())), PREFS);
        workbench.show(shown);
    }

    @AfterEach
    void closeFile(FxRobot robot) {
        robot.interact(stage::close);
        background.shutdownNow();
    }

    @AfterAll
    static void forgetPreferences() throws BackingStoreException {
        PREFS.removeNode();
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private Path createThroughTheForm(FxRobot robot) throws Exception {
        Path file = dir.resolve("gateway.fr3");
        robot.clickOn("New\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        Button create = robot.lookup(".dialog-pane .button").match(node -> ((Button) node).getText().equals("Create"))
                .queryAs(Button.class);
        assertThat(create.isDisabled()).as("an empty product name is refused").isTrue();
        assertThat(robot.lookup(".dialog-pane .form-problems").queryAs(Label.class).getText())
                .contains("Enter the product's name.");

        robot.interact(() -> {
            robot.lookup("#productField").queryAs(TextField.class).setText("Acme Gateway GW-500");
            robot.lookup("#firmwareField").queryAs(TextField.class).setText("4.2.1");
            robot.lookup("#assessorField").queryAs(TextField.class).setText("Dana Assessor");
            robot.lookup("#fileField").queryAs(TextField.class).setText(file.toString());
        });
        assertThat(create.isDisabled()).isFalse();
        robot.clickOn(create);
        robot.interact(stage::requestFocus);
        waitUntil(() -> text(robot, ".assessment-title").contains("Acme Gateway GW-500"));
        return file;
    }

    @Test
    void createDecideAttachVerifyAndCatchTampering(FxRobot robot) throws Exception {
        Path file = createThroughTheForm(robot);
        assertThat(file).exists();
        assertThat(text(robot, ".assessment-title")).isEqualTo("Acme Gateway GW-500 4.2.1 \u00b7 EDR \u00b7 target SL 2");
        waitUntil(() -> robot.lookup(".integrity-badge").queryAs(Button.class).getText().equals("Integrity: verified"));

        // Not applicable needs a rationale before it can be recorded.
        // The Steps tab holds a second verdict editor and gallery (same models): look in the requirement detail.
        robot.interact(() -> robot.lookup(".requirements-tree").queryAs(javafx.scene.control.TreeView.class).scrollTo(12));
        robot.clickOn("CR 3.4");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> robot.lookup(".detail-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        // Fired, not clicked: inside the tab the robot's click point misses the button under Monocle.
        robot.interact(() -> robot.lookup(".requirement-detail .verdict-not-applicable")
                .queryAs(javafx.scene.control.ToggleButton.class).fire());
        Button record = robot.lookup(".requirement-detail #recordButton").queryAs(Button.class);
        assertThat(record.isDisabled()).isTrue();
        // Focused, not clicked: how far the detail scrolls depends on the window's layout, the typing is what counts.
        robot.interact(() -> robot.lookup(".requirement-detail #rationaleArea").query().requestFocus());
        robot.write("The product has no writable software partition.");
        assertThat(record.isDisabled()).isFalse();
        // Ctrl+Enter in the rationale records the decision without the mouse.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.ENTER)
                .release(javafx.scene.input.KeyCode.ENTER, javafx.scene.input.KeyCode.CONTROL);
        Label verdictError = robot.lookup(".requirement-detail .verdict-editor .form-problems").queryAs(Label.class);
        waitUntil(() -> !robot.lookup(".requirement-detail .verdict-history-entry").queryAll().isEmpty()
                || !verdictError.getText().isEmpty());
        assertThat(verdictError.getText()).isEmpty();
        assertThat(robot.lookup(".requirement-detail .verdict-history-entry").queryAs(Label.class).getText())
                .startsWith("Not applicable \u2014 Dana Assessor").endsWith("The product has no writable software partition.");
        assertThat(robot.lookup(".verdict-tag").queryAllAs(Label.class)).extracting(Label::getText).contains("NA");

        // Evidence: hashed as it is stored, listed in the gallery.
        Path log = dir.resolve("aide-check.log");
        Files.writeString(log, "AIDE found NO differences between database and filesystem. Looks okay!!\n");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(log)));
        List<Throwable> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.clickOn(".requirement-detail #captionField").write("Clean AIDE check before the tamper test");
        robot.interact(() -> workbench.evidenceModel().importFiles(List.of(log), errors::add));
        ListView<Evidence> gallery = robot.lookup(".requirement-detail .evidence-list").queryAs(ListView.class);
        waitUntil(() -> gallery.getItems().size() == 1 || !errors.isEmpty());
        assertThat(errors).isEmpty();
        assertThat(gallery.getItems().getFirst().name()).isEqualTo("aide-check.log");
        assertThat(gallery.getItems().getFirst().sha256()).isEqualTo(sha256);
        assertThat(gallery.getItems().getFirst().caption()).isEqualTo("Clean AIDE check before the tamper test");
        assertThat(robot.lookup(".requirement-detail #captionField").queryAs(TextField.class).getText())
                .as("used once, then cleared").isEmpty();
        waitUntil(() -> robot.lookup(".requirement-detail .evidence-hash").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().equals("SHA-256 " + sha256)));

        robot.clickOn(".integrity-badge");
        waitUntil(() -> robot.lookup(".integrity-badge").queryAs(Button.class).getText().equals("Integrity: verified"));

        // A byte of the evidence changed behind the workbench's back is caught.
        try (Connection sql = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = sql.createStatement()) {
            statement.executeUpdate("UPDATE evidence_chunk SET data = CAST(replace(CAST(data AS TEXT), 'okay', 'OKAY') AS BLOB)");
        }
        robot.clickOn(".integrity-badge");
        waitUntil(() -> robot.lookup(".integrity-badge").queryAs(Button.class).getText().equals("Integrity: DISCREPANCY"));
        assertThat(robot.lookup(".integrity-badge").queryAs(Button.class).getTooltip().getText()).contains("aide-check.log");
    }

    @Test
    void exportsASignedDossierWithProgressFromTheGui(FxRobot robot) throws Exception {
        Path file = dir.resolve("export.fr3");
        try (var store = new AssessmentFiles(Clock.systemUTC()).create(file,
                org.fr3workbench.domain.AssessmentInfo.of("Acme RTU", org.fr3workbench.domain.ComponentType.EDR,
                        org.fr3workbench.domain.SecurityLevel.SL1, "Dana Assessor", new App().catalog().version()), "Dana Assessor")) {
            store.evidence().addNote("CR 3.4", "observation", "AIDE reported the changed test file.", "Dana Assessor");
            store.verdicts().set("CR 3.4", org.fr3workbench.domain.VerdictDecision.MET, "AIDE detects changes", "Dana Assessor");
        }
        robot.interact(() -> workbench.actions().open(file));
        waitUntil(() -> text(robot, ".assessment-title").startsWith("Acme RTU"));

        robot.clickOn("Dossier").clickOn("Export dossier\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        Path pdf = dir.resolve("export-dossier.pdf");
        assertThat(robot.lookup("#outputField").queryAs(TextField.class).getText()).isEqualTo(pdf.toString());
        robot.clickOn("#passwordField").write("demo-password-7");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(node -> ((Button) node).getText().equals("Export"))
                .queryAs(Button.class));
        Label status = robot.lookup(".dialog-pane #statusLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.getText().startsWith("Dossier written")
                || status.getText().startsWith("The export failed"));
        assertThat(status.getText()).startsWith("Dossier written to " + pdf).endsWith("signed.");

        var result = new org.fr3workbench.report.verify.DossierVerifier().verify(pdf, java.util.Optional.empty());
        assertThat(result.valid()).as(result.failures().toString()).isTrue();
        assertThat(new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("demo-password-7");
        robot.interact(() -> ((Stage) status.getScene().getWindow()).close());
    }
}
