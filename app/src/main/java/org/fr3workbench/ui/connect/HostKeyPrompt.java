package org.fr3workbench.ui.connect;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.HostKeyTrustDecision.PresentedHostKey;

/**
 * Asks the assessor whether to trust a host key seen for the first time: shows the SHA-256 fingerprint (selectable,
 * to compare with {@code ssh-keygen -lf} on the device's console) with "Refuse" as the default button. Used as the
 * connection's {@link HostKeyTrustDecision}: the connecting worker waits while the dialog is open on the FX thread.
 */
final class HostKeyPrompt implements HostKeyTrustDecision {

    private final ResourceBundle strings;
    private final Supplier<Window> owner;

    HostKeyPrompt(ResourceBundle strings, Supplier<Window> owner) {
        this.strings = strings;
        this.owner = owner;
    }

    /** Called on the connecting worker; blocks until the assessor has decided. */
    @Override
    public boolean trust(PresentedHostKey key) {
        if (Platform.isFxApplicationThread()) {
            return ask(key);
        }
        CompletableFuture<Boolean> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(ask(key));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer.join();
    }

    private boolean ask(PresentedHostKey key) {
        Alert alert = new Alert(Alert.AlertType.WARNING);
        alert.initOwner(owner.get());
        alert.setTitle(strings.getString("connect.hostKey.title"));
        alert.setHeaderText(MessageFormat.format(strings.getString("connect.hostKey.header"), key.endpoint()));
        TextField fingerprint = new TextField(key.fingerprint());
        fingerprint.setEditable(false);
        fingerprint.getStyleClass().addAll("fingerprint", "host-key-fingerprint");
        Label type = new Label(MessageFormat.format(strings.getString("connect.hostKey.type"), key.keyType()));
        Label explain = new Label(strings.getString("connect.hostKey.explain"));
        explain.setWrapText(true);
        VBox content = new VBox(10, type, fingerprint, explain);
        content.setPrefWidth(560);
        alert.getDialogPane().setContent(content);
        ButtonType trust = new ButtonType(strings.getString("connect.hostKey.trust"), ButtonBar.ButtonData.OTHER);
        ButtonType refuse = new ButtonType(strings.getString("connect.hostKey.refuse"), ButtonBar.ButtonData.CANCEL_CLOSE);
        alert.getButtonTypes().setAll(trust, refuse);
        ((Button) alert.getDialogPane().lookupButton(trust)).setDefaultButton(false);
        Button refuseButton = (Button) alert.getDialogPane().lookupButton(refuse);
        refuseButton.setDefaultButton(true);
        alert.setOnShown(event -> refuseButton.requestFocus());
        return alert.showAndWait().filter(trust::equals).isPresent();
    }
}
