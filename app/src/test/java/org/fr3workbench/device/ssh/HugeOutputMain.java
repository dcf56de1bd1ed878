package org.fr3workbench.device.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.OutputSpool;

/**
 * Runs in a child JVM with a small heap ({@code -Xmx64m}): streams a large command output over SSH into a
 * spool file and writes {@code outcome exitCode size sha256 spoolSize} to a result file. If the channel held the
 * output in memory, this JVM would die with an OutOfMemoryError.
 */
public final class HugeOutputMain {

    private HugeOutputMain() {
    }

    /** Arguments: port, user, client key, host key fingerprint, bytes, spool dir, result file. */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String user = args[1];
        Path key = Path.of(args[2]);
        String fingerprint = args[3];
        long bytes = Long.parseLong(args[4]);
        Path spoolDir = Path.of(args[5]);
        Path resultFile = Path.of(args[6]);
        HostKeyPolicy policy = new HostKeyPolicy(new InMemoryHostKeyPinStore(), HostKeyTrustDecision.expect(fingerprint),
                Clock.systemUTC());
        try (SshChannel channel = SshChannel.connect(new SshEndpoint(user, "127.0.0.1", port, SshAuth.key(key)),
                Optional.empty(), policy, SshOptions.defaults(), OutputSpool.tempFiles(spoolDir), Clock.systemUTC());
             CommandResult result = channel.run(CommandRequest.of(
                     Command.shell("yes fr3-workbench-output-line | head -c " + bytes), Duration.ofMinutes(5)))) {
            long spooled = Files.size(Files.list(spoolDir).filter(p -> p.getFileName().toString().startsWith("fr3-stdout"))
                    .findFirst().orElseThrow());
            Files.writeString(resultFile, result.transcript().outcome() + " " + result.transcript().exitCode().orElse(-1)
                    + " " + result.transcript().stdout().size() + " " + result.transcript().stdout().sha256() + " "
                    + spooled + " " + Runtime.getRuntime().maxMemory());
        }
    }
}
