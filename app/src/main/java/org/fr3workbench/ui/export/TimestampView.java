package org.fr3workbench.ui.export;

import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import javafx.beans.binding.BooleanExpression;
import javafx.concurrent.Task;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import org.fr3workbench.report.DossierTimeStamping;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.Errors;
import org.fr3workbench.ui.common.Tasks;

/** The "add document time-stamp" form and its progress; binds to {@link TimestampViewModel}. */
public final class TimestampView {

    private final TimestampViewModel model;
    private final DialogService dialogs;
    private final ResourceBundle strings;
    private final Tasks background;
    private TaskProgress progress;

    @FXML
    private TextField dossierField;
    @FXML
    private TextField tsaField;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label statusLabel;

    public TimestampView(TimestampViewModel model, DialogService dialogs, ResourceBundle strings, Tasks background) {
        this.model = model;
        this.dialogs = dialogs;
        this.strings = strings;
        this.background = background;
    }

    @FXML
    private void initialize() {
        dossierField.textProperty().bindBidirectional(model.dossierProperty());
        tsaField.textProperty().bindBidirectional(model.tsaProperty());
        progress = new TaskProgress(progressBar, statusLabel);
    }

    /** Whether the form can start. */
    public BooleanExpression canStart() {
        return model.readyProperty().and(progress.running().not());
    }

    /** Starts the time-stamping in the background. */
    public void start() {
        Task<DossierTimeStamping.Outcome> task = model.task();
        progress.follow(task, outcome -> MessageFormat.format(strings.getString("timestamp.done"), outcome.file(),
                        outcome.timeStamp().timeStamp().map(Object::toString).orElse("?"),
                        outcome.timeStamp().signer().map(c -> c.subject()).orElse("?")),
                error -> MessageFormat.format(strings.getString("timestamp.failed"), Errors.describe(error)),
                strings.getString("timestamp.cancelled"));
        background.run(task);
    }

    /** Cancels a running time-stamping; the dossier stays as it was. */
    public boolean cancel() {
        return progress.cancel();
    }

    @FXML
    private void browseDossier() {
        dialogs.chooseFileToOpen(strings.getString("verify.title"), List.of(strings.getString("files.pdf"), "*.pdf"))
                .map(Path::toString).ifPresent(dossierField::setText);
    }
}
