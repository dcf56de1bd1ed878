package org.fr3workbench.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fr3workbench.device.HostKeyPinStore;
import org.fr3workbench.device.Secret;
import org.fr3workbench.device.ssh.SshAuth;
import org.fr3workbench.domain.HostKeyPin;
import org.fr3workbench.store.AssessmentStore;
import picocli.CommandLine.Option;

/**
 * How {@code fr3 connect} and {@code fr3 exec} log in: a key file (with an optional passphrase) or a
 * password, each secret taken from an environment variable, never from an argument.
 */
final class DeviceOptions {

    @Option(names = "--identity", paramLabel = "KEY", description = "Private key file (OpenSSH or PEM).")
    Path identity;

    @Option(names = "--passphrase-env", paramLabel = "VAR", description = "Environment variable holding the key's passphrase.")
    String passphraseVariable;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the login password.")
    String passwordVariable;

    /** The authentication the options describe. */
    SshAuth auth(UnaryOperator<String> environment) {
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
