package org.fr3workbench.ui.capture;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fr3workbench.domain.Annotation;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.Errors;

/**
 * The annotation editor: an image item with tools for boxes, arrows, text labels and redactions.
 * Saving writes a new evidence item (the marks burnt in, redacted pixels replaced by black); the
 * item it was opened from stays as it is. Keys: Ctrl+Z undo, Delete removes the selected mark,
 * Ctrl+S saves, Esc closes.
 */
final class AnnotationEditor {

    private final CaptureViewModel capture;
    private final DialogService dialogs;
    private final ResourceBundle strings;
    private final Evidence original;
    private final AnnotationEditorModel model = new AnnotationEditorModel();
    private final Stage stage = new Stage();
    private final Pane canvas = new Pane();
    private final Group marks = new Group();
    private final Group preview = new Group();
    private final Label status = new Label();
    private final Button save = new Button();
    private double startX;
    private double startY;

    AnnotationEditor(CaptureViewModel capture, DialogService dialogs, ResourceBundle strings, Evidence original) {
        this.capture = capture;
        this.dialogs = dialogs;
        this.strings = strings;
        this.original = original;
    }

    /** Opens the editor window on the decoded image; {@code onSaved} gets the new item. */
    Stage show(Window owner, Image image, Consumer<Evidence> onSaved) {
        ImageView view = new ImageView(image);
        canvas.getChildren().addAll(view, marks, preview);
        canvas.setId("annotationCanvas");
        canvas.getStyleClass().add("annotation-canvas");
        canvas.setMinSize(image.getWidth(), image.getHeight());
        canvas.setMaxSize(image.getWidth(), image.getHeight());
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
        javafx.scene.layout.StackPane holder = new javafx.scene.layout.StackPane(canvas);
        holder.setPadding(new Insets(16));
        holder.getStyleClass().add("annotation-holder");
        ScrollPane scroll = new ScrollPane(holder);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setPannable(false);
        scroll.getStyleClass().add("annotation-scroll");
        model.annotations().addListener((ListChangeListener<Annotation>) change -> redraw());
        model.selectedProperty().addListener((obs, old, now) -> redraw());

        BorderPane root = new BorderPane(scroll);
        root.getStyleClass().add("annotation-editor");
        root.setTop(toolbar());
        root.setBottom(saveBar(onSaved));

        Scene scene = new Scene(root, Math.min(1200, Math.max(800, image.getWidth() + 60)), Math.min(860, image.getHeight() + 190));
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            stage.initOwner(owner);
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), model::undo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), () -> save(onSaved));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DELETE), model::deleteSelected);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), this::closeAsking);
        stage.setOnCloseRequest(event -> {
            event.consume();
            closeAsking();
        });
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(MessageFormat.format(strings.getString("annotate.title"), original.id(), original.name()));
        stage.setScene(scene);
        stage.show();
        return stage;
    }

    private ToolBar toolbar() {
        ToggleGroup tools = new ToggleGroup();
        ToggleButton box = tool(tools, AnnotationEditorModel.Tool.BOX, "toolBox", strings.getString("annotate.tool.box"),
                strings.getString("annotate.tool.box.tip"));
        ToggleButton arrow = tool(tools, AnnotationEditorModel.Tool.ARROW, "toolArrow", strings.getString("annotate.tool.arrow"),
                strings.getString("annotate.tool.arrow.tip"));
        ToggleButton text = tool(tools, AnnotationEditorModel.Tool.TEXT, "toolText", strings.getString("annotate.tool.text"),
                strings.getString("annotate.tool.text.tip"));
        ToggleButton redact = tool(tools, AnnotationEditorModel.Tool.REDACT, "toolRedact", strings.getString("annotate.tool.redact"),
                strings.getString("annotate.tool.redact.tip"));
        tools.selectToggle(box);
        tools.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                tools.selectToggle(old);
            } else {
                model.toolProperty().set((AnnotationEditorModel.Tool) now.getUserData());
            }
        });
        TextField label = new TextField();
        label.setId("annotationLabel");
        label.setPromptText(strings.getString("annotate.label.prompt"));
        label.setPrefColumnCount(14);
        label.textProperty().bindBidirectional(model.labelProperty());
        label.textProperty().addListener((obs, old, now) -> {
            if (!now.isBlank()) {
                tools.selectToggle(text);
            }
        });
        Button undo = new Button(strings.getString("annotate.undo"));
        undo.setId("annotationUndo");
        undo.disableProperty().bind(model.canUndoProperty().not());
        undo.setOnAction(e -> model.undo());
        Button delete = new Button(strings.getString("annotate.delete"));
        delete.disableProperty().bind(model.selectedProperty().lessThan(0));
        delete.setOnAction(e -> model.deleteSelected());
        ToolBar bar = new ToolBar(box, arrow, text, label, redact, new Separator(javafx.geometry.Orientation.VERTICAL), undo, delete);
        bar.getStyleClass().add("annotation-toolbar");
        return bar;
    }

    /** Caption, Save and Close, with the hint (or the last problem) below them. */
    private javafx.scene.layout.VBox saveBar(Consumer<Evidence> onSaved) {
        TextField caption = new TextField();
        caption.setId("annotationCaption");
        caption.setPromptText(strings.getString("annotate.caption.prompt"));
        caption.textProperty().bindBidirectional(model.captionProperty());
        HBox.setHgrow(caption, Priority.ALWAYS);
        save.setText(strings.getString("annotate.save"));
        save.setId("annotationSave");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(Bindings.isEmpty(model.annotations()));
        save.setOnAction(e -> save(onSaved));
        Button cancel = new Button(strings.getString("annotate.cancel"));
        cancel.setOnAction(e -> closeAsking());
        HBox buttons = new HBox(8, new Label(strings.getString("annotate.caption")), caption, save, cancel);
        buttons.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        status.getStyleClass().add("text-muted");
        status.setWrapText(true);
        status.setText(strings.getString("annotate.hint"));
        javafx.scene.layout.VBox bar = new javafx.scene.layout.VBox(6, buttons, status);
        bar.getStyleClass().add("annotation-savebar");
        bar.setPadding(new Insets(10, 12, 10, 12));
        return bar;
    }

    private static ToggleButton tool(ToggleGroup group, AnnotationEditorModel.Tool tool, String id, String label, String tip) {
        ToggleButton button = new ToggleButton(label);
        button.setId(id);
        button.setUserData(tool);
        button.setToggleGroup(group);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private void pressed(MouseEvent event) {
        startX = event.getX();
        startY = event.getY();
        canvas.requestFocus();
    }

    private void dragged(MouseEvent event) {
        preview.getChildren().setAll(model.markFor(startX, startY, clampX(event.getX()), clampY(event.getY()))
                .filter(mark -> !(mark instanceof Annotation.Text)).map(mark -> MarkNodes.node(mark, false)).stream().toList());
    }

    private void released(MouseEvent event) {
        preview.getChildren().clear();
        double x = clampX(event.getX());
        double y = clampY(event.getY());
        boolean click = Math.hypot(x - startX, y - startY) < AnnotationEditorModel.MIN_DRAG;
        if (click && model.toolProperty().get() != AnnotationEditorModel.Tool.TEXT) {
            model.selectedProperty().set(model.indexAt(x, y));
            return;
        }
        if (click && model.labelProperty().get().isBlank()) {
            status.setText(strings.getString("annotate.label.missing"));
            return;
        }
        model.markFor(startX, startY, x, y).ifPresent(model::add);
    }

    private double clampX(double x) {
        return Math.max(0, Math.min(canvas.getWidth(), x));
    }

    private double clampY(double y) {
        return Math.max(0, Math.min(canvas.getHeight(), y));
    }

    private void redraw() {
        int selected = model.selectedProperty().get();
        java.util.List<Node> nodes = new java.util.ArrayList<>();
        for (int i = 0; i < model.annotations().size(); i++) {
            nodes.add(MarkNodes.node(model.annotations().get(i), i == selected));
        }
        marks.getChildren().setAll(nodes);
    }

    private void save(Consumer<Evidence> onSaved) {
        if (model.annotations().isEmpty() || save.getProperties().containsKey("saving")) {
            return;
        }
        save.getProperties().put("saving", Boolean.TRUE);
        status.setText(strings.getString("annotate.saving"));
        capture.saveAnnotated(original, model.annotations(), model.captionProperty().get(), saved -> {
            stage.close();
            onSaved.accept(saved);
        }, error -> {
            save.getProperties().remove("saving");
            status.setText(Errors.describe(error));
        });
    }

    private void closeAsking() {
        if (!model.isDirty() || dialogs.confirm(strings.getString("annotate.discard.title"),
                strings.getString("annotate.discard.message"), strings.getString("annotate.discard.confirm"))) {
            stage.close();
        }
    }

    /** The editor's marks (tests check undo and selection through it). */
    AnnotationEditorModel model() {
        return model;
    }
}
