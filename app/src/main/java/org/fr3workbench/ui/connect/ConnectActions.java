package org.fr3workbench.ui.connect;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Window;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.CancelledException;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.HostKeyRejectedException;
import org.fr3workbench.device.connect.DeviceTarget;
import org.fr3workbench.device.serial.SerialPorts;
import org.fr3workbench.ui.common.DialogService;
import org.fr3workbench.ui.common.Errors;
import org.fr3workbench.ui.common.FxmlLoaderFactory;
import org.fr3workbench.ui.common.Tasks;

/**
 * The "Connect" flow: the dialog, the connection on a background task (progress, cancel), the host-key question,
 * and handing the connected channel to the {@link DeviceSession}.
 */
public final class ConnectActions {

    private final ConnectService service;
    private final DeviceSession devices;
    private final DialogService dialogs;
    private final FxmlLoaderFactory loader;
    private final ResourceBundle strings;
    private final Tasks background;
    private final Supplier<Window> owner;
    private final Consumer<DeviceChannel> openTerminal;
    private final ConnectViewModel model;

    /**
     * @param background   runs the connection (it blocks while the device answers and the assessor decides)
     * @param openTerminal opens the terminal pane on a channel (after connecting, when the assessor asked for it)
     */
    public ConnectActions(ConnectService service, DeviceSession devices, DialogService dialogs, FxmlLoaderFactory loader,
                          Tasks background, Supplier<Window> owner, Consumer<DeviceChannel> openTerminal) {
        this.service = service;
        this.devices = devices;
        this.dialogs = dialogs;
        this.loader = loader;
        this.strings = loader.strings();
        this.background = background;
        this.owner = owner;
        this.openTerminal = openTerminal;
        this.model = new ConnectViewModel(strings); // kept: the form remembers the last device (never its passwords)
    }

    /** Opens the connect dialog; {@code ports} are listed on a worker first. */
    public void connect() {
        if (!service.hasAssessment()) {
            dialogs.showInfo(strings.getString("connect.title"), strings.getString("connect.needsAssessment"));
            return;
        }
        background.create(SerialPorts::list)
                .onSuccess(this::showDialog)
                .onError(error -> showDialog(List.of()))
                .run();
    }

    private void showDialog(List<SerialPorts.PortInfo> ports) {
        ConnectView view = new ConnectView(model, ports, dialogs, strings);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner.get());
        dialog.setTitle(strings.getString("connect.title"));
        dialog.setHeaderText(strings.getString("connect.header"));
        dialog.getDialogPane().setContent(loader.load(view));
        dialog.getDialogPane().getStyleClass().add("connect-dialog");
        ButtonType connectType = new ButtonType(strings.getString("connect.start"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(connectType, ButtonType.CANCEL);
        Node connectButton = dialog.getDialogPane().lookupButton(connectType);
        connectButton.disableProperty().bind(view.canConnect().not());
        Task<?>[] running = new Task<?>[1];
        Cancellation[] cancellation = new Cancellation[1];
        connectButton.addEventFilter(ActionEvent.ACTION, event -> {
            event.consume();
            cancellation[0] = Cancellation.create();
            running[0] = start(view, dialog, cancellation[0]);
        });
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).addEventFilter(ActionEvent.ACTION, event -> {
            if (running[0] != null && running[0].isRunning()) {
                event.consume();
                cancellation[0].cancel();
                running[0].cancel();
            }
        });
        dialog.show();
    }

    private Task<ConnectService.Connected> start(ConnectView view, Dialog<ButtonType> dialog, Cancellation cancellation) {
        DeviceTarget target;
        try {
            target = model.target();
        } catch (IllegalArgumentException e) {
            view.finish(e.getMessage());
            return null;
        }
        String serialNumber = model.serialNumberProperty().get().strip();
        String firmware = model.firmwareProperty().get().strip();
        String actor = service.actor();
        HostKeyPrompt prompt = new HostKeyPrompt(strings, () -> dialog.getDialogPane().getScene().getWindow());
        Task<ConnectService.Connected> task = new Task<>() {
            @Override
            protected ConnectService.Connected call() throws Exception {
                ConnectService.Connected connected = service.connect(target, serialNumber, firmware, actor, prompt, cancellation,
                        stage -> updateMessage(message(stage, target)));
                if (isCancelled()) {
                    connected.channel().close();
                }
                return connected;
            }
        };
        view.showProgress(task);
        task.setOnSucceeded(event -> {
            ConnectService.Connected connected = task.getValue();
            view.finish("");
            devices.connected(connected.channel(), connected.identity());
            dialog.close();
            if (model.openTerminalProperty().get()) {
                openTerminal.accept(connected.channel());
            }
        });
        task.setOnCancelled(event -> view.finish(strings.getString("connect.cancelled")));
        task.setOnFailed(event -> failed(view, task.getException()));
        background.run(task);
        return task;
    }

    private void failed(ConnectView view, Throwable error) {
        if (error instanceof HostKeyRejectedException rejected && rejected.reason() == HostKeyRejectedException.Reason.CHANGED) {
            view.finish(strings.getString("connect.hostKey.changed.short"));
            dialogs.showError(strings.getString("connect.hostKey.changed"), MessageFormat.format(
                    strings.getString("connect.hostKey.changed.message"), rejected.endpoint(),
                    rejected.pinnedFingerprint().orElse("?"), rejected.presentedFingerprint()));
        } else if (error instanceof HostKeyRejectedException) {
            view.finish(strings.getString("connect.hostKey.refused"));
        } else if (error instanceof CancelledException) {
            view.finish(strings.getString("connect.cancelled"));
        } else {
            view.finish(MessageFormat.format(strings.getString("connect.failed"), Errors.describe(error)));
        }
    }

    private String message(ConnectService.Stage stage, DeviceTarget target) {
        return switch (stage) {
            case CONNECTING -> MessageFormat.format(strings.getString("connect.progress.connecting"), target.address());
            case IDENTIFYING -> strings.getString("connect.progress.identifying");
            case RECORDING -> strings.getString("connect.progress.recording");
        };
    }

    /** Closes the device connection (status bar). */
    public void disconnect() {
        devices.disconnect();
    }

    /** Opens the terminal pane on the connected channel (status bar). */
    public void terminal() {
        DeviceChannel channel = devices.channelProperty().get();
        if (channel != null) {
            openTerminal.accept(channel);
        }
    }
}
