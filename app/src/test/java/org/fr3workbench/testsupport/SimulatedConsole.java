package org.fr3workbench.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The device end of a {@link SocatPtyPair}: a scripted embedded-Linux serial console. It boots (binary noise,
 * U-Boot, timestamped kernel messages, coloured systemd lines), asks {@code login:} and {@code Password:}
 * (optionally echoing the password, as a badly configured getty does), then hands typed lines to a real
 * {@code /bin/sh -i} with a coloured prompt. It echoes what is typed, turns {@code \n} into {@code \r\n}, and
 * injects kernel messages into the shell's output at random byte positions, mid-line included. Ctrl-C kills the
 * running command (as the tty's SIGINT would); {@link #reboot()} simulates a power cycle.
 */
public final class SimulatedConsole implements AutoCloseable {

    /** Fixed prompt (with colours) the shell prints. */
    public static final String PROMPT = "\u001b[1;32mroot@simdev\u001b[0m:\u001b[1;34m~\u001b[0m# ";

    private enum State { BOOTING, LOGIN_USER, LOGIN_PASSWORD, SHELL, CLOSED }

    /**
     * Platform threads: they block in native tty and pipe I/O, which would pin virtual threads' carriers and
     * starve the workbench's own (virtual) threads in the same test JVM.
     */
    private final ExecutorService threads = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("sim-console-", 0)
            .factory());
    private final InputStream in;
    private final OutputStream out;
    private final String user;
    private final String password;
    private final boolean echoPassword;
    private final Path workDir;
    private final Random random;
    private final double noise;
    private final AtomicInteger keysDuringBoot = new AtomicInteger();
    private final AtomicInteger injectedMidOutput = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private final ByteArrayOutputStream typed = new ByteArrayOutputStream();
    private final long bootNanos = System.nanoTime();
    private volatile State state = State.BOOTING;
    private volatile Process shell;
    private String enteredUser = "";

    private SimulatedConsole(Path tty, String user, String password, boolean echoPassword, Path workDir, long seed,
                             double noise) throws IOException {
        this.in = new FileInputStream(tty.toFile());
        this.out = new FileOutputStream(tty.toFile());
        this.user = user;
        this.password = password;
        this.echoPassword = echoPassword;
        this.workDir = workDir;
        this.random = new Random(seed);
        this.noise = noise;
    }

    /**
     * Boots the simulated device on {@code tty}.
     *
     * @param noise chance (0..1) that a chunk of shell output gets a kernel message injected inside it
     */
    public static SimulatedConsole start(Path tty, String user, String password, boolean echoPassword, Path workDir,
                                         long seed, double noise) throws IOException {
        SimulatedConsole console = new SimulatedConsole(tty, user, password, echoPassword, workDir, seed, noise);
        console.threads.execute(console::inputLoop);
        console.threads.execute(console::boot);
        console.threads.execute(console::kernelChatter);
        return console;
    }

    /** Power-cycles the device: the shell dies, boot messages follow, then a new login prompt. */
    public void reboot() {
        state = State.BOOTING;
        killShell();
        emit("\r\n" + kernel("reboot: Restarting system") + "\r\n");
        threads.execute(this::boot);
    }

    /** Key presses that arrived while the device was booting (a real boot loader would stop on them). */
    public int keysDuringBoot() {
        return keysDuringBoot.get();
    }

    /** Kernel messages injected in the middle of shell output so far. */
    public int injectedMidOutput() {
        return injectedMidOutput.get();
    }

    /** Successful logins so far. */
    public int logins() {
        return logins.get();
    }

    @Override
    public void close() throws IOException {
        state = State.CLOSED;
        killShell();
        out.close();
        in.close();
        threads.shutdownNow();
    }

    private void boot() {
        byte[] garbage = new byte[48];
        random.nextBytes(garbage);
        emitBytes(garbage);
        emitBytes(new byte[] {(byte) 0xff, 0, (byte) 0xc3, 0x28, (byte) 0xfe});
        emit("\r\nU-Boot 2024.01-sim (Jan 01 2024)\r\nHit any key to stop autoboot:  0 \r\n");
        String[] messages = {"Booting Linux on physical CPU 0x0", "Linux version 6.1.0-cip-sim (gcc 12.2.0) #1 SMP PREEMPT",
            "Machine model: FR3 Workbench simulated board", "Kernel command line: console=ttyS0,115200 root=/dev/mmcblk0p2",
            "EXT4-fs (mmcblk0p2): mounted filesystem with ordered data mode", "Run /sbin/init as init process"};
        for (String message : messages) {
            emit(kernel(message) + "\r\n");
            pause(30);
        }
        emit("[\u001b[0;32m  OK  \u001b[0m] Started \u001b[0;1;39mSerial Getty on ttyS0\u001b[0m.\r\n");
        emit("\r\nDebian GNU/Linux 12 simdev ttyS0\r\n\r\n");
        state = State.LOGIN_USER;
        emit("simdev login: ");
    }

    private void inputLoop() {
        byte[] buffer = new byte[4096];
        try {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                for (int i = 0; i < n; i++) {
                    handle(buffer[i]);
                }
            }
        } catch (IOException e) {
            state = State.CLOSED;
        }
    }

    private synchronized void handle(byte b) throws IOException {
        switch (state) {
            case BOOTING -> keysDuringBoot.incrementAndGet();
            case LOGIN_USER -> lineInput(b, true, () -> {
                enteredUser = typedText();
                if (enteredUser.isEmpty()) {
                    emit("simdev login: ");
                } else {
                    emit("Password: ");
                    state = State.LOGIN_PASSWORD;
                }
            });
            case LOGIN_PASSWORD -> lineInput(b, echoPassword, this::checkPassword);
            case SHELL -> {
                if (b == 3) {
                    typed.reset();
                    emit("^C\r\n");
                    killCommands();
                } else {
                    lineInput(b, true, this::toShell);
                }
            }
            default -> { }
        }
    }

    private interface LineAction {
        void run() throws IOException;
    }

    private void lineInput(byte b, boolean echo, LineAction onEnter) throws IOException {
        if (b == '\r' || b == '\n') {
            emit("\r\n");
            onEnter.run();
            typed.reset();
            return;
        }
        typed.write(b);
        if (echo) {
            emitBytes(new byte[] {b});
        }
    }

    private String typedText() {
        return typed.toString(StandardCharsets.UTF_8);
    }

    private void checkPassword() throws IOException {
        if (enteredUser.equals(user) && typedText().equals(password)) {
            logins.incrementAndGet();
            emit("Linux simdev 6.1.0-cip-sim #1 SMP PREEMPT armv7l\r\n\r\nLast login: never\r\n");
            startShell();
            state = State.SHELL;
        } else {
            pause(300);
            emit("\r\nLogin incorrect\r\nsimdev login: ");
            state = State.LOGIN_USER;
        }
    }

    private void startShell() throws IOException {
        ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-i").directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().put("PS1", PROMPT);
        builder.environment().put("HOME", workDir.toString());
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        shell = process;
        threads.execute(() -> pumpShell(process));
    }

    private void toShell() throws IOException {
        Process process = shell;
        if (process != null) {
            byte[] line = typed.toByteArray();
            process.getOutputStream().write(line);
            process.getOutputStream().write('\n');
            process.getOutputStream().flush();
        }
    }

    private void pumpShell(Process process) {
        byte[] buffer = new byte[1024];
        try (InputStream output = process.getInputStream()) {
            int n;
            while ((n = output.read(buffer)) >= 0) {
                if (shell != process) {
                    return;
                }
                byte[] translated = onlcr(buffer, n);
                if (translated.length > 8 && random.nextDouble() < noise) {
                    int cut = 1 + random.nextInt(translated.length - 1);
                    emitBytes(java.util.Arrays.copyOfRange(translated, 0, cut));
                    emit(kernel("usb 1-1: new high-speed USB device number " + random.nextInt(100)) + "\r\n");
                    injectedMidOutput.incrementAndGet();
                    emitBytes(java.util.Arrays.copyOfRange(translated, cut, translated.length));
                } else {
                    emitBytes(translated);
                }
            }
        } catch (IOException e) {
            // the shell was killed (reboot, close)
        }
    }

    private void kernelChatter() {
        while (state != State.CLOSED) {
            pause(400 + random.nextInt(400));
            if (state == State.SHELL) {
                emit(kernel("random: crng reseeded; watchdog: ping " + random.nextInt(1000)) + "\r\n");
            }
        }
    }

    private static byte[] onlcr(byte[] data, int length) {
        ByteArrayOutputStream result = new ByteArrayOutputStream(length + 16);
        for (int i = 0; i < length; i++) {
            if (data[i] == '\n') {
                result.write('\r');
            }
            result.write(data[i]);
        }
        return result.toByteArray();
    }

    private String kernel(String message) {
        long micros = (System.nanoTime() - bootNanos) / 1000;
        return String.format("[%5d.%06d] %s", micros / 1_000_000, micros % 1_000_000, message);
    }

    private void killCommands() {
        Process process = shell;
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
        }
    }

    private void killShell() {
        Process process = shell;
        shell = null;
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private void emit(String text) {
        emitBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private void emitBytes(byte[] bytes) {
        synchronized (out) {
            if (state == State.CLOSED) {
                return;
            }
            try {
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                state = State.CLOSED;
            }
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
