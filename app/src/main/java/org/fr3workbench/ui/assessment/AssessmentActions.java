package org.fr3workbench.ui.assessment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ResourceBundle;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.report.DossierTimeStamping;
import org.fr3workbench.report.sign.DocumentTimeStamper;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.FxmlLoaderFactory;
import org.fr3workbench.ui.common.RecentFiles;
import org.fr3workbench.ui.common.Tasks;
import org.fr3workbench.ui.export.ExportView;
import org.fr3workbench.ui.export.ExportViewModel;
import org.fr3workbench.ui.export.TimestampView;
import org.fr3workbench.ui.export.TimestampViewModel;

/** New, open and recent assessment files: the flows behind the toolbar and the start page. */
public final class AssessmentActions {

    private final AssessmentSession session;
    private final DialogService dialogs;
    private final RecentFiles recent;
    private final FxmlLoaderFactory loader;
    private final ResourceBundle strings;
    private final Catalog catalog;
    private final Tasks background;
    private final java.util.function.Supplier<Window> owner;

    public AssessmentActions(AssessmentSession session, DialogService dialogs, RecentFiles recent, FxmlLoaderFactory loader,
                             Catalog catalog, Tasks background, java.util.function.Supplier<Window> owner) {
        this.session = session;
        this.dialogs = dialogs;
        this.recent = recent;
        this.loader = loader;
        this.strings = loader.strings();
        this.catalog = catalog;
        this.background = background;
        this.owner = owner;
    }

    /** Asks for the assessment's facts and a file, then creates and opens it. */
    public void newAssessment() {
        Path folder = Path.of(System.getProperty("user.home"));
        Path documents = folder.resolve("Documents");
        NewAssessmentViewModel model = new NewAssessmentViewModel(strings, catalog.version(),
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

    /** Exports the open assessment as a dossier, with progress and cancel; signing optional. */
    public void exportDossier() {
        if (!session.isOpen()) {
            return;
        }
        ExportView view = new ExportView(new ExportViewModel(session, catalog), dialogs, strings);
        taskDialog(strings.getString("export.title"), strings.getString("export.header"), strings.getString("export.start"),
                loader.load(view), view.canExport(), view::start, view::cancel);
    }

    /** Verifies a dossier PDF: signature, coverage, embedded evidence, and the journal head of the open assessment. */
    public void verifyDossier() {
        dialogs.chooseFileToOpen(strings.getString("verify.title"), List.of(strings.getString("files.pdf"), "*.pdf"))
                .ifPresent(pdf -> {
                    java.util.Optional<String> head = java.util.Optional.empty();
                    background.create(() -> new org.fr3workbench.report.verify.DossierVerifier().verify(pdf, head))
                            .onSuccess(result -> {
                                String details = result.checks().stream()
                                        .map(c -> (c.passed() ? "\u2713 " : "\u2717 ") + c.name() + ": " + c.message())
                                        .collect(java.util.stream.Collectors.joining("\n"));
                                if (result.valid()) {
                                    dialogs.showInfo(strings.getString("verify.valid"), pdf + "\n\n" + details);
                                } else {
                                    dialogs.showError(strings.getString("verify.invalid"), pdf + "\n\n" + details);
                                }
                            })
                            .onError(error -> dialogs.showError(strings.getString("verify.invalid"),
                                    org.fr3workbench.ui.common.Errors.describe(error)))
                            .run();
                });
    }

    /** Adds a document time-stamp to a signed dossier, as a background task with progress and cancel. */
    public void timestampDossier() {
        Path suggested = null;
        Path file = session.fileProperty().get();
        if (file != null) {
            Path dossier = file.resolveSibling(file.getFileName().toString().replaceFirst("\\.fr3$", "") + "-dossier.pdf");
            suggested = Files.isRegularFile(dossier) ? dossier : null;
        }
        TimestampView view = new TimestampView(new TimestampViewModel(new DossierTimeStamping(
                new org.fr3workbench.report.verify.DossierVerifier(), new DocumentTimeStamper()), suggested), dialogs, strings,
                background);
        taskDialog(strings.getString("timestamp.title"), strings.getString("timestamp.header"), strings.getString("timestamp.start"),
                loader.load(view), view.canStart(), view::start, view::cancel);
    }

    /**
     * A non-modal dialog with the content, a start button (enabled by {@code canStart}) and Close,
     * which cancels a running task instead of closing.
     */
    private void taskDialog(String title, String header, String startLabel, javafx.scene.Parent content,
                            javafx.beans.binding.BooleanExpression canStart, Runnable start,
                            java.util.function.BooleanSupplier cancel) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().setContent(content);
        ButtonType startType = new ButtonType(startLabel, javafx.scene.control.ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().addAll(startType, ButtonType.CLOSE);
        javafx.scene.Node startButton = dialog.getDialogPane().lookupButton(startType);
        startButton.disableProperty().bind(canStart.not());
        startButton.addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            event.consume();
            start.run();
        });
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            if (cancel.getAsBoolean()) {
                event.consume();
            }
        });
        dialog.show();
    }

    public RecentFiles recent() {
        return recent;
    }
}
