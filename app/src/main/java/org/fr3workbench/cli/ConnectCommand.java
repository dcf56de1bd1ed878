package org.fr3workbench.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.IdentityCapture;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.connect.DeviceTarget;
import org.fr3workbench.domain.DeviceIdentity;
import org.fr3workbench.engine.IdentityEvidence;
import org.fr3workbench.store.AssessmentFileException;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 connect FILE ssh://USER@HOST[:PORT] [--host-key SHA256:…]} or {@code fr3 connect FILE serial:/dev/ttyX[?…]
 * [--login USER]}: over SSH checks the host key (an unknown key is refused unless {@code --host-key} pins it; a changed
 * key is always refused), on a serial console logs in at the prompts; then captures the device's identity as evidence
 * and records the target in the assessment file.
 */
@Command(name = "connect", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Connect to the device over SSH (pinning its host key) or its serial console (logging in at the "
            + "login:/Password: prompts), capture its identity (hostname, uname -a, /etc/os-release, /etc/machine-id) as "
            + "evidence and record it as the assessment's target.",
            "Serial address: serial:/dev/ttyX[?baud=115200&data-bits=8&parity=none&stop-bits=1&flow=none] "
            + "(parity none|odd|even|mark|space, stop-bits 1|1.5|2, flow none|rtscts|xonxoff).",
            "Exit 0: connected; 1: host key unknown or changed, login refused, port or device unreachable; 2: bad input."})
final class ConnectCommand implements Callable<Integer> {

    private final Supplier<AssessmentFiles> files;
    private final Supplier<DeviceConnections> connections;
    private final UnaryOperator<String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file (*.fr3).")
    private java.nio.file.Path file;

    @Parameters(index = "1", paramLabel = "ssh://USER@HOST[:PORT]|serial:PORT[?…]", description = "The device.")
    private String target;

    @Mixin
    private DeviceOptions login;

    @Option(names = "--host-key", paramLabel = "SHA256:…",
            description = "Trust this host key fingerprint on first connection (without it an unknown key is refused).")
    private String hostKey;

    @Option(names = "--jump", paramLabel = "USER@HOST[:PORT]", description = "Connect through this jump host (same login).")
    private String jump;

    @Option(names = "--serial-number", paramLabel = "TEXT", defaultValue = "", description = "The device's serial number.")
    private String serialNumber;

    @Option(names = "--firmware", paramLabel = "VERSION", defaultValue = "", description = "The firmware version it reports.")
    private String firmware;

    ConnectCommand(Supplier<AssessmentFiles> files, Supplier<DeviceConnections> connections, UnaryOperator<String> environment) {
        this.files = files;
        this.connections = connections;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (target.startsWith("serial:") && hostKey != null) {
            throw new InputException("--host-key is for ssh:// targets: a serial console has no host key");
        }
        DeviceTarget device = login.target(target, environment, Optional.ofNullable(jump));
        try (AssessmentStore store = files.get().open(file, AssessmentFiles.Access.READ_WRITE)) {
            String actor = store.info().assessor();
            HostKeyTrustDecision decision = hostKey == null ? HostKeyTrustDecision.REFUSE : HostKeyTrustDecision.expect(hostKey);
            try (DeviceChannel channel = device.open(connections.get(), DeviceOptions.pins(store, actor), decision,
                    Cancellation.create());
                 IdentityCapture capture = channel.identify(serialNumber, firmware)) {
                DeviceIdentity identity = IdentityEvidence.record(store, channel, capture, device.address(), actor);
                out.printf("Connected to %s%n%s", channel.description(), IdentityEvidence.summary(identity));
                out.flush();
                return 0;
            }
        } catch (DeviceException e) {
            // Also an unknown or changed host key (HostKeyRejectedException): the message shows the fingerprints.
            spec.commandLine().getErr().println("fr3: " + e.getMessage());
            return Fr3Command.EXIT_FAILED;
        } catch (AssessmentFileException | StoreException e) {
            throw new InputException(e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new InputException("cannot record the identity in " + file + ": " + e.getMessage(), e);
        }
    }
}
