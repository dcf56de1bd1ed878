package org.fr3workbench.probe.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.fr3workbench.probe.boot.BootWatchResult.Decision;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The boot console watcher on sample boot logs, replayed through a real socat pty pair with realistic pacing. */
class BootConsoleWatcherTest {

    static final BootConsolePatterns PATTERNS = BootConsolePatterns.loadBundled();

    @TempDir
    Path dir;
    Process socat;
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() throws Exception {
        if (socat != null) {
            socat.destroy();
            socat.waitFor();
        }
        executor.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @Tag("peer")
    @CsvSource({
        "x86-normal-boot.txt, BOOTED_NORMALLY, login-prompt",
        "x86-unsigned-bootloader.txt, REFUSED, failed-to-load-boot",
        "x86-unsigned-kernel.txt, REFUSED, cannot-load-kernel",
        "arm-image-not-authenticated.txt, REFUSED, image-not-authenticated",
        "dm-verity-corrupted.txt, REFUSED, dm-verity-corrupted",
        "refused-then-fallback.txt, UNDECIDED, cannot-load-kernel",
        "silent-hang.txt, UNDECIDED, ''",
    })
    void recordedBootsAreDecidedOverAPtyWithinTheTimeout(String log, Decision expected, String pattern) throws Exception {
        Path socatBin = Peers.require("socat", "socat");
        Path device = dir.resolve("device");
        Path console = dir.resolve("console");
        socat = new ProcessBuilder(socatBin.toString(), "-d", "-d", "pty,raw,echo=0,link=" + device, "pty,raw,echo=0,link=" + console)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        waitFor(device, console);
        Duration timeout = Duration.ofSeconds(4);
        BootConsoleWatcher watcher = new BootConsoleWatcher(PATTERNS, Clock.systemUTC(), timeout, Duration.ofMillis(700));
        BootLogReplay replay = BootLogReplay.load(log);

        try (FileInputStream in = new FileInputStream(console.toFile()); FileOutputStream out = new FileOutputStream(device.toFile())) {
            Future<?> playing = executor.submit(() -> {
                replay.play(out, 0.25);
                return null;
            });
            Instant before = Instant.now();
            BootWatchResult result = watcher.watch(in, executor);
            Duration took = Duration.between(before, Instant.now());

            assertThat(result.decision()).as(result.reason()).isEqualTo(expected);
            assertThat(took).isLessThan(timeout.plusMillis(500));
            if (!pattern.isEmpty()) {
                assertThat(result.refusals().stream().map(BootWatchResult.Hit::patternId).toList()
                        + " " + result.login().map(BootWatchResult.Hit::patternId).orElse("")).contains(pattern);
            }
            assertThat(result.lines()).isNotEmpty();
            assertThat(result.lines()).allSatisfy(l -> assertThat(l.text()).doesNotContain("\u001B").doesNotContain("\r"));
            assertThat(result.lines().getFirst().at()).isAfterOrEqualTo(result.started());
            playing.cancel(true);
        }
    }

    @Test
    void aLoginPromptWithoutLineEndIsSeenAndEscapesAreRemoved() throws Exception {
        BootConsoleWatcher watcher = new BootConsoleWatcher(PATTERNS, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(1));
        feed(watcher, "\u001B[2J\u001B[01;01H[    0.000000] secureboot: Secure boot enabled\r\n");
        feed(watcher, "Debian GNU/Linux 12 demo ttyS0\r\n\r\ndemo lo");
        assertThat(watcher.poll()).isEmpty();
        feed(watcher, "gin: ");

        BootWatchResult result = watcher.poll().orElseThrow();

        assertThat(result.decision()).isEqualTo(Decision.BOOTED_NORMALLY);
        assertThat(result.login().orElseThrow().line().text()).isEqualTo("demo login: ");
        assertThat(result.info()).extracting(BootWatchResult.Hit::patternId).containsExactly("secure-boot-enabled");
        assertThat(result.lines().getFirst().text()).isEqualTo("[    0.000000] secureboot: Secure boot enabled");
    }

    @Test
    void aRefusalIsConfirmedWhenNoLoginFollowsAndTheStreamEnds() throws Exception {
        BootConsoleWatcher watcher = new BootConsoleWatcher(PATTERNS, Clock.systemUTC(), Duration.ofSeconds(30), Duration.ofSeconds(20));
        byte[] log = BootLogReplay.load("x86-unsigned-kernel.txt").bytes();

        BootWatchResult result = watcher.watch(new ByteArrayInputStream(log), executor);

        assertThat(result.decision()).isEqualTo(Decision.REFUSED);
        assertThat(result.reason()).contains("cannot-load-kernel").contains("access-denied").contains("before the console closed");
        assertThat(result.refusals()).first().satisfies(h ->
                assertThat(h.line().text()).isEqualTo("ERROR: Cannot load specified kernel image (Access Denied)."));
    }

    @Test
    void nothingAtAllIsUndecidedAtTheTimeout() throws Exception {
        BootConsoleWatcher watcher = new BootConsoleWatcher(PATTERNS, Clock.systemUTC(), Duration.ofMillis(300), Duration.ofSeconds(1));
        Instant before = Instant.now();
        BootWatchResult result = watcher.await();
        assertThat(result.decision()).isEqualTo(Decision.UNDECIDED);
        assertThat(Duration.between(before, Instant.now())).isBetween(Duration.ofMillis(250), Duration.ofSeconds(2));
        assertThat(result.reason()).contains("no refusal message and no login prompt");
    }

    @Test
    void binaryNoiseIsCutIntoBoundedLines() {
        BootConsoleWatcher watcher = new BootConsoleWatcher(PATTERNS, Clock.systemUTC(), Duration.ofSeconds(5), Duration.ofSeconds(1));
        byte[] noise = new byte[10_000];
        java.util.Arrays.fill(noise, (byte) 'x');
        watcher.feed(noise, 0, noise.length);
        watcher.endOfStream();
        BootWatchResult result = watcher.poll().orElseThrow();
        assertThat(result.lines()).allSatisfy(l -> assertThat(l.text().length()).isLessThanOrEqualTo(BootConsoleWatcher.MAX_LINE));
        assertThat(result.lines().stream().mapToInt(l -> l.text().length()).sum()).isEqualTo(10_000);
    }

    private static void feed(BootConsoleWatcher watcher, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        watcher.feed(bytes, 0, bytes.length);
    }

    private static void waitFor(Path... links) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (java.util.Arrays.stream(links).allMatch(Files::exists)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("socat did not create the pty links");
    }
}
