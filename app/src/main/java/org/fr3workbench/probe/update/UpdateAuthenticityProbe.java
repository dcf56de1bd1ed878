package org.fr3workbench.probe.update;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.fr3workbench.probe.ExecResult;
import org.fr3workbench.probe.ProbeTarget;
import org.fr3workbench.probe.TranscriptRecorder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EDR/NDR 3.10 RE(1): proves that the device refuses tampered, unsigned and foreign-signed update
 * images, and accepts the valid one. Derives the test images locally, reads the device's swupdate
 * set-up, uploads each image to a fresh temporary folder, runs swupdate on it (check mode unless a
 * full install was chosen), judges each answer, compares the device state before and after, and
 * removes everything it uploaded — always, also on failure or cancellation (interrupt).
 */
public final class UpdateAuthenticityProbe {

    private static final Logger LOG = LoggerFactory.getLogger(UpdateAuthenticityProbe.class);

    /** How far swupdate goes with each image. */
    public enum Mode {
        /** {@code swupdate -c}: check the image and exit; nothing is installed (the default). */
        CHECK,
        /** The negative images are offered for a real install; only on the assessor's explicit choice. */
        INSTALL
    }

    /**
     * @param mode            check (default) or install
     * @param commandTimeout  limit for the small commands (cat, mktemp ...)
     * @param swupdateTimeout limit for one swupdate run
     * @param layout          where swupdate's files are on the device
     * @param kinds           the images to send; the positive control ({@link TestImageKind#VALID}) is always sent
     */
    public record Options(Mode mode, Duration commandTimeout, Duration swupdateTimeout, SwupdateLayout layout,
                          Set<TestImageKind> kinds) {
        public Options {
            Objects.requireNonNull(mode, "mode");
            Objects.requireNonNull(commandTimeout, "commandTimeout");
            Objects.requireNonNull(swupdateTimeout, "swupdateTimeout");
            Objects.requireNonNull(layout, "layout");
            EnumSet<TestImageKind> chosen = EnumSet.of(TestImageKind.VALID);
            chosen.addAll(kinds);
            kinds = Collections.unmodifiableSet(chosen);
        }

        /** Every image. */
        public Options(Mode mode, Duration commandTimeout, Duration swupdateTimeout, SwupdateLayout layout) {
            this(mode, commandTimeout, swupdateTimeout, layout, EnumSet.allOf(TestImageKind.class));
        }

        /** The same options with only these images (and the positive control). */
        public Options only(Set<TestImageKind> chosen) {
            return new Options(mode, commandTimeout, swupdateTimeout, layout, chosen);
        }

        /** Check mode on a standard device. */
        public static Options defaults() {
            return new Options(Mode.CHECK, Duration.ofSeconds(30), Duration.ofMinutes(10), SwupdateLayout.DEVICE);
        }
    }

    private final RefusalJudge judge;
    private final TestImageDeriver deriver;
    private final UnaryOperator<String> quote;
    private final Clock clock;

    /**
     * @param policy the refusal messages
     * @param quote  the shell quoting for every value put into a command (the device layer's ShellQuote)
     * @param clock  for transcript times
     */
    public UpdateAuthenticityProbe(RefusalPolicy policy, UnaryOperator<String> quote, Clock clock) {
        this.judge = new RefusalJudge(policy);
        this.deriver = new TestImageDeriver();
        this.quote = quote;
        this.clock = clock;
    }

