package org.fr3workbench.tools;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.TestSecrets;
import org.fr3workbench.ui.WorkbenchApplication;
import org.fr3workbench.ui.terminal.TerminalView;

/**
 * The device part of the screenshot tour: a real OpenSSH sshd on 127.0.0.1, the connect dialog, the host-key prompt
 * and a terminal session with coloured output (docs/images/connect-*.png, terminal.png).
 */
final class DeviceTour {

    private DeviceTour() {
    }

    static void run(WorkbenchApplication workbench, Path out) throws Exception {
        try (OpenSshServer sshd = OpenSshServer.start(Files.createTempDirectory("fr3-tour-sshd").resolve("sshd"))) {
            ScreenshotTour.onFx(() -> workbench.connectActions().connect());
            TimeUnit.SECONDS.sleep(2);
            ScreenshotTour.onFx(() -> {
                Scene dialog = ScreenshotTour.topDialog().getScene();
                ((TextField) dialog.lookup("#hostField")).setText("127.0.0.1");
                ((TextField) dialog.lookup("#portField")).setText(Integer.toString(sshd.port()));
                ((TextField) dialog.lookup("#userField")).setText(sshd.user());
                ((PasswordField) dialog.lookup("#passwordField")).setText(TestSecrets.SSH_PASSWORD);
                ((TextField) dialog.lookup("#serialNumberField")).setText("GW5-000142");
                ((TextField) dialog.lookup("#firmwareField")).setText("4.2.1");
            });
            ScreenshotTour.saveTopDialog(out.resolve("connect-dialog.png"));
            ScreenshotTour.onFx(() -> button(ScreenshotTour.topDialog().getScene(), "Connect").fire());
            Window prompt = waitForWindow(".host-key-fingerprint");
            ScreenshotTour.save(prompt.getScene(), out.resolve("connect-host-key.png"));
            ScreenshotTour.onFx(() -> button(prompt.getScene(), "Trust and pin").fire());
            Stage terminalStage = (Stage) waitForWindow(".terminal-view");
            TimeUnit.SECONDS.sleep(3);
            TerminalView terminal = (TerminalView) terminalStage.getScene().lookup(".terminal-view").getUserData();
            ScreenshotTour.onFx(terminal::focus);
            type(terminalStage, "PS1=$(printf '\\033[1;32massessor@device\\033[0m:\\033[1;34m~\\033[0m$ '); clear; uname -srm; "
                    + "ls --color=always -F /; ls -l --color=always /etc/ssh | head -5");
            TimeUnit.SECONDS.sleep(3);
            ScreenshotTour.save(terminalStage.getScene(), out.resolve("terminal.png"));
            ScreenshotTour.onFx(terminalStage::hide);
            TimeUnit.SECONDS.sleep(2);
            ScreenshotTour.onFx(() -> workbench.devices().disconnect());
        }
    }

    private static Window waitForWindow(String selector) throws Exception {
        for (int i = 0; i < 60; i++) {
            java.util.concurrent.CompletableFuture<java.util.Optional<Window>> found = new java.util.concurrent.CompletableFuture<>();
            javafx.application.Platform.runLater(() -> found.complete(Window.getWindows().stream()
                    .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().getRoot().lookup(selector) != null)
                    .findFirst()));
            java.util.Optional<Window> window = found.get(10, TimeUnit.SECONDS);
            if (window.isPresent()) {
                return window.get();
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        throw new IllegalStateException("no window with " + selector + " appeared");
    }

    private static Button button(Scene scene, String text) {
        return scene.getRoot().lookupAll(".button").stream().map(Button.class::cast).filter(b -> text.equals(b.getText()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no button " + text));
    }

    /** Types a line into the terminal as key events (what the emulator gets from the keyboard). */
    private static void type(Window window, String line) throws Exception {
        ScreenshotTour.onFx(() -> {
            Node focus = window.getScene().getFocusOwner();
            for (char c : line.toCharArray()) {
                focus.fireEvent(new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false,
                        false));
            }
            focus.fireEvent(new KeyEvent(KeyEvent.KEY_PRESSED, "\r", "", KeyCode.ENTER, false, false, false, false));
        });
    }
}
