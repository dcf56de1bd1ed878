package org.fr3workbench.probe.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fr3workbench.device.ShellQuote;
import org.fr3workbench.probe.ExecResult;
import org.fr3workbench.probe.ProbeTarget;
import org.fr3workbench.probe.ProbeVerdict;
import org.fr3workbench.probe.SandboxTarget;
import org.fr3workbench.testsupport.Peers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against Debian's real swupdate on a sandboxed test device: its own swupdate.cfg,
 * hwrevision and public key in a temp folder (never the machine's /etc).
 */
@Tag("peer")
class UpdateAuthenticityProbeTest {

    @TempDir
    static Path shared;
    static SwuFixture swu;

    @TempDir
    Path dir;
    SandboxTarget device;
    Path etc;

    @BeforeAll
    static void image() throws Exception {
        Peers.require("swupdate", "swupdate");
        swu = SwuFixture.build(shared.resolve("image"), CpioFormat.CRC, 50_000, "/nonexistent/fr3-never-installed.bin");
    }

    @BeforeEach
    void device() throws Exception {
        device = new SandboxTarget(dir.resolve("device"));
        etc = Files.createDirectories(device.root().resolve("etc"));
        Files.createDirectories(etc.resolve("swupdate/conf.d"));
        Files.writeString(etc.resolve("hwrevision"), SwuFixture.BOARD + " " + SwuFixture.REVISION + "\n");
        Files.writeString(etc.resolve("sw-versions"), "rootfs 1.2.2\n");
        Files.copy(swu.certificate, etc.resolve("swupdate-sign.crt"));
    }

    @Test
    void aSigningDeviceRejectsEveryCorruptionAndAcceptsTheValidImage() throws Exception {
        config("globals: {\n  public-key-file = \"" + etc.resolve("swupdate-sign.crt") + "\";\n  loglevel = 5;\n};\n");

        UpdateAuthenticityResult result = probe().run(device, swu.image, dir.resolve("images"), options());

        Map<TestImageKind, ImageJudgement> byKind = judgements(result);
        ImageJudgement control = byKind.get(TestImageKind.VALID);
        assertThat(control.outcome()).as(control.reason() + transcript(result, "valid")).isEqualTo(ImageJudgement.Outcome.ACCEPTED);
        assertThat(byKind.get(TestImageKind.VALID).matched()).contains("successful");
        assertThat(byKind.get(TestImageKind.PAYLOAD_BIT_FLIP).matched()).contains("hash-mismatch", "image-invalid");
        // swupdate 2022.12 logs from several threads: under load "Signature verification failed" is sometimes lost and
        // only the message that follows it ("Compatible SW not found") reaches the output; both are refusals.
        assertThat(byKind.get(TestImageKind.DESCRIPTION_ALTERED).outcome()).isEqualTo(ImageJudgement.Outcome.REJECTED);
        assertThat(byKind.get(TestImageKind.DESCRIPTION_ALTERED).matched())
                .containsAnyOf("signature-verification-failed", "compatible-sw-not-found");
        assertThat(byKind.get(TestImageKind.UNKNOWN_KEY).matched()).contains("all-signatures-failed");
        assertThat(byKind.get(TestImageKind.SIGNATURE_REMOVED).matched()).contains("description-order", "image-invalid");
        assertThat(byKind.get(TestImageKind.ZEROED).matched()).contains("cpio-header-corrupted");
        assertThat(byKind.get(TestImageKind.TRUNCATED).outcome()).isEqualTo(ImageJudgement.Outcome.REJECTED);
        assertThat(result.verdict()).as(result.reason()).isEqualTo(ProbeVerdict.MET);
        assertThat(result.config().keySource()).endsWith("swupdate.cfg: public-key-file");
        assertThat(result.stateUnchanged()).isTrue();
        assertThat(result.runs()).allSatisfy(r -> assertThat(r.command()).contains(" -c -i ").contains(" -k ")
                .contains(" -f ").contains(" -H fr3-board:1.0"));
        assertThat(result.transcripts()).extracting(t -> t.label()).contains("swupdate configuration", "hardware revision",
                "installed versions before", "installed versions after", "swupdate check: zeroed", "temporary folder removed");
        assertLeftNothingBehind();
    }

    @Test
    void aKeyGivenOnlyInTheDaemonArgumentsIsFoundAndUsed() throws Exception {
        config("globals: {\n  /* public-key-file = \"/nowhere.crt\"; */\n  loglevel = 5;\n};\n");
        Files.writeString(etc.resolve("swupdate/conf.d/10-key"), "# signed images\nSWUPDATE_ARGS=\"-v -k "
                + etc.resolve("swupdate-sign.crt") + "\"\n");

        UpdateAuthenticityResult result = probe().run(device, swu.image, dir.resolve("images"), options());

        assertThat(result.config().publicKey()).contains(etc.resolve("swupdate-sign.crt").toString());
        assertThat(result.config().keySource()).endsWith("conf.d/10-key: -k");
        assertThat(result.verdict()).as(result.reason()).isEqualTo(ProbeVerdict.MET);
    }

    @Test
    void aDeviceWithoutSignatureCheckingIsNotMet() throws Exception {
        config("globals: {\n  loglevel = 5;\n};\n");

        UpdateAuthenticityResult result = probe().run(device, swu.image, dir.resolve("images"), options());

        assertThat(result.verdict()).isEqualTo(ProbeVerdict.NOT_MET);
        assertThat(result.reason()).contains("no public key is configured");
        assertThat(result.runs()).allSatisfy(r -> assertThat(r.command()).doesNotContain(" -k "));
        assertThat(result.suggestion().outcome()).isEqualTo(org.fr3workbench.domain.StepOutcome.FAIL);
        assertLeftNothingBehind();
    }

    @Test
    void aDeviceThatTrustsAnotherKeyRejectsEvenTheValidImage() throws Exception {
        SwuFixture other = SwuFixture.build(dir.resolve("other"), CpioFormat.CRC, 10, "/nonexistent/x");
        config("globals: {\n  public-key-file = \"" + other.certificate + "\";\n};\n");

        UpdateAuthenticityResult result = probe().run(device, swu.image, dir.resolve("images"), options());

        assertThat(result.verdict()).isEqualTo(ProbeVerdict.INCONCLUSIVE);
        assertThat(result.reason()).startsWith("inconclusive: the device rejects even the valid image");
    }

    @Test
    void uploadedFilesAreRemovedWhenTheRunFailsOrIsCancelled() throws Exception {
        config("globals: {\n  public-key-file = \"" + etc.resolve("swupdate-sign.crt") + "\";\n};\n");

        assertThatThrownBy(() -> probe().run(failingOnUpload(3, new IOException("link lost")), swu.image, dir.resolve("a"), options()))
                .isInstanceOf(IOException.class).hasMessage("link lost");
        assertLeftNothingBehind();

        assertThatThrownBy(() -> probe().run(failingOnUpload(2, new InterruptedException("cancelled")), swu.image, dir.resolve("b"),
                options())).isInstanceOf(InterruptedException.class);
        assertThat(Thread.interrupted()).as("the interrupt is kept for the caller").isFalse();
        assertLeftNothingBehind();
    }

    @Test
    void anUnclearAnswerIsAskedOnceMore() throws Exception {
        config("globals: {\n  public-key-file = \"" + etc.resolve("swupdate-sign.crt") + "\";\n};\n");
        AtomicInteger crashes = new AtomicInteger();
        ProbeTarget crashingOnce = new ProbeTarget() {
            @Override
            public ExecResult exec(String command, Duration timeout) throws IOException, InterruptedException {
                if (command.contains("/unknown-key.swu") && crashes.getAndIncrement() == 0) {
                    return ExecResult.of(139, "");
                }
                return device.exec(command, timeout);
            }

            @Override
            public void upload(Path localPath, String remotePath) throws IOException {
                device.upload(localPath, remotePath);
            }

            @Override
            public void remove(String remotePath) throws IOException {
                device.remove(remotePath);
            }
        };

        UpdateAuthenticityResult result = probe().run(crashingOnce, swu.image, dir.resolve("images"), options());

        assertThat(result.verdict()).as(result.reason()).isEqualTo(ProbeVerdict.MET);
        assertThat(result.transcripts()).filteredOn(t -> t.label().equals("swupdate check: unknown-key")).hasSize(2);
        assertLeftNothingBehind();
    }

    private ProbeTarget failingOnUpload(int failingUpload, Exception failure) {
        AtomicInteger uploads = new AtomicInteger();
        return new ProbeTarget() {
            @Override
            public ExecResult exec(String command, Duration timeout) throws IOException, InterruptedException {
                return device.exec(command, timeout);
            }

            @Override
            public void upload(Path localPath, String remotePath) throws IOException, InterruptedException {
                device.upload(localPath, remotePath);
                if (uploads.incrementAndGet() == failingUpload) {
                    if (failure instanceof InterruptedException interrupted) {
                        throw interrupted;
                    }
                    throw (IOException) failure;
                }
            }

            @Override
            public void remove(String remotePath) throws IOException {
                device.remove(remotePath);
            }
        };
    }

    private void assertLeftNothingBehind() throws IOException {
        try (Stream<Path> left = Files.list(device.tmp())) {
            assertThat(left.toList()).as("the device's TMPDIR after the probe").isEmpty();
        }
        assertThat(Path.of("/nonexistent/fr3-never-installed.bin")).doesNotExist();
    }

    private void config(String text) throws IOException {
        Files.writeString(etc.resolve("swupdate.cfg"), text);
    }

    private UpdateAuthenticityProbe.Options options() {
        SwupdateLayout layout = new SwupdateLayout(etc.resolve("swupdate.cfg").toString(), etc.resolve("hwrevision").toString(),
                List.of(etc.resolve("default/swupdate").toString(), etc.resolve("swupdate/conf.d").toString()),
                etc.resolve("sw-versions").toString(), Peers.require("swupdate", "swupdate").toString());
        return new UpdateAuthenticityProbe.Options(UpdateAuthenticityProbe.Mode.CHECK, Duration.ofSeconds(20), Duration.ofSeconds(60),
                layout);
    }

    private static UpdateAuthenticityProbe probe() {
        return new UpdateAuthenticityProbe(RefusalPolicy.loadBundled(), ShellQuote::quote, Clock.systemUTC());
    }

    private static Map<TestImageKind, ImageJudgement> judgements(UpdateAuthenticityResult result) {
        return result.runs().stream().collect(Collectors.toMap(r -> r.image().kind(), UpdateAuthenticityResult.ImageRun::judgement));
    }

    private static String transcript(UpdateAuthenticityResult result, String kind) {
        return result.transcripts().stream().filter(t -> t.label().endsWith(kind)).map(t -> t.command() + "\n" + t.result().output())
                .collect(Collectors.joining("\n"));
    }
}
