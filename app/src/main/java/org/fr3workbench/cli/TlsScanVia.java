package org.fr3workbench.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyPinStore;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.Secret;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.ssh.SshChannel;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;

/**
 * How {@code fr3 tls-scan --via} reaches the device: the SSH target and pinned host key that {@code fr3 connect}
 * recorded in an assessment file (as {@code fr3 exec} reconnects), or an {@code ssh://} address whose host key
 * {@code --host-key} names. An unknown or changed host key is refused either way.
 */
final class TlsScanVia {

    private TlsScanVia() {
    }

    /**
     * Connects to the device.
     *
     * @param via        {@code FILE.fr3} or {@code ssh://USER@HOST[:PORT]}
     * @param assessment the assessment file already open for the evidence, or null
     * @param hostKey    {@code --host-key}, or null
     * @throws DeviceException the device cannot be reached, refused the login or showed another host key
     */
    static SshChannel connect(String via, AssessmentStore assessment, AssessmentFiles files, DeviceConnections connections,
                              DeviceOptions login, UnaryOperator<String> environment, String hostKey) throws DeviceException {
        if (via.startsWith("ssh://")) {
            SshEndpoint endpoint = endpoint(via, login, environment);
            HostKeyPinStore pins = assessment == null ? new InMemoryHostKeyPinStore()
                    : DeviceOptions.pins(assessment, AssessmentAccess.actor(null, assessment));
            HostKeyTrustDecision decision = hostKey == null ? HostKeyTrustDecision.REFUSE : HostKeyTrustDecision.expect(hostKey);
            try {
                return connections.ssh(endpoint, Optional.empty(), pins, decision);
            } finally {
                endpoint.auth().secret().ifPresent(Secret::close);
            }
        }
        Path file = Path.of(via);
        if (!Files.isRegularFile(file)) {
            throw new InputException("--via '" + via + "' is neither an ssh://USER@HOST[:PORT] address nor an assessment file");
        }
        if (hostKey != null) {
            throw new InputException("--host-key goes with --via ssh://…; " + via + " has its own pinned host key");
        }
        if (assessment != null && sameFile(assessment.file(), file)) {
            return connectRecorded(assessment, connections, login, environment);
        }
        try (AssessmentStore store = AssessmentAccess.open(files, file, AssessmentFiles.Access.READ_ONLY)) {
            return connectRecorded(store, connections, login, environment);
        }
    }

    private static SshChannel connectRecorded(AssessmentStore store, DeviceConnections connections, DeviceOptions login,
                                              UnaryOperator<String> environment) throws DeviceException {
        String address = store.target().map(t -> t.address()).filter(a -> a.startsWith("ssh://"))
                .orElseThrow(() -> new InputException(store.file() + " has no SSH target yet: run 'fr3 connect' first"));
        SshEndpoint endpoint = endpoint(address, login, environment);
        try {
            return connections.ssh(endpoint, Optional.empty(), DeviceOptions.pins(store, AssessmentAccess.actor(null, store)),
                    HostKeyTrustDecision.REFUSE);
        } finally {
            endpoint.auth().secret().ifPresent(Secret::close);
        }
    }

    private static SshEndpoint endpoint(String address, DeviceOptions login, UnaryOperator<String> environment) {
        try {
            return SshEndpoint.parse(address, login.auth(environment));
        } catch (IllegalArgumentException e) {
            throw new InputException("--via: " + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (java.io.IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
