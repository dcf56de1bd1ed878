package org.fr3workbench.device.ssh;

import java.security.PublicKey;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.fr3workbench.device.Fingerprints;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyRejectedException;
import org.fr3workbench.device.HostKeyTrustDecision.PresentedHostKey;

/**
 * sshj's host key check for one endpoint, on top of {@link HostKeyPolicy}. sshj only learns "false"; the reason
 * (unknown or changed, with both fingerprints) is kept for {@link #rejection()} so the caller can report it.
 */
final class PinningHostKeyVerifier implements HostKeyVerifier {

    private final HostKeyPolicy policy;
    private final String host;
    private final int port;
    private volatile HostKeyRejectedException rejection;
    private volatile String acceptedFingerprint;

    PinningHostKeyVerifier(HostKeyPolicy policy, String host, int port) {
        this.policy = policy;
        this.host = host;
        this.port = port;
    }

    /** The host key's OpenSSH SHA-256 fingerprint. */
    static String fingerprint(PublicKey key) {
        return Fingerprints.sha256(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    @Override
    public boolean verify(String hostname, int ignoredPort, PublicKey key) {
        String type = KeyType.fromKey(key).toString();
        String fingerprint = fingerprint(key);
        try {
            policy.check(new PresentedHostKey(host, port, type, fingerprint));
            acceptedFingerprint = fingerprint;
            rejection = null;
            return true;
        } catch (HostKeyRejectedException e) {
            rejection = e;
            return false;
        }
    }

    /** Asks the server for the pinned key's algorithm first, so that a pinned ed25519 key is not met by ECDSA. */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int ignoredPort) {
        return policy.pinnedKeyType(host, port).map(PinningHostKeyVerifier::algorithmsFor).orElse(List.of());
    }

    private static List<String> algorithmsFor(String keyType) {
        if (keyType.equals("ssh-rsa")) {
            return List.of("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        }
        return List.of(keyType);
    }

    HostKeyRejectedException rejection() {
        return rejection;
    }

    String acceptedFingerprint() {
        return acceptedFingerprint;
    }
}
