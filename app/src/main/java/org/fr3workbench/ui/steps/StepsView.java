package org.fr3workbench.ui.steps;

import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepOutcome;

/**
 * The step runner: the selected requirement's steps, the selected step's instructions, commands, parameters, result
 * and live output, and the verdict panel (the verdict editor and evidence gallery, reused). Binds to
 * {@link StepsViewModel}; keyboard shortcuts are installed on the scene and act only while the view is showing.
 */
public final class StepsView {

    private final StepsViewModel model;
    private final Texts texts;

    @FXML
    private BorderPane root;
    @FXML
    private VBox pendingBox;
    @FXML
    private Label requirementLabel;
    @FXML
    private Label progressLabel;
    @FXML
    private Button runAllButton;
    @FXML
    private Label noticeLabel;
    @FXML
    private ListView<StepItem> stepList;
    @FXML
    private Label stepTitle;
    @FXML
    private Label stepTags;
    @FXML
    private Label instructionsLabel;
    @FXML
    private VBox checklistBox;
    @FXML
    private Label commandsHeading;
    @FXML
    private TextArea commandsArea;
    @FXML
    private GridPane parameterGrid;
    @FXML
    private Button runButton;
    @FXML
    private Button attestButton;
    @FXML
    private Button skipButton;
    @FXML
    private Button cancelButton;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private Label messageLabel;
    @FXML
    private HBox resultBox;
    @FXML
    private Label outcomeChip;
    @FXML
    private Label reasonLabel;
    @FXML
    private VBox checksBox;
    @FXML
    private Label droppedLabel;
    @FXML
    private ListView<String> outputList;
    @FXML
    private VBox suggestionsBox;

    private final InvalidationListener selectedChanged = obs -> showSelected();
    private StepItem shown;

    public StepsView(StepsViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        stepList.setItems(model.steps());
        stepList.setCellFactory(list -> new StepCell(texts));
        stepList.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.selectedProperty().addListener((obs, old, now) -> {
            stepList.getSelectionModel().select(now);
            if (now != null) {
                stepList.scrollTo(now);
            }
            showSelected();
        });
        model.steps().addListener((ListChangeListener<StepItem>) change -> showRequirement());
        model.requirementProperty().addListener((obs, old, now) -> showRequirement());
        model.libraryProperty().addListener((obs, old, now) -> showRequirement());
        model.serviceProperty().addListener((obs, old, now) -> showSelected());
        model.pendingCleanups().addListener((ListChangeListener<StepService.Pending>) change -> showPending());
        outputList.setFixedCellSize(18);
        outputList.setCellFactory(list -> new OutputCell());
        outputList.setPlaceholder(new Label(texts.get("steps.output.none")));
        commandsArea.textProperty().bind(model.commandsProperty());
        messageLabel.textProperty().bind(model.messageProperty());
        busyIndicator.visibleProperty().bind(model.busyProperty());
        cancelButton.disableProperty().bind(model.busyProperty().not());
        for (javafx.scene.Node node : new javafx.scene.Node[] {checklistBox, commandsHeading, commandsArea, parameterGrid,
            resultBox, checksBox, noticeLabel, instructionsLabel}) {
            node.managedProperty().bind(node.visibleProperty());
        }
        tooltip(runButton, texts.get("steps.run.tooltip"));
        tooltip(runAllButton, texts.get("steps.runAll.tooltip"));
        tooltip(attestButton, texts.get("steps.attest.tooltip"));
        tooltip(skipButton, texts.get("steps.skip.tooltip"));
        tooltip(cancelButton, texts.get("steps.cancel.tooltip"));
        stepList.setTooltip(new Tooltip(texts.get("steps.list.tooltip")));
        model.busyProperty().addListener((obs, old, now) -> showSelected());
        root.sceneProperty().addListener((obs, old, scene) -> installShortcuts(scene));
        showRequirement();
        showPending();
    }

    private static void tooltip(Button button, String text) {
        button.setTooltip(new Tooltip(text));
    }

