package org.fr3workbench.device;

/**
 * Decides about a host key seen for the first time (nothing pinned for the endpoint). The GUI shows the
 * fingerprint and asks the assessor; the CLI accepts only the fingerprint given with {@code --host-key}.
 * A changed key never reaches this decision: it is refused outright.
 */
@FunctionalInterface
public interface HostKeyTrustDecision {

    /** Refuses every unknown key. */
    HostKeyTrustDecision REFUSE = key -> false;

    /** Whether to trust (and pin) {@code key}. May block while a person decides. */
    boolean trust(PresentedHostKey key);

    /**
     * Trusts exactly the key whose fingerprint is {@code fingerprint} ({@code SHA256:...}, as the CLI's
     * {@code --host-key}); the comparison ignores trailing {@code =} padding.
     */
    static HostKeyTrustDecision expect(String fingerprint) {
        String wanted = Fingerprints.normalise(fingerprint);
        return key -> key.fingerprint().equals(wanted);
    }

    /**
     * A host key presented by a device.
     *
     * @param host        as the assessor typed it
     * @param port        TCP port
     * @param keyType     e.g. {@code ssh-ed25519}
     * @param fingerprint {@code SHA256:...}
     */
    record PresentedHostKey(String host, int port, String keyType, String fingerprint) {
        public String endpoint() {
            return host + ":" + port;
        }
    }
}
