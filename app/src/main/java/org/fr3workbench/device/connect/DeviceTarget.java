package org.fr3workbench.device.connect;

import java.util.Optional;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyPinStore;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.Secret;
import org.fr3workbench.device.serial.SerialLogin;
import org.fr3workbench.device.serial.SerialSettings;
import org.fr3workbench.device.ssh.SshEndpoint;

/**
 * Where to connect, as {@code fr3 connect} and the connect dialog describe it: an SSH endpoint (optionally through
 * a jump host) or a serial console with its login. The assessment file records {@link #address()};
 * {@code fr3 exec} opens it again.
 */
public sealed interface DeviceTarget {

    /** The canonical address recorded as the assessment's target: {@code ssh://USER@HOST:PORT} or {@code serial:PORT?…}. */
    String address();

    /**
     * Opens the channel. Blocks: call it on a worker.
     *
     * @param pins         where host keys are pinned (SSH only)
     * @param decision     asked about a host key seen for the first time (SSH only)
     * @param cancellation stops a serial login that waits for prompts
     */
    DeviceChannel open(DeviceConnections connections, HostKeyPinStore pins, HostKeyTrustDecision decision,
                       Cancellation cancellation) throws DeviceException;

    /** An SSH target, optionally through a jump host. */
    record Ssh(SshEndpoint endpoint, Optional<SshEndpoint> jump) implements DeviceTarget {
        @Override
        public String address() {
            return "ssh://" + endpoint.display();
        }

        @Override
        public DeviceChannel open(DeviceConnections connections, HostKeyPinStore pins, HostKeyTrustDecision decision,
                                  Cancellation cancellation) throws DeviceException {
            return connections.ssh(endpoint, jump, pins, decision);
        }
    }

    /** A serial console; it has no host key, so pins and the trust decision do not apply. */
    record Serial(SerialSettings settings, SerialLogin login) implements DeviceTarget {
        @Override
        public String address() {
            return settings.address();
        }

        /** Logs in; the password given here is cleared afterwards (the channel keeps its own copy). */
        @Override
        public DeviceChannel open(DeviceConnections connections, HostKeyPinStore pins, HostKeyTrustDecision decision,
                                  Cancellation cancellation) throws DeviceException {
            try {
                return connections.serial(settings, login, cancellation);
            } finally {
                login.password().ifPresent(Secret::close);
            }
        }
    }
}
