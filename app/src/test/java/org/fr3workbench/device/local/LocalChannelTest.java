package org.fr3workbench.device.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.IdentityCapture;
import org.fr3workbench.device.OutputSpool;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.testsupport.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands on the assessor's machine. */
class LocalChannelTest {

    @TempDir
    Path dir;
    ExecutorService io;
    LocalChannel channel;

    @BeforeEach
    void open() {
        io = Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("local-io-", 0).factory());
        channel = new LocalChannel(OutputSpool.tempFiles(dir.resolve("spool")), Clock.systemUTC(), io, dir);
    }

    @AfterEach
    void close() {
        channel.close();
        io.shutdownNow();
    }

    private CommandResult run(Command command, Duration timeout) throws DeviceException {
        return channel.run(CommandRequest.of(command, timeout));
    }

    @Test
    void argumentListsReachTheProgramWithoutAShell() throws Exception {
        try (CommandResult result = run(Command.of("printf", "%s|", "$(id)", "a b", ";exit 3"), Duration.ofSeconds(10))) {
            assertThat(result.stdoutText(100)).isEqualTo("$(id)|a b|;exit 3|");
            assertThat(result.transcript().exitCode()).hasValue(0);
            assertThat(result.transcript().command()).isEqualTo("printf '%s|' '$(id)' 'a b' ';exit 3'");
        }
    }

    @Test
    void shellCommandsSeparateStreamsAndPassTheExitCode() throws Exception {
        try (CommandResult result = run(Command.shell("printf 'o\\377'; echo e >&2; exit 9"), Duration.ofSeconds(10))) {
            assertThat(result.output().stdout().open().readAllBytes()).containsExactly('o', 0xff);
            assertThat(result.stderrText(100)).isEqualTo("e\n");
            assertThat(result.transcript().exitCode()).hasValue(9);
            assertThat(result.transcript().stderrMerged()).isFalse();
            assertThat(result.transcript().channel()).startsWith("local ");
        }
    }

    @Test
    void timeoutAndCancelKillTheWholeProcessTree() throws Exception {
        String tag = Long.toString(System.nanoTime() % 100_000);
        try (CommandResult result = run(Command.shell("sleep 50." + tag + " & sleep 51." + tag + "; wait"),
                Duration.ofSeconds(1))) {
            assertThat(result.transcript().outcome()).isEqualTo(CommandOutcome.TIMED_OUT);
        }
        assertThat(Processes.remaining("sleep 5[01]\\." + tag)).isEmpty();
        Cancellation cancellation = Cancellation.create();
        CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(cancellation::cancel);
        try (CommandResult result = channel.run(CommandRequest.of(Command.of("sleep", "52." + tag), Duration.ofMinutes(1))
                .withCancellation(cancellation))) {
            assertThat(result.transcript().outcome()).isEqualTo(CommandOutcome.CANCELLED);
        }
        assertThat(Processes.remaining("sleep 52\\." + tag)).isEmpty();
    }

    @Test
    void aMissingToolIsAClearError() {
        assertThatThrownBy(() -> run(Command.of("sbverify-not-installed-here", "--version"), Duration.ofSeconds(5)))
                .isInstanceOf(DeviceException.class)
                .hasMessageContaining("cannot run 'sbverify-not-installed-here'")
                .hasMessageContaining("installed");
    }

    @Test
    void identityAndFilesWorkLocally() throws Exception {
        try (IdentityCapture capture = channel.identify("", "")) {
            assertThat(capture.identity().hostname()).isEqualTo(Files.readString(Path.of("/etc/hostname")).strip());
            assertThat(capture.identity().hostKeyFingerprint()).isEmpty();
        }
        Path source = Files.writeString(dir.resolve("a.txt"), "content");
        channel.upload(source, dir.resolve("b.txt").toString());
        assertThat(Files.readString(dir.resolve("b.txt"))).isEqualTo("content");
        assertThatThrownBy(() -> channel.openConsole(80, 24)).hasMessageContaining("no interactive console");
    }
}
