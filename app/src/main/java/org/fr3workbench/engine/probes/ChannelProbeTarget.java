package org.fr3workbench.engine.probes;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.OutputListener;
import org.fr3workbench.device.ShellQuote;
import org.fr3workbench.domain.Transcript;
import org.fr3workbench.probe.ExecResult;
import org.fr3workbench.probe.ProbeTarget;

/**
 * A {@link ProbeTarget} over a device channel (SSH, serial or local). A cancelled step makes the command in flight
 * (or the next one) end with {@link InterruptedException}, so that the probe stops; the commands after that — the
 * probe's own cleanup in its {@code finally} — run with a fresh token, so that cancelling never skips the removal
 * of what the probe uploaded.
 */
final class ChannelProbeTarget implements ProbeTarget {

    /** Most output kept per command (swupdate at log level 5 prints a few KiB). */
    static final int MAX_OUTPUT = 1024 * 1024;

    private final DeviceChannel channel;
    private final Cancellation cancellation;
    private final OutputListener listener;
    private boolean stopped;

    ChannelProbeTarget(DeviceChannel channel, Cancellation cancellation, OutputListener listener) {
        this.channel = channel;
        this.cancellation = cancellation;
        this.listener = listener;
    }

    @Override
    public ExecResult exec(String command, Duration timeout) throws IOException, InterruptedException {
        Cancellation token = stopNow();
        try (CommandResult result = channel.run(new CommandRequest(Command.shell(command), timeout, listener, token))) {
            Transcript transcript = result.transcript();
            String output = result.stdoutText(MAX_OUTPUT) + result.stderrText(MAX_OUTPUT);
            return switch (transcript.outcome()) {
                case EXITED -> ExecResult.of(transcript.exitCode().getAsInt(), output);
                case TIMED_OUT -> new ExecResult(-1, output, true);
                case CANCELLED -> {
                    stopped = true;
                    throw new InterruptedException("cancelled");
                }
                case CONNECTION_LOST -> throw new IOException("the connection to " + channel.description() + " was lost");
            };
        } catch (DeviceException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void upload(Path localPath, String remotePath) throws IOException, InterruptedException {
        stopNow();
        try {
            channel.upload(localPath, remotePath);
        } catch (DeviceException e) {
            throw new IOException("upload of " + localPath.getFileName() + " to " + remotePath + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void remove(String remotePath) throws IOException, InterruptedException {
        ExecResult removed = exec("rm -rf -- " + ShellQuote.quote(remotePath), Duration.ofSeconds(60));
        if (removed.timedOut() || removed.exitCode() != 0) {
            throw new IOException("could not remove " + remotePath + " on the device: " + removed.output().strip());
        }
    }

    /**
     * The token for the next command: the step's while it runs; after the step was cancelled, the first call is
     * refused (the probe stops) and later calls (its cleanup) get a fresh token.
     */
    private Cancellation stopNow() throws InterruptedException {
        if (stopped) {
            return Cancellation.create();
        }
        if (cancellation.isCancelled()) {
            stopped = true;
            throw new InterruptedException("cancelled");
        }
        return cancellation;
    }
}
