package org.fr3workbench.device.serial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.CommandRun;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.InteractiveConsole;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.ReconnectListener;
import org.fr3workbench.device.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A device's serial console. Connecting starts a continuous {@link ConsoleRecorder} (boot logs, kernel
 * messages, prompts) and logs in; commands are framed with random markers ({@link CommandFrame}) so their
 * output and exit code are exact. One thing at a time: a command, a transfer or the interactive console.
 */
public final class SerialChannel implements DeviceChannel {

    private static final Logger LOG = LoggerFactory.getLogger(SerialChannel.class);

    private final SerialLink link;
    private final SerialLogin login;
    private final OutputSpool spool;
    private final Clock clock;
    private final Redactor redactor = new Redactor();
    private final ExpectBuffer buffer = new ExpectBuffer();
    private final Semaphore busy = new Semaphore(1);
    private final ConsoleRecorder recorder;
    private final ConsoleEngine engine;
    private final SerialSession session;
    private final SerialCommand commands;
    private final SerialFiles files;
    private volatile boolean loggedIn;

    private SerialChannel(SerialLink link, SerialLogin login, OutputSpool spool, Path recordingDir, Clock clock)
            throws IOException {
        this.link = link;
        this.login = login.duplicate();
        this.spool = spool;
        this.clock = clock;
        this.login.password().ifPresent(redactor::add);
        this.recorder = new ConsoleRecorder(recordingDir, redactor, clock);
        this.engine = new ConsoleEngine(link, buffer, recorder, clock);
        this.session = new SerialSession(engine, buffer, redactor, link.description());
        this.commands = new SerialCommand(this, engine, session, recorder);
        this.files = new SerialFiles(this);
    }

    /**
     * Starts recording the console and logs in.
     *
     * @param link         the opened port ({@link JSerialCommLink#open})
     * @param login        user and password for the prompts, or {@link SerialLogin#shellAlreadyOpen()}
     * @param spool        where command output is spooled
     * @param recordingDir where the console recording is written
     */
    public static SerialChannel connect(SerialLink link, SerialLogin login, OutputSpool spool, Path recordingDir,
                                        Clock clock, Cancellation cancellation) throws DeviceException {
        SerialChannel channel;
        try {
            java.nio.file.Files.createDirectories(recordingDir);
            channel = new SerialChannel(link, login, spool, recordingDir, clock);
        } catch (IOException e) {
            link.close();
            throw new DeviceException("cannot create the console recording in " + recordingDir + ": " + e.getMessage(), e);
        }
        channel.engine.start();
        channel.recorder.note("fr3: console " + link.description() + " opened");
        try {
            channel.session.login(channel.login, true, cancellation);
        } catch (DeviceException | RuntimeException e) {
            channel.close();
            try {
                channel.recorder.close();
            } catch (IOException ignored) {
                // the login failure is what the caller needs to see
            }
            throw e;
        }
        channel.loggedIn = true;
        LOG.info("logged in on {} (prompt '{}')", channel.description(), channel.session.prompt());
        return channel;
    }

    @Override
    public String description() {
        return "serial " + link.description();
    }

    @Override
    public Optional<String> hostKeyFingerprint() {
        return Optional.empty();
    }

    /** The shell prompt found when logging in, escape sequences removed. */
    public String prompt() {
        return session.prompt();
    }

    /** The continuous console recording (runs until {@link #close()}). */
    public ConsoleRecorder recording() {
        return recorder;
    }

    @Override
    public CommandResult run(CommandRequest request) throws DeviceException {
        return exclusive(() -> commands.run(request));
    }

    @Override
    public void upload(Path localFile, String remotePath) throws DeviceException {
        exclusive(() -> {
            files.upload(localFile, remotePath);
            return null;
        });
    }

    @Override
    public void download(String remotePath, Path localFile) throws DeviceException {
        exclusive(() -> {
            files.download(remotePath, localFile);
            return null;
        });
    }

    /** Something that needs the logged-in console to itself. */
    @FunctionalInterface
    private interface ConsoleWork<T> {
        T run() throws DeviceException;
    }

    private <T> T exclusive(ConsoleWork<T> work) throws DeviceException {
        lock();
        try {
            requireLoggedIn();
            return work.run();
        } finally {
            busy.release();
        }
    }

    /**
     * Hands the console to the assessor: raw bytes both ways until the returned console is closed. Commands wait
     * (are refused) meanwhile; the recording continues.
     */
    @Override
    public InteractiveConsole openConsole(int columns, int rows) throws DeviceException {
        lock();
        SerialConsole console = new SerialConsole(engine, () -> {
            engine.setTap(null);
            busy.release();
        });
        engine.setTap(console.tapSink());
        recorder.note("fr3: interactive console opened");
        return console;
    }

    /**
     * Waits for the device to come back (after a reboot) and logs in again. Nothing is typed until a login prompt
     * or a shell prompt appears: a key press during boot could stop the boot loader.
     */
    @Override
    public void reconnect(Duration timeout, ReconnectListener listener, Cancellation cancellation) throws DeviceException {
        lock();
        try {
            if (!engine.isAlive()) {
                throw new DeviceException(description() + " is gone (" + engine.failure() + "): reopen the port");
            }
            recorder.note("fr3: waiting for the device to come back");
            SerialLogin patient = new SerialLogin(login.user(), login.password(), timeout);
            session.login(patient, false, cancellation);
            loggedIn = true;
            recorder.note("fr3: logged in again");
        } finally {
            busy.release();
        }
    }

    @Override
    public Redactor redactor() {
        return redactor;
    }

    @Override
    public boolean isConnected() {
        return loggedIn && engine.isAlive();
    }

    /** Stops the recording (it stays readable until {@link ConsoleRecorder#close()}), closes the port. */
    @Override
    public void close() {
        recorder.note("fr3: console closed");
        engine.close();
        recorder.finish();
        redactor.close();
        login.password().ifPresent(org.fr3workbench.device.Secret::close);
    }

    CommandRun startRun(CommandRequest request) throws DeviceException {
        return CommandRun.start(description(), request, spool, redactor, clock, true);
    }

    /** Runs a helper command and returns its output (for transfers). */
    CommandResult runLocked(CommandRequest request) throws DeviceException {
        return commands.run(request);
    }

    void markLoggedOut() {
        loggedIn = false;
    }

    private void lock() throws DeviceException {
        if (!busy.tryAcquire()) {
            throw new DeviceException(description() + " is busy (a command, a transfer or the interactive console)");
        }
    }

    private void requireLoggedIn() throws DeviceException {
        if (!engine.isAlive()) {
            throw new DeviceException(description() + " is gone: " + engine.failure());
        }
        if (!loggedIn) {
            throw new DeviceException("no shell on " + description() + " (the device rebooted?): reconnect first");
        }
    }
}
