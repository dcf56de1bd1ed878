package org.fr3workbench.device.ssh;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.connection.channel.direct.Signal;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.CommandRun;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.Pump;
import org.fr3workbench.domain.CommandOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command over an SSH {@code exec} channel and stops it on timeout or cancel.
 *
 * <p>Killing the remote command: closing an SSH channel does not stop a command that does not read or write
 * (OpenSSH leaves {@code sleep 300} running), and many device sshds ignore the {@code signal} request. So the
 * command is sent as {@code printf 'FR3PID:%s\n' "$$" >&2; COMMAND}: the login shell that runs it reports its
 * process id first (that line is removed from standard error). OpenSSH and Dropbear start that shell in a new
 * session, so its pid is also its process group, which every process of the command inherits. On timeout a
 * second exec channel runs {@link #killScript(long)}: SIGTERM to the whole group, SIGKILL a second later; when
 * the shell is not a group leader (other servers) it walks the process tree with {@code pgrep -P} instead.
 */
final class SshExec {

    private static final Logger LOG = LoggerFactory.getLogger(SshExec.class);
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final SshChannel channel;

    SshExec(SshChannel channel) {
        this.channel = channel;
    }

    CommandResult run(CommandRequest request) throws DeviceException {
        SSHClient client = channel.client();
        Session session;
        try {
            session = client.startSession();
        } catch (IOException e) {
            throw new DeviceException("cannot start a command on " + channel.description() + ": "
                    + SshConnector.safeMessage(e) + " (connection lost? reconnect first)", e);
        }
        try (CommandRun run = channel.startRun(request)) {
            Session.Command command;
            try {
                command = session.exec("printf '" + PidLineFilter.PREFIX + "%s\\n' \"$$\" >&2; "
                        + request.command().shellText());
            } catch (IOException e) {
                throw new DeviceException("cannot start '" + request.command().shellText() + "' on "
                        + channel.description() + ": " + SshConnector.safeMessage(e), e);
            }
            PidLineFilter stderr = new PidLineFilter(run.stderr());
            Pump out = Pump.start("ssh-stdout", command.getInputStream(), run.stdout());
            Pump err = Pump.start("ssh-stderr", command.getErrorStream(), stderr);
            CommandOutcome waited = await(out, err, System.nanoTime() + request.timeout().toNanos(),
                    request.cancellation());
            if (waited != CommandOutcome.EXITED) {
                stop(command, stderr.awaitPid(Duration.ofSeconds(3)));
            }
            drain(out, err);
            stderr.finish();
            return finish(run, command, waited, out, err);
        } catch (IOException e) {
            throw new DeviceException("cannot capture the output of '" + request.command().shellText() + "': "
                    + e.getMessage(), e);
        } finally {
            closeQuietly(session);
        }
    }

    private CommandOutcome await(Pump out, Pump err, long deadlineNanos, Cancellation cancellation)
            throws DeviceException {
        try {
            return Pump.awaitBoth(out, err, deadlineNanos, cancellation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while waiting for a command on " + channel.description(), e);
        }
    }

    private CommandResult finish(CommandRun run, Session.Command command, CommandOutcome waited, Pump out, Pump err)
            throws DeviceException, IOException {
        if (waited != CommandOutcome.EXITED) {
            return run.ended(waited);
        }
        try {
            command.join(DRAIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            LOG.debug("waiting for the exit status failed", e);
        }
        Integer status = command.getExitStatus();
        if (status != null) {
            return run.exited(status);
        }
        Signal signal = command.getExitSignal();
        if (signal != null && signal != Signal.UNKNOWN) {
            return run.exited(128 + signalNumber(signal));
        }
        // No exit status and no signal: the channel died with the connection (reboot, cable, sshd killed).
        LOG.warn("{}: no exit status ({}), connection lost", channel.description(),
                out.failure() != null ? out.failure().getMessage() : "channel closed");
        channel.markLost();
        return run.ended(CommandOutcome.CONNECTION_LOST);
    }

    /**
     * Kills the remote command. No SSH {@code signal} request is sent: OpenSSH honours it only with privilege
     * separation and drops the whole connection when it arrives for a channel that has just closed.
     */
    private void stop(Session.Command command, OptionalLong pid) {
        if (pid.isPresent()) {
            channel.runQuietly(killScript(pid.getAsLong()), Duration.ofSeconds(10));
        } else {
            LOG.warn("no remote process id known on {}; closing the channel only (the command may keep running)",
                    channel.description());
        }
        closeQuietly(command);
    }

    /** A POSIX sh script that kills process group {@code pid}, or the tree under {@code pid} if there is none. */
    static String killScript(long pid) {
        return "p=" + pid + "; "
                + "tree() { for c in $(pgrep -P \"$1\" 2>/dev/null); do tree \"$c\"; done; echo \"$1\"; }; "
                + "if kill -0 -$p 2>/dev/null; then kill -TERM -$p 2>/dev/null; sleep 1; kill -KILL -$p 2>/dev/null; "
                + "else t=$(tree $p); kill -TERM $t 2>/dev/null; sleep 1; kill -KILL $t 2>/dev/null; fi; exit 0";
    }

    private static void drain(Pump out, Pump err) {
        try {
            out.await(DRAIN);
            err.await(DRAIN);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int signalNumber(Signal signal) {
        return switch (signal) {
            case HUP -> 1;
            case INT -> 2;
            case QUIT -> 3;
            case ILL -> 4;
            case ABRT -> 6;
            case FPE -> 8;
            case KILL -> 9;
            case USR1 -> 10;
            case SEGV -> 11;
            case USR2 -> 12;
            case PIPE -> 13;
            case ALRM -> 14;
            case TERM -> 15;
            default -> 0;
        };
    }

    private static void closeQuietly(net.schmizz.sshj.connection.channel.Channel c) {
        try {
            c.close();
        } catch (IOException | RuntimeException ignored) {
            // the channel may already be gone with the connection
        }
    }
}
