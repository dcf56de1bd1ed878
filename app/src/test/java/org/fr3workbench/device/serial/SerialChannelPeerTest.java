package org.fr3workbench.device.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.fr3workbench.device.AuthenticationException;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.InteractiveConsole;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.device.ReconnectListener;
import org.fr3workbench.device.Secret;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.testsupport.SimulatedConsole;
import org.fr3workbench.testsupport.SocatPtyPair;
import org.fr3workbench.testsupport.TestSecrets;
import org.fr3workbench.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The serial channel over a socat pty pair, against a scripted console that runs a real /bin/sh. */
@Tag("peer")
class SerialChannelPeerTest {

    @TempDir
    Path dir;
    SocatPtyPair pty;
    SimulatedConsole device;
    Path deviceFiles;

    @BeforeEach
    void cable() throws Exception {
        pty = SocatPtyPair.start(dir);
        deviceFiles = Files.createDirectories(dir.resolve("device-home"));
        device = SimulatedConsole.start(pty.deviceSide(), "root", TestSecrets.SERIAL_PASSWORD, true, deviceFiles, 42, 0.3);
    }

    @AfterEach
    void unplug() throws Exception {
        device.close();
        pty.close();
    }

    private SerialChannel connect(String password) throws DeviceException, java.io.IOException {
        SerialLink link = JSerialCommLink.open(SerialSettings.defaults(pty.hostSide().toString()));
        return SerialChannel.connect(link, SerialLogin.as("root", Secret.of(password.toCharArray())),
                OutputSpool.tempFiles(dir.resolve("spool")), dir, Clock.systemUTC(), Cancellation.create());
    }

    private static byte[] stdout(CommandResult result) throws Exception {
        try (InputStream in = result.output().stdout().open()) {
            return in.readAllBytes();
        }
    }

    private static CommandResult run(SerialChannel channel, String script) throws DeviceException {
        return channel.run(CommandRequest.of(Command.shell(script), Duration.ofSeconds(30)));
    }

    private static void assertOutput(SerialChannel channel, String script, byte[] expected, int exitCode)
            throws Exception {
        try (CommandResult result = run(channel, script)) {
            assertThat(result.transcript().outcome()).as(script).isEqualTo(CommandOutcome.EXITED);
            assertThat(result.transcript().exitCode()).as(script).hasValue(exitCode);
            assertThat(stdout(result)).as(script).isEqualTo(expected);
            assertThat(result.transcript().stdout().sha256())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(expected)));
            assertThat(result.transcript().stderrMerged()).isTrue();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void logsInAndCutsOutputsAndExitCodesExactly() throws Exception {
        try (SerialChannel channel = connect(TestSecrets.SERIAL_PASSWORD)) {
            assertThat(channel.prompt()).isEqualTo("root@simdev:~#");
            assertThat(channel.description()).isEqualTo("serial " + pty.hostSide() + " 115200 8N1");
            assertOutput(channel, "printf 'a\\nb'", bytes("a\nb"), 0);
            assertOutput(channel, "exit 42", new byte[0], 42);
            assertOutput(channel, "printf '\\377\\000\\001\\302'", new byte[] {(byte) 0xff, 0, 1, (byte) 0xc2}, 0);
            assertOutput(channel, "printf '\\033[1;31mred\\033[0m\\n'", bytes("\u001b[1;31mred\u001b[0m\n"), 0);
            assertOutput(channel, "echo out; echo err >&2; false", bytes("out\nerr\n"), 1);
            assertOutput(channel, "printf '%s\\n' \"it's\" '$HOME' # a comment", bytes("it's\n$HOME\n"), 0);
            assertOutput(channel, "cat", new byte[0], 0);
            assertOutput(channel, "printf 'FR3E_0000\\nFR3B_1111\\n'", bytes("FR3E_0000\nFR3B_1111\n"), 0);
            String numbers = IntStream.rangeClosed(1, 20000).mapToObj(Integer::toString)
                    .collect(Collectors.joining("\n", "", "\n"));
            assertOutput(channel, "i=1; while [ $i -le 20000 ]; do echo $i; i=$((i+1)); done", bytes(numbers), 0);
            assertThat(device.injectedMidOutput()).as("kernel messages injected mid-output").isGreaterThan(5);
        }
    }

    @Test
    void argumentListsAreQuotedForTheDeviceShell() throws Exception {
        try (SerialChannel channel = connect(TestSecrets.SERIAL_PASSWORD);
             CommandResult result = channel.run(CommandRequest.of(Command.of("printf", "%s|", "a b", "it's", "$(id)"),
                     Duration.ofSeconds(20)))) {
            assertThat(new String(stdout(result), StandardCharsets.UTF_8)).isEqualTo("a b|it's|$(id)|");
        }
    }

    @Test
    void wrongPasswordIsRefusedClearly() {
        assertThatThrownBy(() -> connect("Wrong-serial-pw"))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("refused the login of root")
                .hasMessageNotContaining("Wrong-serial-pw");
    }

    @Test
    void timeoutInterruptsTheCommandAndTheShellStaysUsable() throws Exception {
        String tag = Long.toString(System.nanoTime() % 100_000);
        try (SerialChannel channel = connect(TestSecrets.SERIAL_PASSWORD)) {
            try (CommandResult result = channel.run(CommandRequest.of(Command.shell("echo begun; sleep 40." + tag),
                    Duration.ofSeconds(2)))) {
                assertThat(result.transcript().outcome()).isEqualTo(CommandOutcome.TIMED_OUT);
                assertThat(result.transcript().exitCode()).isEmpty();
            }
            assertThat(Processes.remaining("sleep 40\\." + tag)).isEmpty();
            Cancellation cancellation = Cancellation.create();
            CompletableFuture.delayedExecutor(700, TimeUnit.MILLISECONDS).execute(cancellation::cancel);
            try (CommandResult result = channel.run(CommandRequest.of(Command.shell("sleep 41." + tag),
                    Duration.ofMinutes(1)).withCancellation(cancellation))) {
                assertThat(result.transcript().outcome()).isEqualTo(CommandOutcome.CANCELLED);
            }
            assertOutput(channel, "echo alive", bytes("alive\n"), 0);
        }
    }

