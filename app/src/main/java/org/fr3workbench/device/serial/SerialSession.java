package org.fr3workbench.device.serial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;
import org.fr3workbench.device.AuthenticationException;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.CancelledException;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.Redactor;

/**
 * Logs in at the console's prompts and finds the shell: answers {@code login:} and {@code Password:}, then
 * proves a shell is listening by typing a sync marker and waiting for its output (the echo alone cannot match,
 * see {@link CommandFrame}); the text after it is the shell prompt. Also resynchronises after an interrupt.
 */
final class SerialSession {

    static final Pattern LOGIN_PROMPT = Pattern.compile("(?i)\\blogin:\\s*$");
    static final Pattern PASSWORD_PROMPT = Pattern.compile("(?i)password:\\s*$");
    /** A line ending like a shell prompt: {@code #}, {@code $} or {@code >} and optional blanks. */
    private static final Pattern SHELL_PROMPT = Pattern.compile("[#$>]\\s*$");
    private static final long SETTLE_NANOS = 5_000_000_000L;
    /** Signs of a device that is still booting: typing now could stop the boot loader. */
    private static final Pattern BOOTING = Pattern.compile("(?i)hit any key to stop autoboot|starting kernel|booting linux");
    private static final Pattern LOGIN_FAILED = Pattern.compile("(?i)login incorrect|authentication fail|access denied");
    private static final long QUIET_NANOS = 600_000_000L;
    private static final long SYNC_NANOS = 3_000_000_000L;
    private static final byte[] ENTER = {'\r'};
    private static final byte[] CTRL_C = {3};

    private final ConsoleEngine engine;
    private final ExpectBuffer buffer;
    private final Redactor redactor;
    private final String description;
    private volatile String prompt = "";

    SerialSession(ConsoleEngine engine, ExpectBuffer buffer, Redactor redactor, String description) {
        this.engine = engine;
        this.buffer = buffer;
        this.redactor = redactor;
        this.description = description;
    }

    /** The shell prompt seen after the last sync, escape sequences removed, e.g. {@code root@dev:~#}. */
    String prompt() {
        return prompt;
    }

