package org.fr3workbench.device;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.domain.OutputDigest;
import org.fr3workbench.domain.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bookkeeping of one command that every channel shares: output streams that redact, show the output to
 * the listener and capture it; start and end times; the transcript at the end. A channel writes the raw
 * device bytes to {@link #stdout()} / {@link #stderr()} and calls {@link #finish}.
 */
public final class CommandRun implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRun.class);

    private final String channel;
    private final String commandText;
    private final Clock clock;
    private final Instant startedAt;
    private final TranscriptOutput output;
    private final Redactor.RedactingStream stdout;
    private final Redactor.RedactingStream stderr;
    private final boolean merged;
    private boolean finished;

    private CommandRun(String channel, CommandRequest request, TranscriptOutput output, Redactor redactor,
                       Clock clock, boolean merged) {
        this.channel = channel;
        this.commandText = redactor.redact(request.command().shellText());
        this.clock = clock;
        this.startedAt = clock.instant();
        this.output = output;
        this.merged = merged;
        this.stdout = redactor.wrap(new Tee(output.stdout().sink(), request.listener(), OutputListener.Stream.STDOUT));
        this.stderr = redactor.wrap(new Tee(output.stderr().sink(), request.listener(), OutputListener.Stream.STDERR));
    }

    /**
     * Starts the bookkeeping for {@code request} on {@code channel}.
     *
     * @param merged whether the channel delivers stdout and stderr as one stream
     */
    public static CommandRun start(String channel, CommandRequest request, OutputSpool spool, Redactor redactor,
                                   Clock clock, boolean merged) throws DeviceException {
        try {
            return new CommandRun(channel, request, spool.create(), redactor, clock, merged);
        } catch (IOException e) {
            throw new DeviceException("cannot create a spool file for the output of '" + request.command().shellText()
                    + "': " + e.getMessage(), e);
        }
    }

    /** Where the channel writes the device's standard output (raw; redaction happens here). */
    public OutputStream stdout() {
        return stdout;
    }

    /** Where the channel writes the device's standard error. */
    public OutputStream stderr() {
        return stderr;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public CommandResult exited(int exitCode) throws DeviceException {
        return finish(CommandOutcome.EXITED, OptionalInt.of(exitCode));
    }

    /** Ends the run with an outcome other than a normal exit. */
    public CommandResult ended(CommandOutcome outcome) throws DeviceException {
        return finish(outcome, OptionalInt.empty());
    }

    private CommandResult finish(CommandOutcome outcome, OptionalInt exitCode) throws DeviceException {
        try {
            stdout.finish();
            stderr.finish();
            output.finish();
        } catch (IOException e) {
            throw new DeviceException("cannot write the output of '" + commandText + "' to its spool file: "
                    + e.getMessage(), e);
        }
        finished = true;
        OutputDigest err = output.stderr().digest();
        Transcript transcript = new Transcript(commandText, channel, startedAt, clock.instant(), outcome, exitCode,
                output.stdout().digest(), merged ? OutputDigest.EMPTY : err, merged,
                stdout.redactions() + stderr.redactions());
        LOG.info("{}: '{}' {} {} ({} bytes out, {} bytes err)", channel, abbreviated(commandText), outcome,
                exitCode.isPresent() ? exitCode.getAsInt() : "", transcript.stdout().size(), err.size());
        return new CommandResult(transcript, output);
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
    }

    /** Discards the output when the run did not finish (an exception on the way). */
    @Override
    public void close() {
        if (!finished) {
            try {
                output.close();
            } catch (IOException e) {
                LOG.warn("cannot delete spool files of '{}': {}", commandText, e.getMessage());
            }
        }
    }

    /** Passes bytes to the capture and to the listener; a failing listener does not break the capture. */
    private static final class Tee extends OutputStream {
        private final OutputStream capture;
        private final OutputListener listener;
        private final OutputListener.Stream stream;
        private boolean listenerFailed;

        Tee(OutputStream capture, OutputListener listener, OutputListener.Stream stream) {
            this.capture = capture;
            this.listener = listener;
            this.stream = stream;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int off, int len) throws IOException {
            capture.write(data, off, len);
            if (!listenerFailed && len > 0) {
                try {
                    listener.output(stream, data, off, len);
                } catch (RuntimeException e) {
                    listenerFailed = true;
                    LOG.warn("output listener failed; it gets no more output of this command", e);
                }
            }
        }
    }
}
