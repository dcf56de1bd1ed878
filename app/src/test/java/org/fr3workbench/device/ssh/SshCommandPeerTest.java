package org.fr3workbench.device.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.HostKeyPolicy;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.InMemoryHostKeyPinStore;
import org.fr3workbench.device.OutputListener;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.testsupport.OpenSshServer;
import org.junit.jupiter.api.AfterAll;
import org.fr3workbench.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands over a real OpenSSH sshd: exact output, exit codes, timeouts that kill, huge output. */
@Tag("peer")
class SshCommandPeerTest {

    @TempDir
    static Path dir;
    static OpenSshServer sshd;
    SshChannel channel;

    @BeforeAll
    static void startServer() throws Exception {
        sshd = OpenSshServer.start(dir.resolve("sshd"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    @BeforeEach
    void connect() throws Exception {
        HostKeyPolicy policy = new HostKeyPolicy(new InMemoryHostKeyPinStore(),
                HostKeyTrustDecision.expect(sshd.hostFingerprint()), Clock.systemUTC());
        channel = SshChannel.connect(new SshEndpoint(sshd.user(), "127.0.0.1", sshd.port(), SshAuth.key(sshd.clientKey())),
                Optional.empty(), policy, SshOptions.defaults(), OutputSpool.tempFiles(dir.resolve("spool")),
                Clock.systemUTC());
    }

    @AfterEach
    void disconnect() {
        channel.close();
    }

    private static byte[] bytes(CommandResult result, boolean stdout) throws Exception {
        try (InputStream in = stdout ? result.output().stdout().open() : result.output().stderr().open()) {
            return in.readAllBytes();
        }
    }

    @Test
    void separatesStdoutAndStderrExactlyAndReportsTheExitCode() throws Exception {
        Command command = Command.shell("printf 'out\\377\\000\\001\\n'; printf 'err line\\n' >&2; exit 7");
        try (CommandResult result = channel.run(CommandRequest.of(command, Duration.ofSeconds(10)))) {
            assertThat(result.transcript().outcome()).isEqualTo(CommandOutcome.EXITED);
            assertThat(result.transcript().exitCode()).hasValue(7);
            byte[] out = bytes(result, true);
            assertThat(out).containsExactly('o', 'u', 't', 0xff, 0, 1, '\n');
            assertThat(new String(bytes(result, false), StandardCharsets.UTF_8)).isEqualTo("err line\n");
            assertThat(result.transcript().stdout().size()).isEqualTo(7);
            assertThat(result.transcript().stdout().sha256())
                    .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out)));
            assertThat(result.transcript().command()).isEqualTo(command.shellText());
            assertThat(result.transcript().channel()).isEqualTo("ssh " + sshd.user() + "@127.0.0.1:" + sshd.port());
        }
    }

    @Test
    void argumentListsAreQuotedForTheRemoteShell() throws Exception {
        Command command = Command.of("printf", "%s|", "two words", "it's", "$HOME", "`id`");
        try (CommandResult result = channel.run(CommandRequest.of(command, Duration.ofSeconds(10)))) {
            assertThat(result.stdoutText(1000)).isEqualTo("two words|it's|$HOME|`id`|");
        }
    }

    @Test
    void streamsOutputToTheListenerWhileTheCommandRuns() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Long> firstSeenAt = new CompletableFuture<>();
        OutputListener listener = (stream, data, offset, length) -> {
            seen.add(new String(data, offset, length, StandardCharsets.UTF_8));
            firstSeenAt.complete(System.nanoTime());
        };
        long start = System.nanoTime();
        try (CommandResult result = channel.run(CommandRequest.of(Command.shell("echo first; sleep 2; echo second"),
                Duration.ofSeconds(20)).withListener(listener))) {
            long end = System.nanoTime();
            assertThat(result.transcript().succeeded()).isTrue();
            assertThat(String.join("", seen)).isEqualTo("first\nsecond\n");
            assertThat(firstSeenAt.get(1, TimeUnit.SECONDS) - start).isLessThan(end - start - 1_000_000_000L);
        }
    }

    @Test
    void timeoutKillsTheRemoteCommandAndItsChildren() throws Exception {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        String pattern = "sleep 30[01]\\." + tag;
        Command command = Command.shell("sleep 300." + tag + " & sleep 301." + tag + "; wait");
        try (CommandResult result = channel.run(CommandRequest.of(command, Duration.ofSeconds(2)))) {
            assertThat(result.transcript().outcome()).isEqualTo(CommandOutcome.TIMED_OUT);
            assertThat(result.transcript().exitCode()).isEmpty();
            assertThat(result.transcript().duration()).isLessThan(Duration.ofSeconds(15));
        }
        assertThat(Processes.remaining(pattern)).as("remote sleeps still running").isEmpty();
        assertThat(channel.isConnected()).isTrue();
    }

    @Test
    void cancellationKillsTheRemoteCommand() throws Exception {
        String tag = Long.toString(System.nanoTime() % 1_000_000);
        Cancellation cancellation = Cancellation.create();
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(cancellation::cancel);
        try (CommandResult result = channel.run(CommandRequest.of(Command.shell("sleep 302." + tag),
                Duration.ofMinutes(5)).withCancellation(cancellation))) {
            assertThat(result.transcript().outcome()).isEqualTo(CommandOutcome.CANCELLED);
        }
        assertThat(Processes.remaining("sleep 302\\." + tag)).isEmpty();
    }

    @Test
    void hundredMegabytesStreamThroughASixtyFourMegabyteHeap() throws Exception {
        long bytes = 100L * 1024 * 1024;
        Path spool = Files.createDirectories(dir.resolve("huge-spool"));
        Path resultFile = dir.resolve("huge-result.txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-Dfr3.log.dir=" + System.getProperty("fr3.log.dir", dir.toString()),
                "-cp", System.getProperty("java.class.path"), HugeOutputMain.class.getName(),
                Integer.toString(sshd.port()), sshd.user(), sshd.clientKey().toString(), sshd.hostFingerprint(),
                Long.toString(bytes), spool.toString(), resultFile.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("huge-child.log").toFile()).start();
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("huge-child.log"))).isZero();
        String[] fields = Files.readString(resultFile).split(" ");
        assertThat(fields[0]).isEqualTo("EXITED");
        assertThat(fields[1]).isEqualTo("0");
        assertThat(Long.parseLong(fields[2])).isEqualTo(bytes);
        assertThat(fields[3]).isEqualTo(expectedYesHash(bytes));
        assertThat(Long.parseLong(fields[4])).as("spooled to disk").isEqualTo(bytes);
        assertThat(Long.parseLong(fields[5])).as("child heap limit").isLessThanOrEqualTo(64L * 1024 * 1024);
        try (var files = Files.list(spool)) {
            assertThat(files).as("spool files are deleted on close").isEmpty();
        }
    }

    private static String expectedYesHash(long bytes) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] line = "fr3-workbench-output-line\n".getBytes(StandardCharsets.US_ASCII);
        long left = bytes;
        while (left > 0) {
            int n = (int) Math.min(line.length, left);
            sha.update(line, 0, n);
            left -= n;
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
