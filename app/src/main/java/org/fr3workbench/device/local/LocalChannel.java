package org.fr3workbench.device.local;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.CommandRun;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.InteractiveConsole;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.Pump;
import org.fr3workbench.device.ReconnectListener;
import org.fr3workbench.device.Redactor;
import org.fr3workbench.domain.CommandOutcome;

/**
 * The assessor's own machine ({@code openssl s_client}, {@code sbverify} ...), with the same transcripts as a
 * device. An argument list runs directly (no shell parses it); only {@link Command#shell} goes through
 * {@code /bin/sh -c}. Standard input is empty. On timeout or cancel the process and all its descendants get
 * SIGTERM, and SIGKILL two seconds later.
 */
public final class LocalChannel implements DeviceChannel {

    private static final Duration GRACE = Duration.ofSeconds(2);

    private final OutputSpool spool;
    private final Clock clock;
    private final Executor ioThreads;
    private final Path workingDirectory;
    private final Redactor redactor = new Redactor();
    private final String description;

    /**
     * @param ioThreads        runs the output pumps; give it platform threads (process pipes block in native code,
     *                         which would pin virtual threads)
     * @param workingDirectory where commands start
     */
    public LocalChannel(OutputSpool spool, Clock clock, Executor ioThreads, Path workingDirectory) {
        this.spool = spool;
        this.clock = clock;
        this.ioThreads = ioThreads;
        this.workingDirectory = workingDirectory;
        this.description = "local " + hostName();
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public Optional<String> hostKeyFingerprint() {
        return Optional.empty();
    }

    @Override
    public CommandResult run(CommandRequest request) throws DeviceException {
        List<String> argv = switch (request.command()) {
            case Command.Argv a -> a.argv();
            case Command.Shell s -> List.of("/bin/sh", "-c", s.script());
        };
        Process process;
        try {
            process = new ProcessBuilder(new ArrayList<>(argv)).directory(workingDirectory.toFile()).start();
        } catch (IOException e) {
            throw new DeviceException("cannot run '" + argv.getFirst() + "' on this machine: " + e.getMessage()
                    + " (is it installed and on the PATH?)", e);
        }
        try (CommandRun run = CommandRun.start(description, request, spool, redactor, clock, false)) {
            process.getOutputStream().close();
            Pump out = Pump.start(ioThreads, process.getInputStream(), run.stdout());
            Pump err = Pump.start(ioThreads, process.getErrorStream(), run.stderr());
            CommandOutcome outcome = Pump.awaitBoth(out, err, System.nanoTime() + request.timeout().toNanos(),
                    request.cancellation());
            if (outcome != CommandOutcome.EXITED) {
                kill(process);
                out.await(GRACE);
                err.await(GRACE);
                return run.ended(outcome);
            }
            process.waitFor();
            return run.exited(process.exitValue());
        } catch (IOException e) {
            kill(process);
            throw new DeviceException("cannot capture the output of '" + request.command().shellText() + "': "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while running '" + request.command().shellText() + "'", e);
        }
    }

    private static void kill(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                tree.forEach(ProcessHandle::destroyForcibly);
            }
        } catch (InterruptedException e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void upload(Path localFile, String remotePath) throws DeviceException {
        copy(localFile, Path.of(remotePath));
    }

    @Override
    public void download(String remotePath, Path localFile) throws DeviceException {
        copy(Path.of(remotePath), localFile);
    }

    private static void copy(Path from, Path to) throws DeviceException {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DeviceException("cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Not offered: the assessor has a terminal of their own on this machine. */
    @Override
    public InteractiveConsole openConsole(int columns, int rows) throws DeviceException {
        throw new DeviceException("the local channel has no interactive console: use a terminal on this machine");
    }

    @Override
    public void reconnect(Duration timeout, ReconnectListener listener, Cancellation cancellation) {
        // always connected
    }

    @Override
    public Redactor redactor() {
        return redactor;
    }

    @Override
    public boolean isConnected() {
        return true;
    }

    @Override
    public void close() {
        redactor.close();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "machine";
        }
    }
}
