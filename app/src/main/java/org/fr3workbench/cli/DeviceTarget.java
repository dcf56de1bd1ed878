package org.fr3workbench.cli;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.serial.SerialLogin;
import org.fr3workbench.device.serial.SerialSettings;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.store.AssessmentStore;

/**
 * A device address as {@code fr3 connect} takes it and the assessment file records it: {@code ssh://USER@HOST[:PORT]}
 * or {@code serial:/dev/ttyX[?baud=…]}, with the login options that go with it. {@code fr3 exec} opens the recorded
 * address again.
 */
sealed interface DeviceTarget {

    /** The canonical address recorded as the assessment's target. */
    String address();

    /** Opens the channel; new host-key pins go into {@code store}, journaled with {@code actor}. */
    DeviceChannel open(DeviceConnections connections, AssessmentStore store, String actor, HostKeyTrustDecision decision)
            throws DeviceException;

    /**
     * Parses {@code address} with the login the options describe.
     *
     * @throws InputException naming what is wrong (address or options)
     */
    static DeviceTarget parse(String address, DeviceOptions login, UnaryOperator<String> environment, Optional<String> jump) {
        try {
            if (address.startsWith("serial:")) {
                if (jump.isPresent()) {
                    throw new InputException("--jump is for ssh:// targets, not " + address);
                }
                SerialSettings settings = SerialSettings.parse(address);
                return new Serial(settings, login.serialLogin(environment));
            }
            SshEndpoint endpoint = SshEndpoint.parse(address, login.auth(environment));
            return new Ssh(endpoint, jump.map(j -> SshEndpoint.parse(j, endpoint.auth().duplicate())));
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    /** An SSH target, optionally through a jump host. */
    record Ssh(SshEndpoint endpoint, Optional<SshEndpoint> jump) implements DeviceTarget {
        @Override
        public String address() {
            return "ssh://" + endpoint.display();
        }

        @Override
        public DeviceChannel open(DeviceConnections connections, AssessmentStore store, String actor,
                                  HostKeyTrustDecision decision) throws DeviceException {
            return connections.ssh(endpoint, jump, DeviceOptions.pins(store, actor), decision);
        }
    }

    /** A serial console; it has no host key, so the trust decision does not apply. */
    record Serial(SerialSettings settings, SerialLogin login) implements DeviceTarget {
        @Override
        public String address() {
            return settings.address();
        }

        @Override
        public DeviceChannel open(DeviceConnections connections, AssessmentStore store, String actor,
                                  HostKeyTrustDecision decision) throws DeviceException {
            try {
                return connections.serial(settings, login, Cancellation.create());
            } finally {
                login.password().ifPresent(org.fr3workbench.device.Secret::close); // the channel keeps its own copy
            }
        }
    }
}
