package org.fr3workbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fr3workbench.device.HostKeyPinStore;
import org.fr3workbench.device.Secret;
import org.fr3workbench.device.connect.DeviceTarget;
import org.fr3workbench.device.serial.SerialLogin;
import org.fr3workbench.device.serial.SerialSettings;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.device.ssh.SshAuth;
import org.fr3workbench.domain.HostKeyPin;
import org.fr3workbench.store.AssessmentStore;
import picocli.CommandLine.Option;

/**
 * How {@code fr3 connect} and {@code fr3 exec} log in: over SSH a key file (with an optional passphrase) or a
 * password, on a serial console a user name and a password; each secret taken from an environment variable,
 * never from an argument.
 */
final class DeviceOptions {

    @Option(names = "--identity", paramLabel = "KEY", description = "Private key file (OpenSSH or PEM).")
    Path identity;

    @Option(names = "--passphrase-env", paramLabel = "VAR", description = "Environment variable holding the key's passphrase.")
    String passphraseVariable;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the login password.")
    String passwordVariable;

    @Option(names = "--login", paramLabel = "USER",
            description = "Serial targets: the user name to type at the console's login: prompt (omit when a shell is already open).")
    String serialUser;

    /** How to log in on a serial console: {@code --login} and {@code --password-env}; a key makes no sense there. */
    SerialLogin serialLogin(UnaryOperator<String> environment) {
        if (identity != null || passphraseVariable != null) {
            throw new InputException("--identity and --passphrase-env are for ssh:// targets; a serial console logs in with "
                    + "--login USER [--password-env VAR]");
        }
        Optional<Secret> password = Optional.ofNullable(passwordVariable).map(v -> secret(environment, v));
        if (serialUser == null) {
            password.ifPresent(Secret::close);
            if (passwordVariable != null) {
                throw new InputException("--password-env needs --login USER on a serial target");
            }
            return SerialLogin.shellAlreadyOpen();
        }
        try {
            return new SerialLogin(Optional.of(serialUser), password, Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new InputException("--login: " + e.getMessage(), e);
        }
    }

    /**
     * Parses an {@code ssh://} or {@code serial:} address with the login these options describe.
     *
     * @throws InputException naming what is wrong (address or options)
     */
    DeviceTarget target(String address, UnaryOperator<String> environment, Optional<String> jump) {
        try {
            if (address.startsWith("serial:")) {
                if (jump.isPresent()) {
                    throw new InputException("--jump is for ssh:// targets, not " + address);
                }
                SerialSettings settings = SerialSettings.parse(address);
                return new DeviceTarget.Serial(settings, serialLogin(environment));
            }
            SshEndpoint endpoint = SshEndpoint.parse(address, auth(environment));
            return new DeviceTarget.Ssh(endpoint, jump.map(j -> SshEndpoint.parse(j, endpoint.auth().duplicate())));
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** The authentication the options describe. */
    SshAuth auth(UnaryOperator<String> environment) {
        if (serialUser != null) {
            throw new InputException("--login is for serial: targets; give the SSH user in the address (ssh://USER@HOST)");
        }
        if (identity != null) {
            return new SshAuth.Key(identity, Optional.ofNullable(passphraseVariable).map(v -> secret(environment, v)));
        }
        if (passwordVariable != null) {
            return new SshAuth.Password(secret(environment, passwordVariable));
        }
        throw new InputException("give --identity KEY or --password-env VAR to log in");
    }

    private static Secret secret(UnaryOperator<String> environment, String variable) {
        String value = environment.apply(variable);
        if (value == null) {
            throw new InputException("the environment variable " + variable + " is not set");
        }
        return Secret.of(value.toCharArray());
    }

    /** The assessment file's pins as the device layer's pin store; new pins are journaled with the actor. */
    static HostKeyPinStore pins(AssessmentStore store, String actor) {
        return new HostKeyPinStore() {
            @Override
            public Optional<HostKeyPin> find(String host, int port) {
                return store.hostKeyPins().find(host, port);
            }

            @Override
            public void pin(HostKeyPin pin) {
                store.hostKeyPins().pin(pin.host(), pin.port(), pin.keyType(), pin.fingerprint(), actor);
            }
        };
    }
}
