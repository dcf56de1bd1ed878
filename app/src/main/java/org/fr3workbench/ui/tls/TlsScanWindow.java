package org.fr3workbench.ui.tls;

import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.FxmlLoaderFactory;

/** The TLS scan window: one per main window, brought to the front when opened again. */
public final class TlsScanWindow {

    private final Supplier<TlsScanViewModel> model;
    private final FxmlLoaderFactory loader;
    private final DialogService dialogs;
    private final Supplier<Window> owner;
    private Stage stage;
    private TlsScanViewModel shownModel;

    public TlsScanWindow(Supplier<TlsScanViewModel> model, FxmlLoaderFactory loader, DialogService dialogs, Supplier<Window> owner) {
        this.model = model;
        this.loader = loader;
        this.dialogs = dialogs;
        this.owner = owner;
    }

    /** Shows the window (FX thread). */
    public void show() {
        if (stage == null) {
            ResourceBundle strings = loader.strings();
            TlsScanViewModel scan = model.get();
            shownModel = scan;
            Parent root = loader.load(new TlsScanView(scan, dialogs, strings));
            stage = new Stage();
            stage.setOnHidden(event -> scan.cancel());
            stage.initOwner(owner.get());
            stage.setTitle(strings.getString("tls.title"));
            Scene scene = new Scene(root, 1180, 760);
            scene.getStylesheets().add(TlsScanWindow.class.getResource("/org/fr3workbench/ui/common/workbench.css").toExternalForm());
            stage.setScene(scene);
            stage.setMinWidth(900);
            stage.setMinHeight(560);
        }
        stage.show();
        stage.toFront();
    }

    /** The window's model, once shown (tests and the screenshot tour). */
    public TlsScanViewModel model() {
        return shownModel;
    }

    /** The window, once shown (tests and the screenshot tour). */
    public Stage stage() {
        return stage;
    }
}
