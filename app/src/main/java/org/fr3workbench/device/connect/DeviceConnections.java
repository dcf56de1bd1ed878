package org.fr3workbench.device.connect;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyPinStore;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.local.LocalChannel;
import org.fr3workbench.device.serial.JSerialCommLink;
import org.fr3workbench.device.serial.SerialChannel;
import org.fr3workbench.device.serial.SerialLogin;
import org.fr3workbench.device.serial.SerialPorts;
import org.fr3workbench.device.serial.SerialSettings;
import org.fr3workbench.device.ssh.SshChannel;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.device.ssh.SshOptions;

/**
 * The one place the GUI and the CLI open device channels from; the composition root builds it once.
 * Typical use (what {@code fr3 connect} / {@code fr3 exec} need):
 *
 * <pre>
 * SshChannel ssh = connections.ssh(SshEndpoint.parse("root@192.0.2.7", SshAuth.key(keyFile)), Optional.empty(),
 *         pinsOfTheAssessmentFile, HostKeyTrustDecision.expect(hostKeyOption));
 * try (IdentityCapture id = ssh.identify(serial, firmware)) { store id.identity() and id.results() }
 * try (CommandResult r = ssh.run(CommandRequest.of(Command.shell(text), timeout))) {
 *     store r.transcript() and r.output().stdout().open() / stderr().open(); exit with r.transcript().exitCode()
 * }
 * </pre>
 */
public final class DeviceConnections {

    private final Path workDirectory;
    private final Clock clock;
    private final Executor ioThreads;

    /**
     * @param workDirectory where command output is spooled and console recordings are written (private to the user)
     * @param ioThreads     platform threads for process pipes of the local channel
     */
    public DeviceConnections(Path workDirectory, Clock clock, Executor ioThreads) {
        this.workDirectory = workDirectory;
        this.clock = clock;
        this.ioThreads = ioThreads;
    }

    /** Connects over SSH; an unknown host key is pinned only if {@code decision} trusts it, a changed one never. */
    public SshChannel ssh(SshEndpoint target, Optional<SshEndpoint> jump, HostKeyPinStore pins,
                          HostKeyTrustDecision decision) throws DeviceException {
        return SshChannel.connect(target, jump, new HostKeyPolicy(pins, decision, clock), SshOptions.defaults(), spool(),
                clock);
    }

    /** Opens a serial console, starts its recording and logs in. */
    public SerialChannel serial(SerialSettings settings, SerialLogin login, Cancellation cancellation)
            throws DeviceException {
        return SerialChannel.connect(JSerialCommLink.open(settings), login, spool(), workDirectory.resolve("console"),
                clock, cancellation);
    }

    /** The assessor's own machine. */
    public LocalChannel local() {
        return new LocalChannel(spool(), clock, ioThreads, workDirectory);
    }

    /** Serial ports present on this machine. */
    public List<SerialPorts.PortInfo> serialPorts() {
        return SerialPorts.list();
    }

    private OutputSpool spool() {
        return OutputSpool.tempFiles(workDirectory.resolve("spool"));
    }
}
