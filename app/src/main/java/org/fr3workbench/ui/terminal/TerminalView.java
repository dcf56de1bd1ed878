package org.fr3workbench.ui.terminal;

import com.techsenger.jeditermfx.ui.JediTermFxWidget;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.StackPane;
import org.fr3workbench.ui.assessment.AssessmentSession;
import org.fr3workbench.ui.common.Errors;
import org.fr3workbench.ui.common.Tasks;

/**
 * The interactive terminal pane: a terminal emulator (JediTermFX: colours, cursor keys, resize) on the device's
 * console, recorded as evidence when it closes or on "Save recording now", and "Capture selection" for the selected
 * text. Console I/O runs on the emulator's and the background threads, never on the FX thread.
 */
public final class TerminalView {

    static final int COLUMNS = 100;
    static final int ROWS = 30;

    private final TerminalSession session;
    private final AssessmentSession assessment;
    private final Tasks background;
    private final ResourceBundle strings;
    private JediTermFxWidget widget;
    private boolean closed;

    @FXML
    private Node root;
    @FXML
    private StackPane terminalHost;
    @FXML
    private Button saveButton;
    @FXML
    private Button captureButton;
    @FXML
    private Label statusLabel;

    TerminalView(TerminalSession session, AssessmentSession assessment, Tasks background, ResourceBundle strings) {
        this.session = session;
        this.assessment = assessment;
        this.background = background;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        root.setUserData(this);
        widget = new JediTermFxWidget(COLUMNS, ROWS, new TerminalSettings());
        terminalHost.getChildren().add(widget.getPane());
        captureButton.disableProperty().bind(widget.getTerminalPanel().selectedTextProperty().isEmpty());
        saveButton.setDisable(true);
        statusLabel.setText(MessageFormat.format(strings.getString("terminal.opening"), session.description()));
        background.create(() -> session.open(COLUMNS, ROWS))
                .onSuccess(connector -> {
                    if (closed) {
                        background.create(session::close).run();
                        return;
                    }
                    widget.setTtyConnector(connector);
                    widget.start();
                    saveButton.setDisable(false);
                    statusLabel.setText(MessageFormat.format(strings.getString("terminal.recording"), session.description()));
                    focus();
                })
                .onError(error -> statusLabel.setText(MessageFormat.format(strings.getString("terminal.failed"),
                        Errors.describe(error))))
                .run();
    }

    /** Focuses the terminal so that typing goes to the device (the emulator listens for keys on its canvas). */
    public void focus() {
        canvas(widget.getTerminalPanel().getPane()).orElse(widget.getPreferredFocusableNode()).requestFocus();
    }

    private static java.util.Optional<Node> canvas(Node node) {
        if (node instanceof javafx.scene.canvas.Canvas) {
            return java.util.Optional.of(node);
        }
        if (node instanceof javafx.scene.Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                java.util.Optional<Node> found = canvas(child);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** What the terminal shows now, as text (tests, screenshots). */
    public String screenText() {
        return widget.getTerminalTextBuffer().getScreenLines();
    }

    /** The status line. */
    public String status() {
        return statusLabel.getText();
    }

    @FXML
    private void saveNow() {
        saveButton.setDisable(true);
        background.create(session::cut)
                .onSuccess(segment -> {
                    saveButton.setDisable(false);
                    store(segment);
                })
                .onError(error -> {
                    saveButton.setDisable(false);
                    statusLabel.setText(MessageFormat.format(strings.getString("terminal.saveFailed"), Errors.describe(error)));
                })
                .run();
    }

    @FXML
    private void captureSelection() {
        String selected = widget.getTerminalPanel().selectedTextProperty().get();
        if (selected == null || selected.isBlank()) {
            return;
        }
        TextInputDialog ask = new TextInputDialog(MessageFormat.format(strings.getString("terminal.capture.default"),
                session.description()));
        ask.initOwner(root.getScene().getWindow());
        ask.setTitle(strings.getString("terminal.capture.title"));
        ask.setHeaderText(strings.getString("terminal.capture.header"));
        ask.setContentText(strings.getString("terminal.capture.caption"));
        ask.getEditor().setPrefColumnCount(40);
        ask.showAndWait().map(String::strip).filter(caption -> !caption.isEmpty()).ifPresent(caption -> {
            java.time.Instant at = session.now();
            String actor = assessment.infoProperty().get().assessor();
            session.marker("captured: " + caption);
            assessment.submit(store -> {
                session.storeSelection(store, selected, caption, at, actor);
                return null;
            }, done -> {
                assessment.evidenceChanged();
                statusLabel.setText(MessageFormat.format(strings.getString("terminal.captured"), caption));
            }, error -> statusLabel.setText(MessageFormat.format(strings.getString("terminal.saveFailed"), Errors.describe(error))));
        });
    }

    /**
     * Ends the session: the console is closed and the last part of the recording is stored, in one task on the
     * assessment's store worker, queued now, so that it runs before the file is closed when the whole window closes.
     * FX thread.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        widget.stop();
        // Stops the emulator's repaint timeline now: left to itself it stops only after the panel is garbage collected,
        // by casting the event source to Timeline, which fails on JavaFX 25 (the source is the KeyFrame). ADR 0035.
        widget.getTerminalPanel().dispose();
        widget.getExecutorServiceManager().shutdownWhenAllExecuted(); // its threads are not daemons
        if (!assessment.isOpen()) {
            background.create(session::close).run();
            return;
        }
        String actor = assessment.infoProperty().get().assessor();
        assessment.submit(store -> {
            SessionRecording.Segment last = session.close();
            if (last != null) {
                session.store(store, last, actor);
            }
            return null;
        }, done -> assessment.evidenceChanged(), error -> org.slf4j.LoggerFactory.getLogger(TerminalView.class)
                .warn("The terminal recording of {} could not be stored", session.description(), error));
    }

    private void store(SessionRecording.Segment segment) {
        if (segment == null || !assessment.isOpen()) {
            return;
        }
        String actor = assessment.infoProperty().get().assessor();
        assessment.submit(store -> {
            session.store(store, segment, actor);
            return null;
        }, done -> {
            assessment.evidenceChanged();
            if (!closed) {
                statusLabel.setText(MessageFormat.format(strings.getString("terminal.saved"), segment.number()));
            }
        }, error -> statusLabel.setText(MessageFormat.format(strings.getString("terminal.saveFailed"), Errors.describe(error))));
    }
}
