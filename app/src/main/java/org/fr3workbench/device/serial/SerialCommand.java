package org.fr3workbench.device.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.CommandRun;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.domain.CommandOutcome;

/**
 * Runs one framed command on the console (see {@link CommandFrame}) and waits for its end, the timeout, a
 * cancel, a lost port or a reboot (a login prompt where the end marker should be). Timeout and cancel press
 * Ctrl-C, which the device's line discipline turns into SIGINT for the whole foreground job.
 */
final class SerialCommand {

    private static final long POLL_MS = 100;

    private final SerialChannel channel;
    private final ConsoleEngine engine;
    private final SerialSession session;
    private final ConsoleRecorder recorder;

    SerialCommand(SerialChannel channel, ConsoleEngine engine, SerialSession session, ConsoleRecorder recorder) {
        this.channel = channel;
        this.engine = engine;
        this.session = session;
        this.recorder = recorder;
    }

    CommandResult run(CommandRequest request) throws DeviceException {
        CommandFrame frame = CommandFrame.random();
        try (CommandRun run = channel.startRun(request)) {
            FrameDecoder decoder = new FrameDecoder(frame, run.stdout());
            engine.setFrame(decoder);
            recorder.note("fr3: running '" + request.command().shellText() + "' [" + frame.nonce()
                    + "] (its output is in the command transcript)");
            try {
                engine.send((frame.wrap(request.command().shellText()) + "\r").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                engine.clearFrame();
                channel.markLoggedOut();
                return run.ended(CommandOutcome.CONNECTION_LOST);
            }
            CommandOutcome outcome = await(decoder, request);
            engine.clearFrame();
            recorder.note("fr3: command [" + frame.nonce() + "] " + outcome.name().toLowerCase(java.util.Locale.ROOT));
            if (outcome == CommandOutcome.TIMED_OUT || outcome == CommandOutcome.CANCELLED) {
                if (!session.interrupt()) {
                    channel.markLoggedOut();
                }
                return run.ended(outcome);
            }
            if (outcome == CommandOutcome.CONNECTION_LOST) {
                channel.markLoggedOut();
                return run.ended(outcome);
            }
            if (decoder.error() != null) {
                throw new DeviceException("the output of '" + request.command().shellText() + "' on "
                        + channel.description() + " cannot be trusted: " + decoder.error()
                        + " (the console recording shows what arrived)");
            }
            return run.exited(decoder.exitCode());
        }
    }

    private CommandOutcome await(FrameDecoder decoder, CommandRequest request) throws DeviceException {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        try {
            while (!decoder.doneSignal().await(POLL_MS, TimeUnit.MILLISECONDS)) {
                if (request.cancellation().isCancelled()) {
                    return CommandOutcome.CANCELLED;
                }
                if (System.nanoTime() - deadline >= 0) {
                    return CommandOutcome.TIMED_OUT;
                }
                if (!engine.isAlive() || session.atLoginPrompt()) {
                    return CommandOutcome.CONNECTION_LOST;
                }
            }
            return CommandOutcome.EXITED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted while waiting for a command on " + channel.description(), e);
        }
    }
}
