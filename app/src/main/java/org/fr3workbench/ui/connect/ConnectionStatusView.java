package org.fr3workbench.ui.connect;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.domain.DeviceIdentity;

/** The status bar's connection part: which device is connected (or none), with Terminal and Disconnect. */
public final class ConnectionStatusView {

    private final DeviceSession devices;
    private final ConnectActions actions;
    private final ResourceBundle strings;

    @FXML
    private Label connectionLabel;
    @FXML
    private Button terminalButton;
    @FXML
    private Button disconnectButton;

    public ConnectionStatusView(DeviceSession devices, ConnectActions actions, ResourceBundle strings) {
        this.devices = devices;
        this.actions = actions;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        terminalButton.visibleProperty().bind(devices.connectedProperty());
        terminalButton.managedProperty().bind(devices.connectedProperty());
        disconnectButton.visibleProperty().bind(devices.connectedProperty());
        disconnectButton.managedProperty().bind(devices.connectedProperty());
        devices.channelProperty().addListener((obs, old, now) -> refresh());
        refresh();
    }

    private void refresh() {
        DeviceChannel channel = devices.channelProperty().get();
        connectionLabel.getStyleClass().removeAll("connection-up", "connection-down");
        if (channel == null) {
            connectionLabel.setText(strings.getString("connect.status.none"));
            connectionLabel.getStyleClass().add("connection-down");
            connectionLabel.setTooltip(null);
            return;
        }
        DeviceIdentity identity = devices.identityProperty().get();
        String host = identity == null || identity.hostname().isBlank() ? "" : identity.hostname() + " \u00b7 ";
        connectionLabel.setText(MessageFormat.format(strings.getString("connect.status.connected"), host + channel.description()));
        connectionLabel.getStyleClass().add("connection-up");
        connectionLabel.setTooltip(new Tooltip(channel.hostKeyFingerprint()
                .map(fp -> MessageFormat.format(strings.getString("connect.status.hostKey"), fp))
                .orElse(strings.getString("connect.status.serial"))));
    }

    @FXML
    private void terminal() {
        actions.terminal();
    }

    @FXML
    private void disconnect() {
        actions.disconnect();
    }
}