    /**
     * Runs the whole test.
     *
     * @param target     the device
     * @param validImage the assessor's valid signed image
     * @param localWork  a local folder for the derived images (they stay there as evidence)
     * @throws IllegalArgumentException the valid image is not a signed SWUpdate image (nothing was sent)
     * @throws IOException              the device could not be reached; uploaded files were removed if possible
     * @throws InterruptedException     cancelled; uploaded files were removed
     */
    public UpdateAuthenticityResult run(ProbeTarget target, Path validImage, Path localWork, Options options)
            throws IOException, InterruptedException {
        List<TestImage> images = deriver.derive(validImage, localWork).stream()
                .filter(image -> options.kinds().contains(image.kind())).toList();
        TranscriptRecorder recorder = new TranscriptRecorder(target, clock);
        DeviceSwupdateReader reader = new DeviceSwupdateReader(recorder, options.layout(), options.commandTimeout(), quote);
        SwupdateConfig config = reader.readConfig();
        String before = reader.snapshotState("before");
        List<UpdateAuthenticityResult.ImageRun> runs = new ArrayList<>();
        String folder = makeTemporaryFolder(recorder, options);
        Throwable failure = null;
        try {
            String scratch = folder + "/scratch";
            recorder.exec("swupdate scratch folder", "mkdir -- " + quote.apply(scratch), options.commandTimeout());
            for (TestImage image : images) {
                UpdateAuthenticityResult.ImageRun run = runOne(recorder, image, folder, scratch, config, options);
                if (run.judgement().outcome() == ImageJudgement.Outcome.UNCLEAR) {
                    LOG.info("{}: unclear ({}), running it once more", image.kind().id(), run.judgement().reason());
                    run = runOne(recorder, image, folder, scratch, config, options);
                }
                runs.add(run);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure = e;
            throw e;
        } finally {
            cleanUp(recorder, folder, options, failure);
        }
        String after = reader.snapshotState("after");
        boolean unchanged = before.equals(after);
        UpdateVerdictRules.Decision decision = UpdateVerdictRules.decide(config, runs, unchanged);
        return new UpdateAuthenticityResult(decision.verdict(), decision.reason(), options.mode(), config, runs, unchanged,
                before, after, recorder.transcripts());
    }

    private UpdateAuthenticityResult.ImageRun runOne(TranscriptRecorder recorder, TestImage image, String folder, String scratch,
                                                    SwupdateConfig config, Options options) throws IOException, InterruptedException {
        String remote = folder + "/" + image.kind().fileName();
        recorder.target().upload(image.path(), remote);
        String command = swupdateCommand(remote, scratch, config, options, image.kind());
        ExecResult result = recorder.exec("swupdate " + (checkOnly(options, image.kind()) ? "check" : "install") + ": "
                + image.kind().id(), command, options.swupdateTimeout());
        recorder.target().remove(remote);
        ImageJudgement judgement = judge.judge(result);
        LOG.info("update image {}: {}", image.kind().id(), judgement.reason());
        return new UpdateAuthenticityResult.ImageRun(image, command, judgement);
    }

    /** The swupdate command line as the device would run it, with every value quoted. */
    String swupdateCommand(String image, String scratch, SwupdateConfig config, Options options, TestImageKind kind) {
        SwupdateLayout layout = options.layout();
        StringBuilder command = new StringBuilder("TMPDIR=").append(quote.apply(scratch + "/")).append(' ')
                .append(quote.apply(layout.swupdate()));
        if (checkOnly(options, kind)) {
            command.append(" -c");
        }
        command.append(" -i ").append(quote.apply(image)).append(" -l 5");
        config.publicKey().ifPresent(key -> command.append(" -k ").append(quote.apply(key)));
        if (layout.needsConfigOption() && config.configPresent()) {
            command.append(" -f ").append(quote.apply(layout.configFile()));
        }
        if (layout.needsHwrevisionOption() && config.board().isPresent() && config.revision().isPresent()) {
            command.append(" -H ").append(quote.apply(config.board().get() + ":" + config.revision().get()));
        }
        return command.append(" 2>&1").toString();
    }

    private static boolean checkOnly(Options options, TestImageKind kind) {
        return options.mode() == Mode.CHECK || !kind.mustBeRejected();
    }

    private String makeTemporaryFolder(TranscriptRecorder recorder, Options options) throws IOException, InterruptedException {
        ExecResult made = recorder.exec("temporary folder", "mktemp -d", options.commandTimeout());
        String folder = made.output().strip();
        if (made.exitCode() != 0 || !folder.startsWith("/") || folder.equals("/") || folder.contains("\n") || folder.contains("..")) {
            throw new IOException("mktemp -d on the device did not give a usable folder (exit " + made.exitCode() + "): " + folder);
        }
        return folder;
    }

    /** Removes the temporary folder even when the thread was interrupted, then restores the interrupt. */
    private void cleanUp(TranscriptRecorder recorder, String folder, Options options, Throwable failure)
            throws IOException, InterruptedException {
        boolean interrupted = Thread.interrupted();
        try {
            recorder.target().remove(folder);
            recorder.exec("temporary folder removed", "test ! -e " + quote.apply(folder), options.commandTimeout());
        } catch (IOException | InterruptedException | RuntimeException e) {
            if (failure == null) {
                throw e;
            }
            failure.addSuppressed(e);
            LOG.warn("cleanup of {} on the device failed after an earlier failure: {}", folder, e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
