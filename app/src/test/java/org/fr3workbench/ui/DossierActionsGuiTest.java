package org.fr3workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
import org.fr3workbench.report.CancellationToken;
import org.fr3workbench.report.DossierExporter;
import org.fr3workbench.report.ExportOptions;
import org.fr3workbench.report.LocalTimeStampAuthority;
import org.fr3workbench.report.ProgressListener;
import org.fr3workbench.report.SampleDossier;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.report.sign.SigningRequest;
import org.fr3workbench.report.verify.DossierVerifier;
import org.fr3workbench.report.verify.VerificationResult;
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
 * "Time-stamp dossier…" (a background task against a real RFC 3161 server on 127.0.0.1) and the OSCAL
 * choice of "Export dossier…" in the GUI.
 */
@ExtendWith(ApplicationExtension.class)
class DossierActionsGuiTest {

    private static final Preferences PREFS = Preferences.userRoot().node("fr3workbench-test/dossier-actions-gui");

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private Stage stage;
    private WorkbenchApplication workbench;

    @Start
    void start(Stage shown) {
        stage = shown;
        workbench = new WorkbenchApplication(new WorkbenchApplication.Services(new App()::catalog, background,
                new AssessmentFiles(Clock.systemUTC())), PREFS);
        workbench.show(shown);
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
    void exportsOscalAssessmentResultsFromTheExportDialog(FxRobot robot) throws Exception {
        Path file = dir.resolve("oscal.fr3");
        try (var store = new AssessmentFiles(Clock.systemUTC()).create(file,
                org.fr3workbench.domain.AssessmentInfo.of("Acme RTU", org.fr3workbench.domain.ComponentType.EDR,
                        org.fr3workbench.domain.SecurityLevel.SL1, "Dana Assessor", new App().catalog().version()), "Dana Assessor")) {
            store.evidence().addNote("CR 3.4", "observation", "AIDE reported the changed test file.", "Dana Assessor");
            store.verdicts().set("CR 3.4", org.fr3workbench.domain.VerdictDecision.MET, "AIDE detects changes", "Dana Assessor");
        }
        robot.interact(() -> workbench.actions().open(file));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup(".assessment-title").queryAs(Label.class).getText().startsWith("Acme RTU"));
        robot.clickOn("Dossier").clickOn("Export dossier\u2026");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#oscalRadio");
        Path json = dir.resolve("oscal-oscal.json");
        assertThat(robot.lookup("#outputField").queryAs(TextField.class).getText()).isEqualTo(json.toString());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(node -> ((Button) node).getText().equals("Export"))
                .queryAs(Button.class));
        Label status = robot.lookup(".dialog-pane #statusLabel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> status.getText().startsWith("OSCAL assessment results written")
                || status.getText().startsWith("The export failed"));
        assertThat(status.getText()).startsWith("OSCAL assessment results written to " + json);
        var doc = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile());
        assertThat(org.fr3workbench.report.OscalSchema.validate(doc)).isEmpty();
        assertThat(doc.toString()).contains("AIDE detects changes", "\"satisfied\"");
        robot.interact(() -> ((Stage) status.getScene().getWindow()).close());
    }

    @Test
    void addsADocumentTimeStampInTheBackground(FxRobot robot) throws Exception {
        Path key = dir.resolve("assessor.p12");
        char[] password = "gui-ts-pass".toCharArray();
        new SelfSignedCertificates().create(key, password, "Dana Assessor", "Test Lab", Duration.ofDays(30), 2048);
        Path pdf = dir.resolve("signed.pdf");
        new DossierExporter().export(SampleDossier.create(), pdf, ExportOptions.unsigned(Instant.now(), "FR3 Workbench test")
                        .withSigning(new SigningRequest(key, password, Optional.empty(), "test", "lab", Optional.empty())),
                ProgressListener.NONE, CancellationToken.NONE);
        try (LocalTimeStampAuthority tsa = new LocalTimeStampAuthority()) {
            robot.clickOn("Dossier").clickOn("Time-stamp dossier\u2026");
            WaitForAsyncUtils.waitForFxEvents();
            Button start = robot.lookup(".dialog-pane .button").match(node -> ((Button) node).getText().equals("Add time-stamp"))
                    .queryAs(Button.class);
            assertThat(start.isDisabled()).isTrue();
            robot.interact(() -> {
                robot.lookup("#dossierField").queryAs(TextField.class).setText(pdf.toString());
                robot.lookup("#tsaField").queryAs(TextField.class).setText(tsa.url().toString());
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(start.isDisabled()).isFalse();
            robot.clickOn(start);
            Label status = robot.lookup(".dialog-pane #statusLabel").queryAs(Label.class);
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> status.getText().startsWith("Document time-stamp added")
                    || status.getText().startsWith("No time-stamp"));
            assertThat(status.getText()).startsWith("Document time-stamp added to " + pdf).contains("FR3 test TSA");
            assertThat(tsa.requests()).isEqualTo(1);
            robot.interact(() -> ((Stage) status.getScene().getWindow()).close());
        }
        VerificationResult result = new DossierVerifier().verify(pdf, Optional.empty());
        assertThat(result.valid()).as(result.failures().toString()).isTrue();
        assertThat(result.signatures()).extracting(s -> s.level()).containsExactly("B-B", "document time-stamp");
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
        assertThat(Files.size(pdf)).isPositive();
    }
}
