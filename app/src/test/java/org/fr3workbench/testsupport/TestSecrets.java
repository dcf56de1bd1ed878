package org.fr3workbench.testsupport;

import java.util.List;

/** Every password and passphrase the device tests use, so that a test can prove none of them leaked. */
public final class TestSecrets {

    /** Password of the throw-away local user the OpenSSH fixture creates. */
    public static final String SSH_PASSWORD = "Pw-ssh-7f3K9q!x";
    /** Passphrase of the OpenSSH-format ed25519 client key (fixed by {@link OpenSshServer}). */
    public static final String KEY_PASSPHRASE = "open sesame 1";
    /** Passphrase of the PEM RSA client key. */
    public static final String PEM_PASSPHRASE = "pem pass 2";
    /** keyboard-interactive password on the MINA server. */
    public static final String KBD_PASSWORD = "Kbd-pw-4Rt6Yu#";
    /** Password at the simulated serial console's login prompt (the console echoes it). */
    public static final String SERIAL_PASSWORD = "Ser-pw-Q8x2Lm%";

    private TestSecrets() {
    }

    public static List<String> all() {
        return List.of(SSH_PASSWORD, KEY_PASSPHRASE, PEM_PASSPHRASE, KBD_PASSWORD, SERIAL_PASSWORD);
    }
}
