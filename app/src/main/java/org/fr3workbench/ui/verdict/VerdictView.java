package org.fr3workbench.ui.verdict;

import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;

/** The verdict editor: decision buttons, rationale, record, history. Binds to {@link VerdictViewModel}. */
public final class VerdictView {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final VerdictViewModel model;
    private final ResourceBundle strings;
    private final ToggleGroup group = new ToggleGroup();

    @FXML
    private FlowPane decisions;
    @FXML
    private TextArea rationaleArea;
    @FXML
    private Button recordButton;
    @FXML
    private Label errorLabel;
    @FXML
    private VBox historyBox;

    public VerdictView(VerdictViewModel model, ResourceBundle strings) {
        this.model = model;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        for (VerdictDecision choice : VerdictViewModel.choices()) {
            ToggleButton button = new ToggleButton(strings.getString("verdict." + choice.code()));
            button.setUserData(choice);
            button.setToggleGroup(group);
            button.getStyleClass().addAll("verdict-choice", "verdict-" + choice.code());
            // Never shortened to "Not applic...": in a narrow panel the choices wrap to a second line instead.
            button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            decisions.getChildren().add(button);
        }
        group.selectedToggleProperty().addListener((obs, old, now) ->
                model.decisionProperty().set(now == null ? null : (VerdictDecision) now.getUserData()));
        model.decisionProperty().addListener((obs, old, now) -> selectToggle(now));
        selectToggle(model.decisionProperty().get());
        rationaleArea.textProperty().bindBidirectional(model.rationaleProperty());
        rationaleArea.promptTextProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                model.decisionProperty().get() != null && model.decisionProperty().get().needsRationale()
                        ? strings.getString("verdict.rationale.required") : strings.getString("verdict.rationale.prompt"),
                model.decisionProperty()));
        rationaleArea.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ENTER && event.isShortcutDown()) {
                model.record();
                event.consume();
            }
        });
        recordButton.disableProperty().bind(model.canRecordProperty().not());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.managedProperty().bind(errorLabel.textProperty().isNotEmpty());
        model.history().addListener((ListChangeListener<Verdict>) change -> showHistory());
        showHistory();
    }

    @FXML
    private void record() {
        model.record();
    }

    private void selectToggle(VerdictDecision decision) {
        group.getToggles().stream().filter(t -> t.getUserData() == decision).findFirst()
                .ifPresentOrElse(group::selectToggle, () -> group.selectToggle(null));
    }

    private void showHistory() {
        historyBox.getChildren().clear();
        if (model.history().isEmpty()) {
            Label none = new Label(strings.getString("verdict.history.none"));
            none.getStyleClass().add("text-muted");
            historyBox.getChildren().add(none);
            return;
        }
        for (Verdict verdict : model.history()) {
            Label line = new Label(MessageFormat.format(strings.getString("verdict.history.entry"),
                    strings.getString("verdict." + verdict.decision().code()), verdict.actor(), TIME.format(verdict.decidedAt()),
                    verdict.rationale().isBlank() ? "\u2013" : verdict.rationale()));
            line.setWrapText(true);
            line.getStyleClass().add("verdict-history-entry");
            historyBox.getChildren().add(line);
        }
    }
}
