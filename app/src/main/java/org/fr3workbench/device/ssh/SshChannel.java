package org.fr3workbench.device.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import net.schmizz.sshj.SSHClient;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.CancelledException;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.CommandRun;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyRejectedException;
import org.fr3workbench.device.AuthenticationException;
import org.fr3workbench.device.InteractiveConsole;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.ReconnectListener;
import org.fr3workbench.device.Redactor;
import org.fr3workbench.device.TcpForwarding;
import org.fr3workbench.device.TcpTunnel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device reached over SSH (sshj), optionally through a jump host. Host keys are checked against the pins of
 * the {@link HostKeyPolicy}; passwords and passphrases stay in memory and are redacted from every transcript.
 * The channel keeps its own copies of the secrets (for reconnecting) and clears them on {@link #close()}; the
 * caller clears the ones it passed in.
 * One channel can run one command at a time per caller; sshj multiplexes concurrent commands safely.
 */
public final class SshChannel implements DeviceChannel, TcpForwarding {

    private static final Logger LOG = LoggerFactory.getLogger(SshChannel.class);
    private static final int MAX_HELPER_OUTPUT = 4096;

    private final SshEndpoint target;
    private final Optional<SshEndpoint> jump;
    private final SshConnector connector;
    private final SshOptions options;
    private final OutputSpool spool;
    private final Redactor redactor = new Redactor();
    private final Clock clock;
    private final SshExec exec = new SshExec(this);
    private final SshFiles files = new SshFiles(this);
    private volatile SSHClient client;
    private volatile SSHClient jumpClient;
    private volatile String fingerprint;
    private volatile boolean lost;

    private SshChannel(SshEndpoint target, Optional<SshEndpoint> jump, HostKeyPolicy policy, SshOptions options,
                       OutputSpool spool, Clock clock) {
        this.target = target.duplicate();
        this.jump = jump.map(SshEndpoint::duplicate);
        this.connector = new SshConnector(policy, options);
        this.options = options;
        this.spool = spool;
        this.clock = clock;
        this.target.auth().secret().ifPresent(redactor::add);
        this.jump.flatMap(j -> j.auth().secret()).ifPresent(redactor::add);
    }

    /**
     * Connects and logs in.
     *
     * @param target  the device
     * @param jump    a jump host to connect through (ProxyJump), if any; its host key is pinned as well
     * @param policy  host key pins and the decision for unknown keys
     * @param options timeouts and keep-alive
     * @param spool   where command output is spooled
     * @throws HostKeyRejectedException an unknown key was not accepted, or a pinned key changed
     * @throws AuthenticationException  the login was refused
     * @throws DeviceException          the device could not be reached
     */
    public static SshChannel connect(SshEndpoint target, Optional<SshEndpoint> jump, HostKeyPolicy policy,
                                     SshOptions options, OutputSpool spool, Clock clock) throws DeviceException {
        SshChannel channel = new SshChannel(target, jump, policy, options, spool, clock);
        try {
            channel.open();
        } catch (DeviceException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return channel;
    }

    private void open() throws DeviceException {
        Optional<SSHClient> via = Optional.empty();
        if (jump.isPresent()) {
            jumpClient = connector.connect(jump.get(), Optional.empty()).client();
            via = Optional.of(jumpClient);
        }
        SshConnector.Connected connected = connector.connect(target, via);
        client = connected.client();
        fingerprint = connected.fingerprint();
        lost = false;
        LOG.info("connected to {} ({})", description(), fingerprint);
    }

    @Override
    public String description() {
        return "ssh " + target.display() + jump.map(j -> " via " + j.display()).orElse("");
    }

    @Override
    public Optional<String> hostKeyFingerprint() {
        return Optional.ofNullable(fingerprint);
    }

    @Override
    public CommandResult run(CommandRequest request) throws DeviceException {
        requireConnected();
        return exec.run(request);
    }

    @Override
    public void upload(Path localFile, String remotePath) throws DeviceException {
        requireConnected();
        files.upload(localFile, remotePath);
    }

    @Override
    public void download(String remotePath, Path localFile) throws DeviceException {
        requireConnected();
        files.download(remotePath, localFile);
    }

    @Override
    public TcpTunnel openTunnel() throws DeviceException {
        requireConnected();
        try {
            return new SshTcpTunnel(client(), description());
        } catch (IOException e) {
            throw new DeviceException("cannot open a tunnel through " + description() + ": " + e.getMessage(), e);
        }
    }

    /** Whether file transfers fell back to exec + cat because the device has no SFTP. */
    public boolean transfersUseCat() {
        return files.usesCat();
    }

    @Override
    public InteractiveConsole openConsole(int columns, int rows) throws DeviceException {
        requireConnected();
        return SshConsole.open(client, description(), columns, rows);
    }

    @Override
    public synchronized void reconnect(Duration timeout, ReconnectListener listener, Cancellation cancellation)
            throws DeviceException {
        disconnect();
        long start = System.nanoTime();
        int attempt = 0;
        while (true) {
            cancellation.throwIfCancelled();
            attempt++;
            try {
                open();
                return;
            } catch (HostKeyRejectedException | AuthenticationException e) {
                throw e;
            } catch (DeviceException e) {
                disconnect();
                Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
                listener.attemptFailed(attempt, elapsed, e.getMessage());
                if (elapsed.plus(options.reconnectPause()).compareTo(timeout) > 0) {
                    throw new DeviceException("could not reconnect to " + description() + " within " + timeout
                            + " (" + attempt + " attempts); last error: " + e.getMessage(), e);
                }
                pause(cancellation);
            }
        }
    }

    private void pause(Cancellation cancellation) throws CancelledException {
        Object wake = new Object();
        Cancellation.Registration registration = cancellation.onCancel(() -> {
            synchronized (wake) {
                wake.notifyAll();
            }
        });
        try {
            synchronized (wake) {
                if (!cancellation.isCancelled()) {
                    wake.wait(options.reconnectPause().toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while waiting to reconnect");
        } finally {
            registration.close();
        }
        cancellation.throwIfCancelled();
    }

    @Override
    public Redactor redactor() {
        return redactor;
    }

    @Override
    public boolean isConnected() {
        SSHClient current = client;
        return !lost && current != null && current.isConnected() && current.isAuthenticated();
    }

    @Override
    public synchronized void close() {
        disconnect();
        redactor.close();
        target.auth().secret().ifPresent(org.fr3workbench.device.Secret::close);
        jump.flatMap(j -> j.auth().secret()).ifPresent(org.fr3workbench.device.Secret::close);
    }

    private void disconnect() {
        if (client != null) {
            SshConnector.closeQuietly(client);
            client = null;
        }
        if (jumpClient != null) {
            SshConnector.closeQuietly(jumpClient);
            jumpClient = null;
        }
    }

    private void requireConnected() throws DeviceException {
        if (!isConnected()) {
            throw new DeviceException(description() + " is not connected (connection lost?): reconnect first");
        }
    }

    SSHClient client() throws DeviceException {
        SSHClient current = client;
        if (current == null) {
            throw new DeviceException(description() + " is not connected");
        }
        return current;
    }

    CommandRun startRun(CommandRequest request) throws DeviceException {
        return CommandRun.start(description(), request, spool, redactor, clock, false);
    }

    void markLost() {
        lost = true;
    }

    /** Runs a helper command (kill, size check) whose output is not evidence; returns its standard output. */
    String runForText(String script) throws DeviceException {
        try (CommandResult result = exec.run(CommandRequest.of(Command.shell(script), Duration.ofSeconds(30)))) {
            return result.stdoutText(MAX_HELPER_OUTPUT);
        } catch (IOException e) {
            throw new DeviceException("cannot read the output of a helper command: " + e.getMessage(), e);
        }
    }

    /** Runs a helper command and ignores its result (used while recovering from a timeout). */
    void runQuietly(String script, Duration timeout) {
        try (CommandResult ignored = exec.run(CommandRequest.of(Command.shell(script), timeout))) {
            LOG.debug("helper command ended: {}", ignored.transcript().outcome());
        } catch (DeviceException | IOException e) {
            LOG.warn("helper command on {} failed: {}", description(), e.getMessage());
        }
    }
}
