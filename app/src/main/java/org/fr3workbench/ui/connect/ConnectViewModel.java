package org.fr3workbench.ui.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fr3workbench.device.Secret;
import org.fr3workbench.device.connect.DeviceTarget;
import org.fr3workbench.device.serial.SerialLogin;
import org.fr3workbench.device.serial.SerialSettings;
import org.fr3workbench.device.ssh.SshAuth;
import org.fr3workbench.device.ssh.SshEndpoint;

/**
 * The connect form: SSH (host, port, user, password or key file with passphrase, optional jump host) or serial
 * (port, baud, parity, stop bits, flow control, login), plus what the assessor reads off the device (serial number,
 * firmware version). Plain JavaFX properties, no nodes: tested as a plain object. Passwords are turned into
 * {@link Secret}s by {@link #target()}, which also clears the password properties.
 */
public final class ConnectViewModel {

    /** SSH or serial console. */
    public enum Kind { SSH, SERIAL }

    /** How to log in over SSH. */
    public enum SshLogin { PASSWORD, KEY }

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.SSH);
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("22");
    private final StringProperty user = new SimpleStringProperty("root");
    private final ObjectProperty<SshLogin> sshLogin = new SimpleObjectProperty<>(SshLogin.PASSWORD);
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty keyFile = new SimpleStringProperty("");
    private final StringProperty passphrase = new SimpleStringProperty("");
    private final StringProperty jump = new SimpleStringProperty("");
    private final StringProperty serialPort = new SimpleStringProperty("");
    private final ObjectProperty<Integer> baud = new SimpleObjectProperty<>(115200);
    private final ObjectProperty<SerialSettings.Parity> parity = new SimpleObjectProperty<>(SerialSettings.Parity.NONE);
    private final ObjectProperty<SerialSettings.StopBits> stopBits = new SimpleObjectProperty<>(SerialSettings.StopBits.ONE);
    private final ObjectProperty<SerialSettings.FlowControl> flow = new SimpleObjectProperty<>(SerialSettings.FlowControl.NONE);
    private final StringProperty serialUser = new SimpleStringProperty("root");
    private final StringProperty serialPassword = new SimpleStringProperty("");
    private final StringProperty serialNumber = new SimpleStringProperty("");
    private final StringProperty firmware = new SimpleStringProperty("");
    private final BooleanProperty openTerminal = new SimpleBooleanProperty(true);
    private final StringBinding problem;

    private final ResourceBundle strings;

    public ConnectViewModel(ResourceBundle strings) {
        this.strings = strings;
        problem = Bindings.createStringBinding(this::findProblem, kind, host, port, user, sshLogin, keyFile, jump, serialPort,
                baud, serialUser);
    }

    public ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<SshLogin> sshLoginProperty() {
        return sshLogin;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty keyFileProperty() {
        return keyFile;
    }

    public StringProperty passphraseProperty() {
        return passphrase;
    }

    public StringProperty jumpProperty() {
        return jump;
    }

    public StringProperty serialPortProperty() {
        return serialPort;
    }

    public ObjectProperty<Integer> baudProperty() {
        return baud;
    }

    public ObjectProperty<SerialSettings.Parity> parityProperty() {
        return parity;
    }

    public ObjectProperty<SerialSettings.StopBits> stopBitsProperty() {
        return stopBits;
    }

    public ObjectProperty<SerialSettings.FlowControl> flowProperty() {
        return flow;
    }

    public StringProperty serialUserProperty() {
        return serialUser;
    }

    public StringProperty serialPasswordProperty() {
        return serialPassword;
    }

    public StringProperty serialNumberProperty() {
        return serialNumber;
    }

    public StringProperty firmwareProperty() {
        return firmware;
    }

    public BooleanProperty openTerminalProperty() {
        return openTerminal;
    }

    /** What stops the form from connecting, empty when nothing (short, for the form's problem line). */
    public StringBinding problemProperty() {
        return problem;
    }

    public BooleanBinding validProperty() {
        return problem.isEmpty();
    }

    /**
     * The target the form describes, with secrets taken out of the form (the password properties are cleared).
     *
     * @throws IllegalArgumentException naming the field that is wrong
     */
    public DeviceTarget target() {
        String wrong = findProblem();
        if (!wrong.isEmpty()) {
            throw new IllegalArgumentException(wrong);
        }
        if (kind.get() == Kind.SERIAL) {
            SerialSettings settings = new SerialSettings(serialPort.get().strip(), baud.get(), 8, parity.get(), stopBits.get(),
                    flow.get());
            Optional<Secret> secret = take(serialPassword);
            SerialLogin login = serialUser.get().isBlank()
                    ? SerialLogin.shellAlreadyOpen()
                    : new SerialLogin(Optional.of(serialUser.get().strip()), secret, Duration.ofSeconds(30));
            if (serialUser.get().isBlank()) {
                secret.ifPresent(Secret::close);
            }
            return new DeviceTarget.Serial(settings, login);
        }
        SshAuth auth = sshLogin.get() == SshLogin.KEY
                ? new SshAuth.Key(Path.of(keyFile.get().strip()), take(passphrase))
                : new SshAuth.Password(take(password).orElseGet(() -> Secret.of(new char[0])));
        SshEndpoint endpoint = SshEndpoint.parse(user.get().strip() + "@" + hostAndPort(host.get().strip(), port.get().strip()), auth);
        Optional<SshEndpoint> via = jump.get().isBlank() ? Optional.empty()
                : Optional.of(SshEndpoint.parse(jump.get().strip(), auth.duplicate()));
        return new DeviceTarget.Ssh(endpoint, via);
    }

    private static String hostAndPort(String host, String port) {
        String bracketed = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return bracketed + ":" + port;
    }

    private static Optional<Secret> take(StringProperty field) {
        String value = field.get();
        field.set("");
        return value.isEmpty() ? Optional.empty() : Optional.of(Secret.of(value.toCharArray()));
    }

    private String findProblem() {
        if (kind.get() == Kind.SERIAL) {
            if (serialPort.get().isBlank()) {
                return strings.getString("connect.problem.serialPort");
            }
            if (baud.get() == null || baud.get() < 50 || baud.get() > 4_000_000) {
                return strings.getString("connect.problem.baud");
            }
            return "";
        }
        if (host.get().isBlank()) {
            return strings.getString("connect.problem.host");
        }
        if (host.get().strip().contains(" ") || host.get().contains("@")) {
            return strings.getString("connect.problem.hostChars");
        }
        int number;
        try {
            number = Integer.parseInt(port.get().strip());
        } catch (NumberFormatException e) {
            return strings.getString("connect.problem.port");
        }
        if (number < 1 || number > 65535) {
            return strings.getString("connect.problem.port");
        }
        if (user.get().isBlank()) {
            return strings.getString("connect.problem.user");
        }
        if (sshLogin.get() == SshLogin.KEY && (keyFile.get().isBlank() || !Files.isRegularFile(Path.of(keyFile.get().strip())))) {
            return strings.getString("connect.problem.key");
        }
        return "";
    }
}
