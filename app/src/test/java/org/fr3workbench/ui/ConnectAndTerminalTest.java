package org.fr3workbench.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.fr3workbench.App;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.HostKeyPin;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.TestSecrets;
import org.fr3workbench.ui.terminal.TerminalView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The connect dialog and the terminal pane, headless, against a real OpenSSH sshd on 127.0.0.1: the unknown host key
 * is shown and refused (nothing pinned), then trusted (pinned in the file); the terminal runs a command, and its
 * recording is stored as evidence (text and asciicast) when it closes.
 */
@Tag("peer")
@ExtendWith(ApplicationExtension.class)
class ConnectAndTerminalTest {

    private static final Preferences PREFS = Preferences.userRoot().node("fr3workbench-test/connect");

    @TempDir
    static Path serverDir;
    private static OpenSshServer sshd;

    @TempDir
    Path dir;

    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final AssessmentFiles files = new AssessmentFiles(Clock.systemUTC());
    private WorkbenchApplication workbench;
    private Stage stage;

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(serverDir.resolve("sshd"));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
        PREFS.removeNode();
    }

    @Start
    void start(Stage shown) {
        stage = shown;
        workbench = new WorkbenchApplication(new WorkbenchApplication.Services(new App()::catalog, background, files), PREFS);
        workbench.show(shown);
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        robot.interact(() -> {
            for (Window window : List.copyOf(Window.getWindows())) {
                if (window != stage && window instanceof Stage other) {
                    other.close();
                }
            }
            stage.close();
        });
        background.shutdown();
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Path openAssessment(FxRobot robot) throws Exception {
        Path file = dir.resolve("device.fr3");
        try (AssessmentStore store = files.create(file, AssessmentInfo.of("Lab device", ComponentType.EDR, SecurityLevel.SL2,
                "Dana Assessor", new App().catalog().version()), "Dana Assessor")) {
            assertThat(store.info().product()).isEqualTo("Lab device");
        }
        robot.interact(() -> workbench.actions().open(file));
        waitUntil(() -> robot.lookup(".assessment-title").queryAs(Label.class).getText().contains("Lab device"));
        return file;
    }

    private void fillSshForm(FxRobot robot, boolean terminal) throws Exception {
        robot.clickOn("Connect\u2026");
        waitUntil(() -> robot.lookup("#hostField").tryQuery().isPresent());
        robot.interact(() -> {
            robot.lookup("#hostField").queryAs(TextField.class).setText("127.0.0.1");
            robot.lookup("#portField").queryAs(TextField.class).setText(Integer.toString(sshd.port()));
            robot.lookup("#userField").queryAs(TextField.class).setText(sshd.user());
            robot.lookup("#passwordField").queryAs(PasswordField.class).setText(TestSecrets.SSH_PASSWORD);
            robot.lookup("#serialNumberField").queryAs(TextField.class).setText("SN-GUI-1");
            robot.lookup("#firmwareField").queryAs(TextField.class).setText("7.1.0");
            robot.lookup("#terminalCheck").queryAs(CheckBox.class).setSelected(terminal);
        });
    }

    private Button button(FxRobot robot, String text) {
        return robot.lookup(".button").match(node -> text.equals(((Button) node).getText())).queryAs(Button.class);
    }

    private Optional<Node> fingerprintField(FxRobot robot) {
        return robot.lookup(".host-key-fingerprint").tryQuery();
    }

    private void connectAndTrust(FxRobot robot) throws Exception {
        robot.clickOn(button(robot, "Connect"));
        waitUntil(() -> fingerprintField(robot).isPresent());
        robot.clickOn(button(robot, "Trust and pin"));
        waitUntil(() -> workbench.devices().connectedProperty().get());
    }

    @Test
    void anUnknownHostKeyIsShownRefusedThenTrustedAndPinned(FxRobot robot) throws Exception {
        Path file = openAssessment(robot);
        fillSshForm(robot, false);

        robot.clickOn(button(robot, "Connect"));
        waitUntil(() -> fingerprintField(robot).isPresent());
        assertThat(((TextField) fingerprintField(robot).orElseThrow()).getText()).isEqualTo(sshd.hostFingerprint());
        assertThat(button(robot, "Refuse").isDefaultButton()).as("refusing is the default").isTrue();
        assertThat(button(robot, "Trust and pin").isDefaultButton()).isFalse();
        robot.clickOn(button(robot, "Refuse"));
        waitUntil(() -> robot.lookup(".connect-status").queryAs(Label.class).getText().contains("refused"));
        assertThat(workbench.devices().connectedProperty().get()).isFalse();

        // Refused means nothing was pinned: the next attempt asks again. The password field was emptied: type it again.
        robot.interact(() -> robot.lookup("#passwordField").queryAs(PasswordField.class).setText(TestSecrets.SSH_PASSWORD));
        connectAndTrust(robot);
        assertThat(robot.lookup(".connection-label").queryAs(Label.class).getText()).contains("Connected", "127.0.0.1");

        try (AssessmentStore store = closeAndReopen(robot, file)) {
            Optional<HostKeyPin> pin = store.hostKeyPins().find("127.0.0.1", sshd.port());
            assertThat(pin).map(HostKeyPin::fingerprint).contains(sshd.hostFingerprint());
            assertThat(store.target()).hasValueSatisfying(t -> assertThat(t.serialNumber()).isEqualTo("SN-GUI-1"));
            assertThat(store.evidence().page(EvidenceQuery.all(), 0, 50)).extracting(Evidence::name).contains("identity.txt");
        }
        assertNoPassword(file);
    }

    @Test
    void theTerminalRunsACommandAndItsRecordingBecomesEvidence(FxRobot robot) throws Exception {
        Path file = openAssessment(robot);
        fillSshForm(robot, true);
        connectAndTrust(robot);

        waitUntil(() -> robot.lookup(".terminal-view").tryQuery().isPresent());
        TerminalView terminal = (TerminalView) robot.lookup(".terminal-view").query().getUserData();
        waitUntil(() -> terminal.screenText().contains("$"));
        Stage terminalStage = (Stage) robot.lookup(".terminal-view").query().getScene().getWindow();
        robot.interact(() -> {
            terminalStage.toFront();
            terminalStage.requestFocus();
            terminal.focus();
        });
        robot.clickOn(terminalStage.getScene().getFocusOwner());
        robot.write("echo hel''lo-$((6*7))");
        robot.type(KeyCode.ENTER);
        try {
            waitUntil(() -> terminal.screenText().contains("hello-42"));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("focused " + terminalStage.isFocused() + " owner " + terminalStage.getScene().getFocusOwner()
                    + " main focused " + stage.isFocused() + "; the terminal shows:\n" + terminal.screenText(), e);
        }

        robot.interact(terminalStage::hide);
        try (AssessmentStore store = closeAndReopen(robot, file)) {
            List<Evidence> items = store.evidence().page(EvidenceQuery.all(), 0, 50);
            Evidence cast = items.stream().filter(e -> e.mediaType().equals("application/x-asciicast")).findFirst().orElseThrow();
            Evidence text = items.stream().filter(e -> e.name().equals("terminal-1.txt")).findFirst().orElseThrow();
            assertThat(read(store, cast)).startsWith("{\"version\":2").contains("hello-42");
            assertThat(read(store, text)).contains("hello-42").doesNotContain("\u001b[");
        }
        assertNoPassword(file);
    }

    /** Closes the window as the assessor would (the file is closed on its worker) and opens the file read-only. */
    private AssessmentStore closeAndReopen(FxRobot robot, Path file) throws Exception {
        robot.interact(() -> {
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
            stage.close();
        });
        AssessmentStore[] reopened = new AssessmentStore[1];
        waitUntil(() -> {
            try {
                reopened[0] = files.open(file, AssessmentFiles.Access.READ_ONLY);
                return true;
            } catch (Exception e) {
                return false; // still open in the window until its worker closes it
            }
        });
        return reopened[0];
    }

    private static String read(AssessmentStore store, Evidence evidence) throws Exception {
        try (InputStream in = store.evidence().open(evidence.id())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertNoPassword(Path file) throws Exception {
        for (Path raw : new Path[] {file, file.resolveSibling(file.getFileName() + "-wal")}) {
            if (Files.exists(raw)) {
                assertThat(new String(Files.readAllBytes(raw), StandardCharsets.ISO_8859_1)).doesNotContain(TestSecrets.SSH_PASSWORD);
            }
        }
    }
}
