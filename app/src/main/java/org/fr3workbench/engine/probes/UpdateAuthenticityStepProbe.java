package org.fr3workbench.engine.probes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.Suggestion;
import org.fr3workbench.engine.ProbeCall;
import org.fr3workbench.engine.ProbeEvidence;
import org.fr3workbench.engine.ProbeOutcome;
import org.fr3workbench.engine.StepListener;
import org.fr3workbench.engine.StepProbe;
import org.fr3workbench.probe.ProbeTranscript;
import org.fr3workbench.probe.update.SwupdateLayout;
import org.fr3workbench.probe.update.TestImageKind;
import org.fr3workbench.probe.update.UpdateAuthenticityProbe;
import org.fr3workbench.probe.update.UpdateAuthenticityResult;

/**
 * {@code update-authenticity} (EDR/NDR 3.10 RE(1)): {@link UpdateAuthenticityProbe} over the step's device channel.
 * Arguments: {@code image} (a local-file parameter: the assessor's valid signed .swu), {@code mode} ({@code check},
 * the default, or {@code install}, which needs the assessor's consent), {@code case} ({@code all}, the default, or
 * one test image; the positive control always runs). Where swupdate's files are on the device comes from the
 * parameters {@code swupdate-config}, {@code swupdate-hwrevision}, {@code swupdate-versions},
 * {@code swupdate-arguments} (space-separated) and {@code swupdate-command}, each defaulting to the standard layout.
 * Evidence: a JSON result with every image's SHA-256 and judgement, and every command's transcript.
 */
public final class UpdateAuthenticityStepProbe implements StepProbe {

    /** Parameters that say where swupdate's files are on the device. */
    public static final String CONFIG = "swupdate-config";
    public static final String HWREVISION = "swupdate-hwrevision";
    public static final String VERSIONS = "swupdate-versions";
    public static final String ARGUMENTS = "swupdate-arguments";
    public static final String COMMAND = "swupdate-command";

    private static final String TEXT = "text/plain; charset=utf-8";

    private final UpdateAuthenticityProbe probe;

    public UpdateAuthenticityStepProbe(UpdateAuthenticityProbe probe) {
        this.probe = probe;
    }

    @Override
    public String name() {
        return "update-authenticity";
    }

    @Override
    public ProbeOutcome run(ProbeCall call, StepListener listener, Cancellation cancellation) {
        Optional<DeviceChannel> device = call.context().device();
        String image = call.argument("image", "");
        String mode = call.argument("mode", "check").strip().toLowerCase(Locale.ROOT);
        String chosen = call.argument("case", "all").strip().toLowerCase(Locale.ROOT);
        if (device.isEmpty()) {
            return problem(StepOutcome.ERROR, "the update test needs the device connection");
        }
        if (image.isBlank() || !Files.isRegularFile(Path.of(image))) {
            return problem(StepOutcome.INCONCLUSIVE, image.isBlank() ? "no update image given: set the parameter with the "
                    + "valid signed .swu (fr3 run --param update-image=PATH)" : "the update image " + image
                    + " is not a file on this machine");
        }
        if (!mode.equals("check") && !mode.equals("install")) {
            return problem(StepOutcome.ERROR, "mode must be check or install, found '" + mode + "'");
        }
        Optional<Set<TestImageKind>> kinds = kinds(chosen);
        if (kinds.isEmpty()) {
            return problem(StepOutcome.ERROR, "unknown case '" + chosen + "' (all, " + String.join(", ",
                    Arrays.stream(TestImageKind.values()).map(TestImageKind::id).toList()) + ")");
        }
        boolean install = mode.equals("install") && !chosen.equals("valid");
        if (install && !call.context().consent().allow(call.step(), "offers the corrupted update images to swupdate for a "
                + "full installation (not only a check)")) {
            return problem(StepOutcome.SKIPPED, "a full installation was not allowed");
        }
        UpdateAuthenticityProbe.Options options = new UpdateAuthenticityProbe.Options(install
                ? UpdateAuthenticityProbe.Mode.INSTALL : UpdateAuthenticityProbe.Mode.CHECK, Duration.ofSeconds(30),
                Duration.ofMinutes(10), layout(call.context().parameters()), kinds.get());
        listener.message("update test: deriving the test images from " + Path.of(image).getFileName());
        Path work = null;
        try {
            work = Files.createTempDirectory("fr3-update-");
            ChannelProbeTarget target = new ChannelProbeTarget(device.get(), cancellation,
                    (stream, data, offset, length) -> listener.output(new String(data, offset, length, StandardCharsets.UTF_8)));
            UpdateAuthenticityResult result = probe.run(target, Path.of(image), work, options);
            Suggestion suggestion = result.suggestion();
            StepOutcome outcome = suggestion.outcome();
            String reason = suggestion.reason();
            if (mode.equals("install") && chosen.equals("valid")) {
                outcome = outcome == StepOutcome.PASS ? StepOutcome.INCONCLUSIVE : outcome;
                reason = reason + " (the valid image was checked, not installed: installing it, rebooting and confirming "
                        + "with bg_setenv -c is the assessor's part)";
            }
            return new ProbeOutcome(outcome, reason, evidence(result, chosen));
        } catch (IllegalArgumentException e) {
            return problem(StepOutcome.ERROR, "the update image cannot be used: " + e.getMessage());
        } catch (IOException e) {
            return problem(StepOutcome.ERROR, "the update test could not be completed: " + e.getMessage());
        } catch (InterruptedException e) {
            return problem(StepOutcome.ERROR, "cancelled (the uploaded test images were removed)");
        } finally {
            deleteQuietly(work);
        }
    }

