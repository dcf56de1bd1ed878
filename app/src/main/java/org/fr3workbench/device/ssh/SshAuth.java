package org.fr3workbench.device.ssh;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.fr3workbench.device.Secret;

/** How to log in over SSH. The secrets stay in memory and are cleared when the channel closes. */
public sealed interface SshAuth {

    /** The secret to redact from transcripts, if any. */
    Optional<Secret> secret();

    /** The same credentials with independent copies of the secrets (a channel keeps its own and clears them). */
    SshAuth duplicate();

    /** Password, tried as {@code password} and then as {@code keyboard-interactive}. */
    static SshAuth password(Secret password) {
        return new Password(password);
    }

    /** A private key file (OpenSSH or PEM format), without passphrase. */
    static SshAuth key(Path keyFile) {
        return new Key(keyFile, Optional.empty());
    }

    /** A private key file protected by a passphrase. */
    static SshAuth key(Path keyFile, Secret passphrase) {
        return new Key(keyFile, Optional.of(passphrase));
    }

    /**
     * Password authentication.
     *
     * @param password the password
     */
    record Password(Secret password) implements SshAuth {
        public Password {
            Objects.requireNonNull(password, "password");
        }

        @Override
        public Optional<Secret> secret() {
            return Optional.of(password);
        }

        @Override
        public SshAuth duplicate() {
            return new Password(password.duplicate());
        }

        @Override
        public String toString() {
            return "password";
        }
    }

    /**
     * Public-key authentication.
     *
     * @param keyFile    the private key (OpenSSH {@code -----BEGIN OPENSSH PRIVATE KEY-----} or PEM/PKCS#8)
     * @param passphrase the key's passphrase, if it has one
     */
    record Key(Path keyFile, Optional<Secret> passphrase) implements SshAuth {
        public Key {
            Objects.requireNonNull(keyFile, "keyFile");
            Objects.requireNonNull(passphrase, "passphrase");
        }

        @Override
        public Optional<Secret> secret() {
            return passphrase;
        }

        @Override
        public SshAuth duplicate() {
            return new Key(keyFile, passphrase.map(Secret::duplicate));
        }

        @Override
        public String toString() {
            return "key " + keyFile;
        }
    }
}
