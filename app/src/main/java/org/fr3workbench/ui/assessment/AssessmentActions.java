package org.fr3workbench.ui.assessment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.FxmlLoaderFactory;
import org.fr3workbench.ui.common.RecentFiles;

/** New, open and recent assessment files: the flows behind the toolbar and the start page. */
public final class AssessmentActions {

    private final AssessmentSession session;
    private final DialogService dialogs;
    private final RecentFiles recent;
    private final FxmlLoaderFactory loader;
    private final ResourceBundle strings;
    private final String catalogVersion;
    private final java.util.function.Supplier<Window> owner;

    public AssessmentActions(AssessmentSession session, DialogService dialogs, RecentFiles recent, FxmlLoaderFactory loader,
                             String catalogVersion, java.util.function.Supplier<Window> owner) {
        this.session = session;
        this.dialogs = dialogs;
        this.recent = recent;
        this.loader = loader;
        this.strings = loader.strings();
        this.catalogVersion = catalogVersion;
        this.owner = owner;
    }

    /** Asks for the assessment's facts and a file, then creates and opens it. */
    public void newAssessment() {
        Path folder = Path.of(System.getProperty("user.home"));
        Path documents = folder.resolve("Documents");
        NewAssessmentViewModel model = new NewAssessmentViewModel(strings, catalogVersion,
                Files.isDirectory(documents) ? documents : folder);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(strings.getString("new.title"));
        dialog.setHeaderText(strings.getString("new.header"));
        dialog.getDialogPane().setContent(loader.load(new NewAssessmentView(model, dialogs, strings)));
        ButtonType create = new ButtonType(strings.getString("new.create"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(create, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(create).disableProperty().bind(model.validProperty().not());
        dialog.showAndWait().filter(create::equals).flatMap(pressed -> model.result()).ifPresent(info -> {
            Path file = model.filePath();
            session.create(file, info, error -> dialogs.showError(strings.getString("new.failed"), error.getMessage()),
                    () -> recent.add(file));
        });
    }

    /** Chooses an assessment file and opens it. */
    public void openChooser() {
        dialogs.chooseFileToOpen(strings.getString("open.title"), List.of(strings.getString("files.assessment"), "*.fr3"))
                .ifPresent(this::open);
    }

    /** Opens an assessment file; a foreign, damaged or locked file is refused with the reason. */
    public void open(Path file) {
        if (!Files.exists(file)) {
            dialogs.showError(strings.getString("open.failed"), java.text.MessageFormat.format(strings.getString("open.missing"), file));
            recent.remove(file);
            return;
        }
        session.open(file, error -> dialogs.showError(strings.getString("open.failed"), error.getMessage()), () -> recent.add(file));
    }

    public RecentFiles recent() {
        return recent;
    }
}
