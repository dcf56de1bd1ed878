package org.fr3workbench.ui.export;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import org.fr3workbench.report.DossierExporter;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.Errors;

/** The export form and its progress; binds to {@link ExportViewModel}. */
public final class ExportView {

    private final ExportViewModel model;
    private final DialogService dialogs;
    private final ResourceBundle strings;
    private TaskProgress progress;

    @FXML
    private TextField outputField;
    @FXML
    private RadioButton pdfRadio;
    @FXML
    private RadioButton oscalRadio;
    @FXML
    private javafx.scene.layout.VBox signingBox;
    @FXML
    private RadioButton selfSignedRadio;
    @FXML
    private RadioButton keyRadio;
    @FXML
    private RadioButton noneRadio;
    @FXML
    private HBox keyRow;
    @FXML
    private TextField keyField;
    @FXML
    private PasswordField passwordField;
    @FXML
    private TextField tsaField;
    @FXML
    private TextField locationField;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label statusLabel;

    public ExportView(ExportViewModel model, DialogService dialogs, ResourceBundle strings) {
        this.model = model;
        this.dialogs = dialogs;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        outputField.textProperty().bindBidirectional(model.outputProperty());
        keyField.textProperty().bindBidirectional(model.keyFileProperty());
        tsaField.textProperty().bindBidirectional(model.tsaProperty());
        locationField.textProperty().bindBidirectional(model.locationProperty());
        ToggleGroup group = new ToggleGroup();
        selfSignedRadio.setToggleGroup(group);
        selfSignedRadio.setUserData(ExportViewModel.Signing.SELF_SIGNED);
        keyRadio.setToggleGroup(group);
        keyRadio.setUserData(ExportViewModel.Signing.KEY);
        noneRadio.setToggleGroup(group);
        noneRadio.setUserData(ExportViewModel.Signing.NONE);
        group.selectToggle(selfSignedRadio);
        group.selectedToggleProperty().addListener((obs, old, now) ->
                model.signingProperty().set((ExportViewModel.Signing) now.getUserData()));
        keyRow.disableProperty().bind(keyRadio.selectedProperty().not());
        ToggleGroup formats = new ToggleGroup();
        pdfRadio.setToggleGroup(formats);
        pdfRadio.setUserData(ExportViewModel.Format.PDF);
        oscalRadio.setToggleGroup(formats);
        oscalRadio.setUserData(ExportViewModel.Format.OSCAL);
        formats.selectToggle(pdfRadio);
        formats.selectedToggleProperty().addListener((obs, old, now) ->
                model.formatProperty().set((ExportViewModel.Format) now.getUserData()));
        signingBox.disableProperty().bind(oscalRadio.selectedProperty());
        passwordField.disableProperty().bind(noneRadio.selectedProperty());
        progress = new TaskProgress(progressBar, statusLabel);
    }

    /** Whether the form can start an export. */
    public javafx.beans.binding.BooleanExpression canExport() {
        return model.readyProperty().and(progress.running().not()).and(passwordField.textProperty().isNotEmpty()
                .or(noneRadio.selectedProperty()).or(oscalRadio.selectedProperty()));
    }

    /** Starts the export; the password leaves the field at once and is cleared after use. */
    public void start() {
        char[] password = passwordField.getText().toCharArray();
        passwordField.clear();
        Task<DossierExporter.Result> task = model.export(password);
        boolean oscal = oscalRadio.isSelected();
        progress.follow(task, result -> oscal ? MessageFormat.format(strings.getString("export.done.oscal"), result.file(),
                        result.attachments()) : MessageFormat.format(strings.getString("export.done"), result.file(),
                        result.pages(), result.attachments(),
                        result.signed() ? strings.getString("export.done.signed") : strings.getString("export.done.unsigned")),
                error -> MessageFormat.format(strings.getString("export.failed"), Errors.describe(error)),
                strings.getString("export.cancelled"));
    }

    /** Cancels a running export; nothing is left behind. */
    public boolean cancel() {
        return progress.cancel();
    }

    @FXML
    private void browseOutput() {
        dialogs.chooseFileToSave(strings.getString("export.output.title"), Path.of(outputField.getText()).getFileName().toString(),
                List.of(strings.getString("files.pdf"), "*.pdf")).ifPresent(path -> outputField.setText(path.toString()));
    }

    @FXML
    private void browseKey() {
        dialogs.chooseFileToOpen(strings.getString("export.signing.key.title"), List.of(strings.getString("files.p12"), "*.p12", "*.pfx"))
                .ifPresent(path -> keyField.setText(path.toString()));
    }
}
