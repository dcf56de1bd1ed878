package org.fr3workbench.device;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fr3workbench.domain.DeviceIdentity;

/**
 * Reads who the device says it is: {@code hostname}, {@code uname -a}, {@code /etc/os-release} and
 * {@code /etc/machine-id} (each where readable; a missing one leaves its field empty), combined with the
 * host key fingerprint and what the assessor entered.
 */
public final class IdentityReader {

    private static final int MAX_TEXT = 64 * 1024;
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final List<Command> COMMANDS = List.of(
            Command.of("hostname"),
            Command.of("uname", "-a"),
            Command.of("cat", "/etc/os-release"),
            Command.of("cat", "/etc/machine-id"));

    private final Clock clock;

    public IdentityReader(Clock clock) {
        this.clock = clock;
    }

    /** Runs the identity commands on {@code channel}. */
    public IdentityCapture read(DeviceChannel channel, String serialNumber, String firmwareVersion)
            throws DeviceException {
        List<CommandResult> results = new ArrayList<>();
        List<String> values = new ArrayList<>();
        try {
            for (Command command : COMMANDS) {
                CommandResult result = channel.run(CommandRequest.of(command, TIMEOUT));
                results.add(result);
                values.add(result.transcript().succeeded() ? result.stdoutText(MAX_TEXT) : "");
            }
        } catch (DeviceException | RuntimeException e) {
            closeQuietly(results);
            throw e;
        }
        DeviceIdentity identity = new DeviceIdentity(channel.description(),
                channel.hostKeyFingerprint().orElse(""), values.get(0).strip(), values.get(1).strip(),
                values.get(2), values.get(3).strip(), serialNumber, firmwareVersion, clock.instant());
        return new IdentityCapture(identity, results);
    }

    private static void closeQuietly(List<CommandResult> results) {
        for (CommandResult result : results) {
            try {
                result.close();
            } catch (IOException ignored) {
                // the first failure is what the caller needs to see
            }
        }
    }
}