    /** The images to send for a {@code case} argument. */
    static Optional<Set<TestImageKind>> kinds(String chosen) {
        if (chosen.equals("all")) {
            return Optional.of(EnumSet.allOf(TestImageKind.class));
        }
        return Arrays.stream(TestImageKind.values()).filter(k -> k.id().equals(chosen)).findFirst()
                .map(k -> EnumSet.of(TestImageKind.VALID, k));
    }

    static SwupdateLayout layout(Map<String, String> parameters) {
        SwupdateLayout standard = SwupdateLayout.DEVICE;
        List<String> arguments = Optional.ofNullable(parameters.get(ARGUMENTS)).filter(a -> !a.isBlank())
                .map(a -> List.of(a.strip().split("\\s+"))).orElse(standard.argumentFiles());
        return new SwupdateLayout(value(parameters, CONFIG, standard.configFile()), value(parameters, HWREVISION,
                standard.hwrevisionFile()), arguments, value(parameters, VERSIONS, standard.versionsFile()),
                value(parameters, COMMAND, standard.swupdate()));
    }

    private static String value(Map<String, String> parameters, String name, String standard) {
        String value = parameters.get(name);
        return value == null || value.isBlank() ? standard : value.strip();
    }

    private static List<ProbeEvidence> evidence(UpdateAuthenticityResult result, String chosen) {
        List<ProbeEvidence> items = new ArrayList<>();
        String hashes = String.join(", ", result.runs().stream().map(r -> r.image().kind().id() + " "
                + r.image().sha256().substring(0, 12)).toList());
        items.add(new ProbeEvidence("update-authenticity.json", "application/json", json(result, chosen),
                "Update authenticity (" + chosen + "): " + result.reason() + "; images (SHA-256): " + hashes,
                EvidenceKind.STRUCTURED_RESULT));
        int n = 0;
        for (ProbeTranscript transcript : result.transcripts()) {
            n++;
            String slug = transcript.label().replaceAll("[^A-Za-z0-9.]+", "-").replaceAll("^-|-$", "");
            items.add(new ProbeEvidence(String.format(Locale.ROOT, "update-%02d-%s.txt", n, slug), TEXT,
                    text(transcript).getBytes(StandardCharsets.UTF_8), "update test: " + transcript.label(),
                    EvidenceKind.TRANSCRIPT));
        }
        return items;
    }

    private static String text(ProbeTranscript t) {
        return "# " + t.label() + "\n# started " + t.started() + ", " + t.duration().toMillis() + " ms, "
                + (t.result().timedOut() ? "timed out" : "exit code " + t.result().exitCode()) + "\n$ " + t.command() + "\n"
                + t.result().output();
    }

    private static byte[] json(UpdateAuthenticityResult result, String chosen) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("verdict", result.verdict().name().toLowerCase(Locale.ROOT))
                .put("reason", result.reason()).put("mode", result.mode().name().toLowerCase(Locale.ROOT)).put("case", chosen);
        root.putObject("config").put("configPresent", result.config().configPresent())
                .put("publicKey", result.config().publicKey().orElse(null)).put("keySource", result.config().keySource())
                .put("board", result.config().board().orElse(null)).put("revision", result.config().revision().orElse(null));
        root.put("stateUnchanged", result.stateUnchanged());
        ArrayNode images = root.putArray("images");
        for (UpdateAuthenticityResult.ImageRun run : result.runs()) {
            ObjectNode node = images.addObject().put("kind", run.image().kind().id()).put("title", run.image().kind().title())
                    .put("sha256", run.image().sha256()).put("size", run.image().size()).put("change", run.image().change())
                    .put("command", run.command()).put("judgement", run.judgement().outcome().name().toLowerCase(Locale.ROOT))
                    .put("reason", run.judgement().reason());
            run.judgement().matched().forEach(node.putArray("matched")::add);
        }
        return root.toPrettyString().getBytes(StandardCharsets.UTF_8);
    }

    private static ProbeOutcome problem(StepOutcome outcome, String reason) {
        return new ProbeOutcome(outcome, reason, List.of());
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try (var walk = Files.walk(folder)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder: the OS cleans it eventually
        }
    }
}