    private void installShortcuts(Scene scene) {
        if (scene == null) {
            return;
        }
        shortcut(scene, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), model::run);
        shortcut(scene, new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                model::runAllAutomatic);
        shortcut(scene, new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN), model::next);
        shortcut(scene, new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN), model::previous);
        shortcut(scene, new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), model::attest);
        shortcut(scene, new KeyCodeCombination(KeyCode.ESCAPE), model::cancel);
    }

    private void shortcut(Scene scene, KeyCombination keys, Runnable action) {
        scene.getAccelerators().put(keys, () -> {
            if (root.isVisible() && root.getParent() != null && root.getParent().isVisible()) {
                action.run();
            }
        });
    }

    private void showRequirement() {
        Requirement requirement = model.requirementProperty().get();
        requirementLabel.setText(requirement == null ? "" : requirement.id() + "  " + requirement.title());
        long run = model.steps().stream().filter(s -> s.outcomeProperty().get() != null).count();
        progressLabel.setText(requirement == null ? "" : texts.format("steps.progress", run, model.steps().size()));
        boolean anyProcedure = model.steps().stream().anyMatch(s -> s.step().isPresent());
        noticeLabel.setVisible(requirement != null && (!anyProcedure || model.serviceProperty().get() == null));
        noticeLabel.setText(anyProcedure ? texts.get("steps.notice.noEngine") : texts.get("steps.notice.noProcedure"));
        runAllButton.setDisable(model.steps().stream().noneMatch(StepItem::automatic));
        showSuggestions();
        showSelected();
    }

    private void showSelected() {
        if (shown != null) {
            shown.outcomeProperty().removeListener(selectedChanged);
            shown.checks().removeListener(selectedChanged);
            shown.runningProperty().removeListener(selectedChanged);
        }
        shown = model.selectedProperty().get();
        boolean busy = model.busyProperty().get();
        boolean engine = model.serviceProperty().get() != null;
        if (shown == null) {
            stepTitle.setText(texts.get("steps.none"));
            stepTags.setText("");
            instructionsLabel.setVisible(false);
            for (javafx.scene.Node node : new javafx.scene.Node[] {checklistBox, commandsHeading, commandsArea, parameterGrid,
                resultBox, checksBox}) {
                node.setVisible(false);
            }
            runButton.setDisable(true);
            attestButton.setDisable(true);
            skipButton.setDisable(true);
            outputList.setItems(javafx.collections.FXCollections.observableArrayList());
            return;
        }
        shown.outcomeProperty().addListener(selectedChanged);
        shown.checks().addListener(selectedChanged);
        shown.runningProperty().addListener(selectedChanged);
        stepTitle.setText(shown.number() + ". " + shown.planned().title());
        stepTags.setText(tags(shown));
        Step step = shown.step().orElse(null);
        instructionsLabel.setVisible(step != null && !step.text().isBlank());
        instructionsLabel.setText(step == null ? "" : step.text());
        showChecklist(step);
        boolean hasCommands = !model.commandsProperty().get().isEmpty();
        commandsHeading.setVisible(hasCommands);
        commandsArea.setVisible(hasCommands);
        commandsArea.setPrefRowCount(Math.clamp(model.commandsProperty().get().split("\n").length, 1, 6));
        showParameters();
        runButton.setDisable(!shown.automatic() || busy || !engine);
        attestButton.setDisable(!shown.attestable() || busy || !engine);
        skipButton.setDisable(shown.step().isEmpty() || busy || !engine);
        StepOutcome outcome = shown.outcomeProperty().get();
        resultBox.setVisible(outcome != null);
        outcomeChip.getStyleClass().removeIf(c -> c.startsWith("outcome-") && !c.equals("outcome-chip"));
        if (outcome != null) {
            outcomeChip.setText(texts.outcome(outcome));
            outcomeChip.getStyleClass().add("outcome-" + outcome.code());
            reasonLabel.setText(shown.reasonProperty().get());
        }
        showChecks();
        outputList.setItems(shown.output().lines());
        droppedLabel.textProperty().bind(Bindings.createStringBinding(() -> shown.output().droppedProperty().get() == 0 ? ""
                : texts.format("steps.output.dropped", shown.output().droppedProperty().get()), shown.output().droppedProperty()));
        showSuggestions();
        progressLabel.setText(texts.format("steps.progress",
                model.steps().stream().filter(s -> s.outcomeProperty().get() != null).count(), model.steps().size()));
    }

    private String tags(StepItem item) {
        StringBuilder tags = new StringBuilder(texts.get("step.kind." + item.planned().kind().name().toLowerCase(Locale.ROOT)))
                .append(" \u00b7 ").append(texts.get("step.where." + item.planned().location().name().toLowerCase(Locale.ROOT)));
        if (!item.planned().cipTestCase().isEmpty()) {
            tags.append(" \u00b7 ").append(item.planned().cipTestCase());
        }
        if (item.planned().intrusive()) {
            tags.append(" \u00b7 ").append(texts.get("step.intrusive"));
        }
        return tags.toString();
    }

    private void showChecklist(Step step) {
        checklistBox.getChildren().clear();
        if (step instanceof Step.Instruction instruction) {
            instruction.checklist().forEach(item -> {
                CheckBox box = new CheckBox(item);
                box.setWrapText(true);
                checklistBox.getChildren().add(box);
            });
        }
        checklistBox.setVisible(!checklistBox.getChildren().isEmpty());
    }

    private void showParameters() {
        parameterGrid.getChildren().clear();
        int row = 0;
        for (ParameterRow parameter : model.parameters()) {
            Label name = new Label(parameter.parameter().title());
            name.setTooltip(new Tooltip("{{" + parameter.parameter().id() + "}}"));
            name.getStyleClass().add("parameter-name");
            name.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            parameterGrid.add(name, 0, row);
            if (parameter.editable()) {
                TextField field = new TextField();
                field.textProperty().bindBidirectional(parameter.valueProperty());
                field.setId("param-" + parameter.parameter().id());
                field.setAccessibleText(parameter.parameter().title());
                GridPane.setHgrow(field, javafx.scene.layout.Priority.ALWAYS);
                parameterGrid.add(field, 1, row);
                Button reset = new Button(texts.get("steps.param.reset"));
                reset.getStyleClass().addAll("small", "flat");
                reset.setTooltip(new Tooltip(texts.format("steps.param.default", parameter.parameter().defaultValue())));
                reset.disableProperty().bind(parameter.changedProperty().not());
                reset.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                reset.setOnAction(event -> parameter.reset());
                parameterGrid.add(reset, 2, row);
                Label cip = new Label(texts.format("steps.param.default", parameter.parameter().defaultValue()));
                cip.getStyleClass().add("text-muted");
                cip.setMinWidth(0);
                cip.visibleProperty().bind(parameter.changedProperty());
                field.setPromptText(parameter.parameter().defaultValue());
                field.setTooltip(new Tooltip(texts.format("steps.param.default", parameter.parameter().defaultValue())));
                parameterGrid.add(cip, 3, row);
            } else {
                Label how = new Label(texts.get("steps.param.kind." + parameter.parameter().kind().name().toLowerCase(Locale.ROOT)));
                how.getStyleClass().add("text-muted");
                parameterGrid.add(how, 1, row, 3, 1);
            }
            row++;
        }
        parameterGrid.setVisible(row > 0);
    }

    private void showChecks() {
        checksBox.getChildren().clear();
        for (StepService.Check check : shown.checks()) {
            Label mark = new Label(check.held() ? "\u2713" : "\u2717");
            mark.getStyleClass().addAll("check-mark", check.held() ? "check-held" : "check-failed");
            Label expected = new Label(check.expectation());
            expected.setWrapText(true);
            expected.setMinWidth(0);
            expected.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label observed = new Label(check.observed().isBlank() ? "" : "\u2192 " + check.observed());
            observed.getStyleClass().add("text-muted");
            observed.setWrapText(true);
            observed.setMinWidth(0);
            HBox line = new HBox(6, mark, expected, observed);
            line.getStyleClass().add(check.held() ? "check-row-held" : "check-row-failed");
            checksBox.getChildren().add(line);
        }
        checksBox.setVisible(!checksBox.getChildren().isEmpty());
    }

    private void showSuggestions() {
        suggestionsBox.getChildren().clear();
        for (StepItem item : model.steps()) {
            StepOutcome outcome = item.outcomeProperty().get();
            Label chip = new Label(outcome == null ? texts.get("steps.outcome.notRun") : texts.outcome(outcome));
            chip.getStyleClass().addAll("outcome-chip", outcome == null ? "outcome-none" : "outcome-" + outcome.code());
            chip.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label text = new Label(item.number() + ". " + item.planned().title()
                    + (item.reasonProperty().get().isBlank() ? "" : " \u2014 " + item.reasonProperty().get()));
            text.setWrapText(true);
            text.setMinWidth(0);
            HBox line = new HBox(6, chip, text);
            line.getStyleClass().add("suggestion-row");
            suggestionsBox.getChildren().add(line);
        }
    }

    private void showPending() {
        pendingBox.getChildren().clear();
        for (StepService.Pending pending : model.pendingCleanups()) {
            Label what = new Label(texts.format("steps.pending", pending.requirementId(), pending.step().title(), pending.why()));
            what.setWrapText(true);
            what.setMinWidth(0);
            HBox.setHgrow(what, javafx.scene.layout.Priority.ALWAYS);
            Button run = new Button(texts.get("steps.pending.run"));
            run.getStyleClass().add("danger");
            run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            run.disableProperty().bind(model.busyProperty());
            run.setOnAction(event -> model.runCleanup(pending));
            HBox banner = new HBox(10, what, run);
            banner.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            banner.getStyleClass().add("pending-cleanup");
            pendingBox.getChildren().add(banner);
        }
    }

    @FXML
    private void run() {
        model.run();
    }

    @FXML
    private void runAll() {
        model.runAllAutomatic();
    }

    @FXML
    private void attest() {
        model.attest();
    }

    @FXML
    private void skip() {
        model.skip();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    /** A line of output in a monospaced font. */
    private static final class OutputCell extends ListCell<String> {
        OutputCell() {
            getStyleClass().add("output-line");
        }

        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(empty ? null : line);
        }
    }
}
