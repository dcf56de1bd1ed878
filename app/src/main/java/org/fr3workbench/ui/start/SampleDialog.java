package org.fr3workbench.ui.start;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.FxmlLoaderFactory;

/** The "Try the sample assessment" dialog: start, progress, cancel on close, and the verification result. */
public final class SampleDialog {

    private final Supplier<SampleViewModel> models;
    private final FxmlLoaderFactory loader;
    private final DialogService dialogs;
    private final Supplier<Window> owner;

    public SampleDialog(Supplier<SampleViewModel> models, FxmlLoaderFactory loader, DialogService dialogs, Supplier<Window> owner) {
        this.models = models;
        this.loader = loader;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    /** Shows the dialog (not modal to the work behind it; the sample opens in the main window when done). */
    public void show() {
        ResourceBundle strings = loader.strings();
        SampleView view = new SampleView(models.get(), dialogs, strings);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(strings.getString("sample.title"));
        dialog.setHeaderText(strings.getString("sample.header"));
        dialog.getDialogPane().setContent(loader.load(view));
        dialog.getDialogPane().getStyleClass().add("sample-dialog");
        ButtonType start = new ButtonType(strings.getString("sample.start"), ButtonBar.ButtonData.OTHER);
        dialog.getDialogPane().getButtonTypes().addAll(start, ButtonType.CLOSE);
        Node startButton = dialog.getDialogPane().lookupButton(start);
        startButton.disableProperty().bind(view.canStart().not());
        startButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            view.start();
        });
        dialog.getDialogPane().lookupButton(ButtonType.CLOSE).addEventFilter(ActionEvent.ACTION, event -> {
            if (view.cancel()) {
                event.consume();
            }
        });
        dialog.setOnCloseRequest(event -> view.cancel());
        dialog.show();
    }
}
