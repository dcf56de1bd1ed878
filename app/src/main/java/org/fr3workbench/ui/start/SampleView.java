package org.fr3workbench.ui.start;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.beans.binding.BooleanExpression;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.fr3workbench.report.sample.SampleAssessment;
import org.fr3workbench.report.verify.Check;
import org.fr3workbench.report.verify.VerificationResult;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.Errors;

/** The sample dialog's content: folder, progress, and the verification of the sample dossier; binds to {@link SampleViewModel}. */
public final class SampleView {

    private final SampleViewModel model;
    private final DialogService dialogs;
    private final ResourceBundle strings;

    @FXML
    private TextField folderField;
    @FXML
    private HBox folderRow;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label statusLabel;
    @FXML
    private VBox resultBox;
    @FXML
    private Label resultTitle;
    @FXML
    private VBox checksBox;
    @FXML
    private Label resultFiles;

    public SampleView(SampleViewModel model, DialogService dialogs, ResourceBundle strings) {
        this.model = model;
        this.dialogs = dialogs;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        folderField.textProperty().bindBidirectional(model.folderProperty());
        folderRow.disableProperty().bind(model.runningProperty());
        progressBar.visibleProperty().bind(model.runningProperty());
        progressBar.managedProperty().bind(progressBar.visibleProperty());
        resultBox.visibleProperty().bind(model.resultProperty().isNotNull());
        resultBox.managedProperty().bind(resultBox.visibleProperty());
        model.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                showResult(now);
            }
        });
        model.failureProperty().addListener((obs, old, now) -> {
            if (now != null) {
                statusLabel.textProperty().unbind();
                statusLabel.setText(MessageFormat.format(strings.getString("sample.failed"), Errors.describe(now)));
            }
        });
    }

    /** Whether the dialog's start button is enabled. */
    public BooleanExpression canStart() {
        return model.runningProperty().not().and(model.folderProperty().isNotEmpty());
    }

    /** Starts the sample: progress and messages follow the task. */
    public void start() {
        Task<SampleAssessment.Result> task = model.start();
        progressBar.progressProperty().bind(task.progressProperty());
        statusLabel.textProperty().bind(task.messageProperty());
        task.runningProperty().addListener((obs, was, now) -> {
            if (!now) {
                progressBar.progressProperty().unbind();
                statusLabel.textProperty().unbind();
                if (task.isCancelled()) {
                    statusLabel.setText(strings.getString("sample.cancelled"));
                }
            }
        });
    }

    /** Cancels a running sample; returns whether one was running. */
    public boolean cancel() {
        return model.cancel();
    }

    private void showResult(SampleAssessment.Result result) {
        VerificationResult verification = result.verification();
        statusLabel.setText(strings.getString("sample.done"));
        resultTitle.setText(verification.valid() ? strings.getString("sample.verified") : strings.getString("sample.notVerified"));
        resultTitle.getStyleClass().setAll("label", "sample-result-title", verification.valid() ? "sample-valid" : "sample-invalid");
        checksBox.getChildren().clear();
        for (Check check : verification.checks()) {
            Label line = new Label((check.passed() ? "\u2713  " : "\u2717  ") + check.name() + ": " + check.message());
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            line.getStyleClass().add(check.passed() ? "check-passed" : "check-failed");
            checksBox.getChildren().add(line);
        }
        verification.signatures().stream().flatMap(s -> s.signer().stream()).findFirst().ifPresent(signer -> {
            Label line = new Label(MessageFormat.format(strings.getString("sample.signer"), signer.subject()));
            line.setWrapText(true);
            line.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            line.getStyleClass().add("sample-signer");
            checksBox.getChildren().add(line);
        });
        resultFiles.setText(MessageFormat.format(strings.getString("sample.files"), result.assessment(), result.dossier(),
                result.certificate()));
        // The dialog grows to show the result (a dialog keeps its first size otherwise).
        javafx.application.Platform.runLater(() -> {
            if (resultBox.getScene() != null && resultBox.getScene().getWindow() != null) {
                resultBox.getScene().getWindow().sizeToScene();
            }
        });
    }

    @FXML
    private void browseFolder() {
        dialogs.chooseDirectory(strings.getString("sample.folder.title"), Path.of(folderField.getText().strip()))
                .ifPresent(dir -> folderField.setText(dir.toString()));
    }
}
