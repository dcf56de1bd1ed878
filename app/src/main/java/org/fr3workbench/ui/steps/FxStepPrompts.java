package org.fr3workbench.ui.steps;

import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.fr3workbench.domain.Step;

/** The step runner's questions as JavaFX dialogs owned by the main window. */
public final class FxStepPrompts implements StepPrompts {

    private final Supplier<Window> owner;
    private final Texts texts;

    public FxStepPrompts(Supplier<Window> owner, Texts texts) {
        this.owner = owner;
        this.texts = texts;
    }

    @Override
    public boolean confirmIntrusive(Step step, String commands, String cleanup) {
        Dialog<ButtonType> dialog = dialog(texts.format("steps.intrusive.title", step.title()));
        dialog.getDialogPane().getStyleClass().add("intrusive-dialog");
        Label warning = wrapped(texts.get("steps.intrusive.warning"));
        warning.getStyleClass().add("intrusive-warning");
        TextArea what = code(commands);
        TextArea undo = code(cleanup.isBlank() ? texts.get("steps.intrusive.noCleanup") : cleanup);
        dialog.getDialogPane().setContent(new VBox(8, warning, wrapped(texts.get("steps.intrusive.changes")), what,
                wrapped(texts.get("steps.intrusive.cleanup")), undo));
        ButtonType run = new ButtonType(texts.get("steps.intrusive.run"), ButtonBar.ButtonData.OK_DONE);
        ButtonType dont = new ButtonType(texts.get("steps.intrusive.dont"), ButtonBar.ButtonData.CANCEL_CLOSE);
        dialog.getDialogPane().getButtonTypes().setAll(run, dont);
        // The safe answer is the default: Enter does not change the device.
        ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(run)).setDefaultButton(false);
        ((javafx.scene.control.Button) dialog.getDialogPane().lookupButton(dont)).setDefaultButton(true);
        return dialog.showAndWait().filter(run::equals).isPresent();
    }

    @Override
    public Optional<String> skipReason(Step step) {
        Dialog<ButtonType> dialog = dialog(texts.format("steps.skip.title", step.title()));
        TextArea reason = new TextArea();
        reason.setPromptText(texts.get("steps.skip.prompt"));
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        reason.setId("skipReason");
        dialog.getDialogPane().setContent(new VBox(8, wrapped(texts.get("steps.skip.question")), reason));
        ButtonType skip = new ButtonType(texts.get("steps.skip.confirm"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().setAll(skip, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(skip).disableProperty().bind(reason.textProperty().isEmpty());
        javafx.application.Platform.runLater(reason::requestFocus);
        return dialog.showAndWait().filter(skip::equals).map(b -> reason.getText().strip()).filter(r -> !r.isEmpty());
    }

    @Override
    public Optional<Attestation> attest(Step step) {
        Dialog<ButtonType> dialog = dialog(texts.format("steps.attest.title", step.title()));
        VBox content = new VBox(8);
        if (!step.text().isBlank()) {
            content.getChildren().add(wrapped(step.text()));
        }
        if (step instanceof Step.Instruction instruction) {
            instruction.checklist().forEach(item -> {
                CheckBox box = new CheckBox(item);
                box.setWrapText(true);
                content.getChildren().add(box);
            });
        }
        TextArea note = new TextArea();
        note.setPromptText(texts.get("steps.attest.note"));
        note.setPrefRowCount(3);
        note.setWrapText(true);
        note.setId("attestNote");
        content.getChildren().add(note);
        dialog.getDialogPane().setContent(content);
        ButtonType holds = new ButtonType(texts.get("steps.attest.holds"), ButtonBar.ButtonData.YES);
        ButtonType fails = new ButtonType(texts.get("steps.attest.fails"), ButtonBar.ButtonData.NO);
        dialog.getDialogPane().getButtonTypes().setAll(holds, fails, ButtonType.CANCEL);
        javafx.application.Platform.runLater(note::requestFocus);
        return dialog.showAndWait().filter(b -> b == holds || b == fails)
                .map(b -> new Attestation(b == holds, note.getText().strip()));
    }

    private Dialog<ButtonType> dialog(String title) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        dialog.setResizable(true);
        dialog.getDialogPane().setPrefWidth(560);
        dialog.getDialogPane().getStylesheets().add(FxStepPrompts.class.getResource("steps.css").toExternalForm());
        return dialog;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMaxWidth(520);
        return label;
    }

    private static TextArea code(String text) {
        TextArea area = new TextArea(text);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(Math.clamp(text.split("\n").length, 1, 8));
        area.getStyleClass().add("command-text");
        return area;
    }
}