    /**
     * Gets to a shell.
     *
     * @param poke whether Enter may be pressed to wake a quiet console; false while waiting for a reboot. Either
     *             way nothing is typed while the screen shows a boot in progress (a key press would stop U-Boot's
     *             autoboot): prompts are answered, a shell is probed when something looks like a shell prompt
     */
    void login(SerialLogin login, boolean poke, Cancellation cancellation) throws DeviceException {
        LoginAttempt attempt = new LoginAttempt(login, poke, cancellation);
        try {
            while (!attempt.expired()) {
                if (attempt.step()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException("interrupted while logging in on " + description);
        }
        throw new DeviceException("no shell on " + description + " within " + login.timeout() + "; last console text: '"
                + lastLines(screen(buffer.tail(600)), 3) + "'");
    }

    /** One login: looks at the screen after each quiet moment and answers what it shows. */
    private final class LoginAttempt {
        private final SerialLogin login;
        private final boolean poke;
        private final Cancellation cancellation;
        private final long deadline;
        private boolean userSent;
        private boolean passwordSent;
        private boolean enterPressed;
        private long answeredAt;
        private long sentAt = -1;

        LoginAttempt(SerialLogin login, boolean poke, Cancellation cancellation) {
            this.login = login;
            this.poke = poke;
            this.cancellation = cancellation;
            this.deadline = System.nanoTime() + login.timeout().toNanos();
        }

        boolean expired() {
            return System.nanoTime() - deadline >= 0;
        }

        /** Reacts to the screen once; true when a shell answered. */
        boolean step() throws DeviceException, InterruptedException {
            if (sentAt >= 0) {
                // let the device answer what was just typed before looking at the screen again
                buffer.awaitData(sentAt, Math.min(deadline, System.nanoTime() + SETTLE_NANOS), cancellation);
                sentAt = -1;
            }
            long seen = buffer.position();
            buffer.awaitQuiet(QUIET_NANOS, deadline, cancellation);
            String tail = screen(buffer.tail(600));
            if (passwordSent && (LOGIN_FAILED.matcher(tail).find() || LOGIN_PROMPT.matcher(tail).find())) {
                throw new AuthenticationException("the console on " + description + " refused the login of "
                        + login.user().orElse("?") + " (wrong user name or password); it said: '"
                        + lastLines(tail, 3) + "'");
            }
            if (LOGIN_PROMPT.matcher(tail).find()) {
                String user = login.user().orElseThrow(() -> new AuthenticationException("the console on "
                        + description + " shows a login prompt, but no user name was given"));
                type((user + "\r").getBytes(StandardCharsets.UTF_8));
                userSent = true;
            } else if (PASSWORD_PROMPT.matcher(tail).find()) {
                if (!userSent && login.user().isPresent()) {
                    type(ENTER); // a prompt for a user name someone else typed: the secret does not go there
                } else {
                    sentAt = buffer.position();
                    sendPassword(login);
                    answeredAt = System.nanoTime();
                    passwordSent = true;
                }
            } else {
                boolean settling = answeredAt != 0 && System.nanoTime() - answeredAt < SETTLE_NANOS;
                boolean mayType = (poke || answeredAt != 0) && !settling && !BOOTING.matcher(tail).find();
                if (SHELL_PROMPT.matcher(tail).find() || (mayType && enterPressed)) {
                    if (sync(cancellation)) {
                        return true;
                    }
                    enterPressed = false;
                } else if (mayType) {
                    sentAt = buffer.position();
                    send(ENTER);
                    enterPressed = true;
                } else {
                    buffer.awaitData(seen, Math.min(deadline, System.nanoTime() + SETTLE_NANOS), cancellation);
                }
            }
            return false;
        }

        private void type(byte[] bytes) throws DeviceException {
            sentAt = buffer.position();
            send(bytes);
            answeredAt = System.nanoTime();
        }
    }

    /** Presses Ctrl-C (twice if needed) and waits until the shell answers again; false if it does not. */
    boolean interrupt() {
        Cancellation own = Cancellation.create();
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                send(CTRL_C);
                if (sync(own)) {
                    return true;
                }
            } catch (DeviceException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    /** Types a sync marker and waits for its output; on success remembers the prompt that follows. */
    boolean sync(Cancellation cancellation) throws DeviceException, InterruptedException {
        String nonce = CommandFrame.random().nonce();
        long mark = buffer.position();
        send((CommandFrame.syncLine(nonce) + "\r").getBytes(StandardCharsets.US_ASCII));
        long after = buffer.awaitLiteral(CommandFrame.syncMarker(nonce), mark, System.nanoTime() + SYNC_NANOS,
                cancellation);
        if (after < 0) {
            return false;
        }
        buffer.awaitQuiet(300_000_000L, System.nanoTime() + 2_000_000_000L, cancellation);
        String rest = screen(buffer.textSince(after));
        prompt = rest.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst()
                .map(redactor::redact).orElse("");
        return true;
    }

    /** Whether the console shows a login prompt now (the device rebooted or logged us out). */
    boolean atLoginPrompt() {
        return buffer.quietNanos() > QUIET_NANOS && LOGIN_PROMPT.matcher(screen(buffer.tail(300))).find();
    }

    /** The last lines of console text, redacted, for an error message. */
    private String lastLines(String text, int count) {
        java.util.List<String> lines = text.strip().lines().toList();
        return redactor.redact(String.join(" / ", lines.subList(Math.max(0, lines.size() - count), lines.size())));
    }

    /** Console text as a person reads it: no escape sequences, no carriage returns, no kernel messages. */
    private static String screen(String raw) {
        // kernel messages first: one may have landed inside a colour escape sequence
        return AnsiText.strip(KernelMessages.remove(raw.replace("\r", "")));
    }

    private void sendPassword(SerialLogin login) throws DeviceException {
        if (login.password().isEmpty()) {
            throw new AuthenticationException("the console on " + description + " asks for a password, but none was given");
        }
        byte[] bytes = login.password().get().utf8();
        try {
            send(bytes);
            send(ENTER);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private void send(byte[] bytes) throws DeviceException {
        try {
            engine.send(bytes);
        } catch (IOException e) {
            throw new DeviceException("cannot write to " + description + ": " + e.getMessage(), e);
        }
    }
}
