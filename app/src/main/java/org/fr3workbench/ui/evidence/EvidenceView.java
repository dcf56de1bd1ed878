package org.fr3workbench.ui.evidence;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.VBox;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.MediaTypes;
import org.fr3workbench.ui.common.DialogService;

/** The evidence gallery of the shown requirement. Binds to {@link EvidenceViewModel}. */
public final class EvidenceView {

    private static final int THUMBNAIL_CACHE = 400;
    private static final int VIEW_BYTES = 1 << 20;

    private final EvidenceViewModel model;
    private final DialogService dialogs;
    private final ResourceBundle strings;
    private final Consumer<Evidence> annotate;
    private final Map<Long, Object> thumbnails = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Object> eldest) {
            return size() > THUMBNAIL_CACHE;
        }
    };

    @FXML
    private VBox root;
    @FXML
    private ListView<Evidence> list;
    @FXML
    private Button viewButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button annotateButton;
    @FXML
    private Label statusLabel;
    @FXML
    private javafx.scene.control.TextField captionField;

    /**
     * @param annotate opens the annotation editor on an image item (ui/capture)
     */
    public EvidenceView(EvidenceViewModel model, DialogService dialogs, ResourceBundle strings, Consumer<Evidence> annotate) {
        this.model = model;
        this.dialogs = dialogs;
        this.strings = strings;
        this.annotate = annotate;
    }

    @FXML
    private void initialize() {
        list.setItems(model.items());
        list.setCellFactory(view -> new EvidenceCell(model, strings, thumbnails));
        list.setPlaceholder(new Label(strings.getString("evidence.empty")));
        viewButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        exportButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        // The model is shared by two galleries (requirement detail and step runner): each reports its own selection,
        // none binds the model (a second bind would silently replace the first).
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));
        annotateButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            Evidence item = list.getSelectionModel().getSelectedItem();
            return item == null || !MediaTypes.isEditableImage(item.mediaType());
        }, list.getSelectionModel().selectedItemProperty()));
        statusLabel.textProperty().bind(model.statusProperty());
        captionField.textProperty().bindBidirectional(model.captionProperty());
        list.setOnMouseClicked(event -> {
            if (event.getClickCount() == 2) {
                view();
            }
        });
        root.setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        root.setOnDragDropped(event -> {
            List<File> files = event.getDragboard().getFiles();
            model.importFiles(files.stream().map(File::toPath).toList(), this::showError);
            event.setDropCompleted(!files.isEmpty());
            event.consume();
        });
    }

    @FXML
    private void addFiles() {
        dialogs.chooseFileToOpen(strings.getString("evidence.add.title"), List.of())
                .ifPresent(file -> model.importFiles(List.of(file), this::showError));
    }

    @FXML
    private void addNote() {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle(strings.getString("evidence.note.title"));
        dialog.setHeaderText(strings.getString("evidence.note.header"));
        TextArea text = new TextArea();
        text.setPrefRowCount(8);
        text.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, dialog.getEditor(), text));
        dialog.getEditor().setPromptText(strings.getString("evidence.note.name"));
        dialog.showAndWait().ifPresent(title -> model.addNote(title, text.getText(), this::showError));
    }

    @FXML
    private void view() {
        Evidence item = list.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        if (MediaTypes.isImage(item.mediaType()) && !MediaTypes.isEditableImage(item.mediaType())) {
            dialogs.showInfo(item.name(), java.text.MessageFormat.format(strings.getString("evidence.view.unsupported"), item.mediaType()));
        } else if (MediaTypes.isEditableImage(item.mediaType())) {
            model.withContent(item, Image::new, result -> {
                if (result instanceof Image picture) {
                    ScrollPane pane = new ScrollPane(new ImageView(picture));
                    pane.setPrefSize(Math.min(1000, picture.getWidth() + 20), Math.min(700, picture.getHeight() + 20));
                    dialogs.showContent(item.name(), pane);
                }
            });
        } else {
            model.withContent(item, in -> new String(in.readNBytes(VIEW_BYTES), StandardCharsets.UTF_8), result -> {
                TextArea text = new TextArea(result == null ? "" : result.toString());
                text.setEditable(false);
                text.getStyleClass().add("transcript");
                text.setPrefSize(900, 600);
                dialogs.showContent(item.name(), text);
            });
        }
    }

    @FXML
    private void annotateSelected() {
        Evidence item = list.getSelectionModel().getSelectedItem();
        if (item != null && MediaTypes.isEditableImage(item.mediaType())) {
            annotate.accept(item);
        }
    }

    @FXML
    private void exportCopy() {
        Evidence item = list.getSelectionModel().getSelectedItem();
        if (item == null) {
            return;
        }
        dialogs.chooseFileToSave(strings.getString("evidence.export.title"), item.name(), List.of())
                .ifPresent(target -> model.exportCopy(item, target,
                        () -> dialogs.showInfo(strings.getString("evidence.export.done"), target.toString()), this::showError));
    }

    private void showError(Throwable error) {
        dialogs.showError(strings.getString("evidence.error"), error.getMessage());
    }
}