    @Test
    void recordingCapturesTheRebootAndTheChannelLogsInAgain() throws Exception {
        SerialChannel channel = connect(TestSecrets.SERIAL_PASSWORD);
        try {
            assertThat(device.keysDuringBoot()).as("nothing typed while the device booted").isZero();
            CompletableFuture<CommandResult> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return run(channel, "echo before-reboot; sleep 30");
                } catch (DeviceException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(1500);
            device.reboot();
            try (CommandResult lost = running.get(30, TimeUnit.SECONDS)) {
                assertThat(lost.transcript().outcome()).isEqualTo(CommandOutcome.CONNECTION_LOST);
            }
            assertThat(channel.isConnected()).isFalse();
            assertThatThrownBy(() -> run(channel, "true")).hasMessageContaining("reconnect");
            channel.reconnect(Duration.ofSeconds(30), ReconnectListener.NONE, Cancellation.create());
            assertThat(device.keysDuringBoot()).as("nothing typed while the device rebooted").isZero();
            assertThat(device.logins()).isEqualTo(2);
            assertOutput(channel, "echo after-reboot", bytes("after-reboot\n"), 0);
        } finally {
            channel.close();
        }
        String log = channel.recording().text();
        assertThat(log).contains("reboot: Restarting system", "Linux version 6.1.0-cip-sim",
                "Serial Getty on ttyS0", "\\xff", "random: crng reseeded");
        // The echoed user name may land on the next recorded line when the echo comes late (a prompt is flushed as a
        // partial line, marked '~', after a short wait).
        assertThat(log).containsPattern("simdev login: (?:\\R\\S+ \\| )?root");
        assertThat(log.indexOf("Linux version 6.1.0-cip-sim")).isLessThan(log.indexOf("reboot: Restarting system"));
        assertThat(log.lastIndexOf("Linux version 6.1.0-cip-sim")).isGreaterThan(log.indexOf("reboot: Restarting"));
        assertThat(log.lines()).allSatisfy(line -> assertThat(line).matches("\\d{4}-\\d\\d-\\d\\dT[^ ]+Z [|~#] .*"));
        // The same holds for the password prompt: the redaction follows it on its line or on the next recorded one.
        assertThat(log).doesNotContain(TestSecrets.SERIAL_PASSWORD).containsPattern("Password: (?:\\R\\S+ \\| )?\\[redacted\\]");
        assertThat(channel.recording().finish().size()).isEqualTo(log.getBytes(StandardCharsets.UTF_8).length);
        channel.recording().close();
    }

    @Test
    void echoedPasswordIsRedactedFromTranscripts() throws Exception {
        try (SerialChannel channel = connect(TestSecrets.SERIAL_PASSWORD);
             CommandResult result = run(channel, "echo 'the password is " + TestSecrets.SERIAL_PASSWORD + "'")) {
            assertThat(new String(stdout(result), StandardCharsets.UTF_8)).isEqualTo("the password is [redacted]\n");
            assertThat(result.transcript().redactions()).isEqualTo(1);
            assertThat(result.transcript().command()).doesNotContain(TestSecrets.SERIAL_PASSWORD).contains("[redacted]");
        }
    }

    @Test
    void transfersSmallFilesWithAChecksum() throws Exception {
        byte[] content = new byte[20_000];
        new Random(5).nextBytes(content);
        Path local = Files.write(dir.resolve("small.bin"), content);
        Path onDevice = deviceFiles.resolve("uploaded.bin");
        try (SerialChannel channel = connect(TestSecrets.SERIAL_PASSWORD)) {
            channel.upload(local, onDevice.toString());
            assertThat(Files.readAllBytes(onDevice)).isEqualTo(content);
            assertThat(deviceFiles.resolve("uploaded.bin.fr3part")).doesNotExist();
            Path back = dir.resolve("back.bin");
            channel.download(onDevice.toString(), back);
            assertThat(Files.readAllBytes(back)).isEqualTo(content);
            assertThatThrownBy(() -> channel.download(deviceFiles.resolve("absent").toString(), dir.resolve("none")))
                    .isInstanceOf(DeviceException.class).hasMessageContaining("absent");
        }
    }

    @Test
    void interactiveConsoleSharesTheLineAndHandsItBack() throws Exception {
        try (SerialChannel channel = connect(TestSecrets.SERIAL_PASSWORD)) {
            try (InteractiveConsole console = channel.openConsole(80, 24)) {
                assertThatThrownBy(() -> run(channel, "true")).hasMessageContaining("busy");
                console.input().write("echo typed-$((40+2))\r".getBytes(StandardCharsets.US_ASCII));
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                byte[] buffer = new byte[1024];
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!withoutKernelMessages(seen).contains("typed-42\r\n") && System.nanoTime() < deadline) {
                    int n = console.output().read(buffer);
                    seen.write(buffer, 0, n);
                }
                assertThat(withoutKernelMessages(seen)).contains("typed-42\r\n");
            }
            assertOutput(channel, "echo mine-again", bytes("mine-again\n"), 0);
        }
    }

    private static String withoutKernelMessages(ByteArrayOutputStream seen) {
        return seen.toString(StandardCharsets.ISO_8859_1).replaceAll("\\[\\s*\\d+\\.\\d+\\] [^\n]*\n", "");
    }
}
