package org.fr3workbench.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.TranscriptDocument;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.ssh.SshChannel;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.Transcript;
import org.fr3workbench.store.AssessmentFileException;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;
import org.fr3workbench.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 exec FILE -- COMMAND…}: runs one command on the assessment's device (the pinned host
 * key must match), records the transcript as evidence and passes the command's exit code through.
 */
@Command(name = "exec", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run one command on the device recorded by 'fr3 connect'; the transcript (command, output, "
            + "exit code, times) is stored as evidence. One word after -- is shell text; several are quoted words.",
            "Exit: the command's own exit code; 1 when it timed out or the connection failed; 2: bad input."})
final class ExecCommand implements Callable<Integer> {

    private final Supplier<AssessmentFiles> files;
    private final Supplier<DeviceConnections> connections;
    private final UnaryOperator<String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file (*.fr3).")
    private java.nio.file.Path file;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND", description = "The command, after --.")
    private List<String> command;

    @Mixin
    private DeviceOptions login;

    @Option(names = "--requirement", paramLabel = "ID", defaultValue = "", description = "The requirement the transcript supports.")
    private String requirement;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Kill the command after this long.")
    private long timeoutSeconds;

    ExecCommand(Supplier<AssessmentFiles> files, Supplier<DeviceConnections> connections, UnaryOperator<String> environment) {
        this.files = files;
        this.connections = connections;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        org.fr3workbench.device.Command toRun = command.size() == 1
                ? org.fr3workbench.device.Command.shell(command.getFirst())
                : org.fr3workbench.device.Command.of(command.toArray(String[]::new));
        try (AssessmentStore store = files.get().open(file, AssessmentFiles.Access.READ_WRITE)) {
            String address = store.target().map(t -> t.address()).filter(a -> a.startsWith("ssh://"))
                    .orElseThrow(() -> new InputException(file + " has no SSH target yet: run 'fr3 connect' first"));
            String actor = store.info().assessor();
            SshEndpoint endpoint = SshEndpoint.parse(address, login.auth(environment));
            try (SshChannel channel = connections.get().ssh(endpoint, Optional.empty(), DeviceOptions.pins(store, actor),
                    HostKeyTrustDecision.REFUSE);
                 CommandResult result = channel.run(CommandRequest.of(toRun, Duration.ofSeconds(timeoutSeconds)))) {
                try (InputStream stdout = result.output().stdout().open(); InputStream stderr = result.output().stderr().open()) {
                    // Decoded as one stream, so a character split across read chunks stays whole.
                    new java.io.InputStreamReader(stdout, StandardCharsets.UTF_8).transferTo(out);
                    out.flush();
                    spec.commandLine().getErr().print(new String(stderr.readAllBytes(), StandardCharsets.UTF_8));
                }
                Transcript transcript = result.transcript();
                store.evidence().add(NewEvidence.of(EvidenceKind.TRANSCRIPT, requirement, "exec " + transcript.command(),
                        TranscriptDocument.MEDIA_TYPE, "", channel.description(), transcript.startedAt()),
                        TranscriptDocument.open(result), actor, ProgressMonitor.NONE);
                if (transcript.exitCode().isEmpty()) {
                    spec.commandLine().getErr().println("fr3: " + transcript.outcome() + ": " + transcript.command());
                    return Fr3Command.EXIT_FAILED;
                }
                return transcript.exitCode().getAsInt();
            }
        } catch (DeviceException e) {
            spec.commandLine().getErr().println("fr3: " + e.getMessage());
            return Fr3Command.EXIT_FAILED;
        } catch (AssessmentFileException | StoreException | IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new InputException("cannot record the transcript in " + file + ": " + e.getMessage(), e);
        }
    }
}
