package org.fr3workbench.ui.connect;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Worker;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import org.fr3workbench.device.serial.SerialPorts;
import org.fr3workbench.device.serial.SerialSettings;
import org.fr3workbench.ui.common.DialogService;

/** The connect form with its progress line; binds to {@link ConnectViewModel}. */
public final class ConnectView {

    private static final List<Integer> BAUD_RATES = List.of(9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600, 1500000);

    private final ConnectViewModel model;
    private final List<SerialPorts.PortInfo> ports;
    private final DialogService dialogs;
    private final ResourceBundle strings;
    private final BooleanProperty running = new SimpleBooleanProperty();

    @FXML
    private TabPane kindTabs;
    @FXML
    private Tab sshTab;
    @FXML
    private Tab serialTab;
    @FXML
    private TextField hostField;
    @FXML
    private TextField portField;
    @FXML
    private TextField userField;
    @FXML
    private RadioButton passwordRadio;
    @FXML
    private RadioButton keyRadio;
    @FXML
    private PasswordField passwordField;
    @FXML
    private GridPane keyRows;
    @FXML
    private TextField keyField;
    @FXML
    private PasswordField passphraseField;
    @FXML
    private TextField jumpField;
    @FXML
    private ComboBox<String> serialPortBox;
    @FXML
    private Label portsFoundLabel;
    @FXML
    private ComboBox<Integer> baudBox;
    @FXML
    private ChoiceBox<SerialSettings.Parity> parityBox;
    @FXML
    private ChoiceBox<SerialSettings.StopBits> stopBitsBox;
    @FXML
    private ChoiceBox<SerialSettings.FlowControl> flowBox;
    @FXML
    private TextField serialUserField;
    @FXML
    private PasswordField serialPasswordField;
    @FXML
    private TextField serialNumberField;
    @FXML
    private TextField firmwareField;
    @FXML
    private CheckBox terminalCheck;
    @FXML
    private Label problemLabel;
    @FXML
    private ProgressBar progressBar;
    @FXML
    private Label statusLabel;

    public ConnectView(ConnectViewModel model, List<SerialPorts.PortInfo> ports, DialogService dialogs, ResourceBundle strings) {
        this.model = model;
        this.ports = List.copyOf(ports);
        this.dialogs = dialogs;
        this.strings = strings;
    }

    @FXML
    private void initialize() {
        kindTabs.getSelectionModel().select(model.kindProperty().get() == ConnectViewModel.Kind.SERIAL ? serialTab : sshTab);
        kindTabs.getSelectionModel().selectedItemProperty().addListener((obs, old, now) ->
                model.kindProperty().set(now == serialTab ? ConnectViewModel.Kind.SERIAL : ConnectViewModel.Kind.SSH));
        hostField.textProperty().bindBidirectional(model.hostProperty());
        portField.textProperty().bindBidirectional(model.portProperty());
        userField.textProperty().bindBidirectional(model.userProperty());
        passwordField.textProperty().bindBidirectional(model.passwordProperty());
        keyField.textProperty().bindBidirectional(model.keyFileProperty());
        passphraseField.textProperty().bindBidirectional(model.passphraseProperty());
        jumpField.textProperty().bindBidirectional(model.jumpProperty());
        ToggleGroup login = new ToggleGroup();
        passwordRadio.setToggleGroup(login);
        keyRadio.setToggleGroup(login);
        login.selectToggle(model.sshLoginProperty().get() == ConnectViewModel.SshLogin.KEY ? keyRadio : passwordRadio);
        login.selectedToggleProperty().addListener((obs, old, now) -> model.sshLoginProperty().set(now == keyRadio
                ? ConnectViewModel.SshLogin.KEY : ConnectViewModel.SshLogin.PASSWORD));
        passwordField.disableProperty().bind(keyRadio.selectedProperty());
        keyRows.disableProperty().bind(passwordRadio.selectedProperty());

        serialPortBox.getItems().setAll(ports.stream().map(SerialPorts.PortInfo::path).toList());
        serialPortBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(String path) {
                return path;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        serialPortBox.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String path, boolean empty) {
                super.updateItem(path, empty);
                setText(empty || path == null ? null : path + describe(path));
            }
        });
        serialPortBox.valueProperty().bindBidirectional(model.serialPortProperty());
        portsFoundLabel.setText(ports.isEmpty() ? strings.getString("connect.serial.noPorts")
                : java.text.MessageFormat.format(strings.getString("connect.serial.ports"), ports.size()));
        baudBox.getItems().setAll(BAUD_RATES);
        baudBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : value.toString();
            }

            @Override
            public Integer fromString(String text) {
                try {
                    return Integer.valueOf(text.strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        });
        baudBox.valueProperty().bindBidirectional(model.baudProperty());
        parityBox.getItems().setAll(SerialSettings.Parity.values());
        parityBox.setConverter(names(p -> p.name().toLowerCase(Locale.ROOT)));
        parityBox.valueProperty().bindBidirectional(model.parityProperty());
        stopBitsBox.getItems().setAll(SerialSettings.StopBits.values());
        stopBitsBox.setConverter(names(s -> switch (s) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        }));
        stopBitsBox.valueProperty().bindBidirectional(model.stopBitsProperty());
        flowBox.getItems().setAll(SerialSettings.FlowControl.values());
        flowBox.setConverter(names(f -> switch (f) {
            case NONE -> "none";
            case RTS_CTS -> "RTS/CTS (hardware)";
            case XON_XOFF -> "XON/XOFF (software)";
        }));
        flowBox.valueProperty().bindBidirectional(model.flowProperty());
        serialUserField.textProperty().bindBidirectional(model.serialUserProperty());
        serialPasswordField.textProperty().bindBidirectional(model.serialPasswordProperty());
        serialNumberField.textProperty().bindBidirectional(model.serialNumberProperty());
        firmwareField.textProperty().bindBidirectional(model.firmwareProperty());
        terminalCheck.selectedProperty().bindBidirectional(model.openTerminalProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        progressBar.visibleProperty().bind(running);
        kindTabs.disableProperty().bind(running);
    }

    private String describe(String path) {
        return ports.stream().filter(p -> p.path().equals(path)).findFirst()
                .map(p -> p.description().isBlank() ? "" : "  \u2013  " + p.description()).orElse("");
    }

    private static <T> StringConverter<T> names(java.util.function.Function<T, String> name) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                throw new UnsupportedOperationException("choice boxes do not parse");
            }
        };
    }

    /** Whether the form can start connecting. */
    public BooleanExpression canConnect() {
        return model.validProperty().and(running.not());
    }

    /** Shows a running connection attempt: indeterminate progress and its messages. */
    public void showProgress(Worker<?> worker) {
        running.set(true);
        progressBar.setProgress(-1);
        statusLabel.textProperty().bind(worker.messageProperty());
    }

    /** Ends the progress display with a final message. */
    public void finish(String message) {
        running.set(false);
        statusLabel.textProperty().unbind();
        statusLabel.setText(message);
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The status line (what happened last), for tests. */
    public String status() {
        return statusLabel.getText();
    }

    @FXML
    private void browseKey() {
        dialogs.chooseFileToOpen(strings.getString("connect.ssh.key.title"), List.of())
                .ifPresent(path -> keyField.setText(path.toString()));
    }
}
