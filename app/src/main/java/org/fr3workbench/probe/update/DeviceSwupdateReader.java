package org.fr3workbench.probe.update;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.fr3workbench.probe.ExecResult;
import org.fr3workbench.probe.TranscriptRecorder;

/**
 * Reads what the update test needs to know from the device, every command recorded: the swupdate
 * configuration (public key, hardware revision) and the state that must not change (EFI Boot Guard
 * environment, installed versions).
 */
final class DeviceSwupdateReader {

    private static final String SECTION = "# fr3: ";

    private final TranscriptRecorder recorder;
    private final SwupdateLayout layout;
    private final Duration timeout;
    private final UnaryOperator<String> quote;

    DeviceSwupdateReader(TranscriptRecorder recorder, SwupdateLayout layout, Duration timeout, UnaryOperator<String> quote) {
        this.recorder = recorder;
        this.layout = layout;
        this.timeout = timeout;
        this.quote = quote;
    }

    SwupdateConfig readConfig() throws IOException, InterruptedException {
        String config = q(layout.configFile());
        ExecResult cfg = recorder.exec("swupdate configuration", "test -r " + config + " && cat -- " + config, timeout);
        Optional<String> key = cfg.exitCode() == 0 ? SwupdateConfig.publicKeyFromConfig(cfg.output()) : Optional.empty();
        String source = key.isPresent() ? layout.configFile() + ": public-key-file" : "";
        if (key.isEmpty()) {
            ExecResult args = recorder.exec("swupdate daemon arguments", argumentFilesCommand(), timeout);
            String file = "";
            for (String line : args.output().split("\n")) {
                if (line.startsWith(SECTION)) {
                    file = line.substring(SECTION.length()).strip();
                } else if (key.isEmpty()) {
                    key = SwupdateConfig.keyFromArguments(line);
                    source = key.isPresent() ? file + ": -k" : source;
                }
            }
        }
        String hw = q(layout.hwrevisionFile());
        ExecResult hwrevision = recorder.exec("hardware revision", "test -r " + hw + " && cat -- " + hw, timeout);
        String[] boardRevision = hwrevision.exitCode() == 0 ? SwupdateConfig.boardAndRevision(hwrevision.output()) : new String[0];
        return new SwupdateConfig(cfg.exitCode() == 0, key, source,
                boardRevision.length == 2 ? Optional.of(boardRevision[0]) : Optional.empty(),
                boardRevision.length == 2 ? Optional.of(boardRevision[1]) : Optional.empty());
    }

    /** One text holding everything that must be the same before and after the test. */
    String snapshotState(String when) throws IOException, InterruptedException {
        List<String> parts = new ArrayList<>();
        ExecResult env = recorder.exec("EFI Boot Guard environment " + when,
                "if command -v bg_printenv >/dev/null 2>&1; then bg_printenv 2>&1; else echo 'bg_printenv: not present'; fi", timeout);
        parts.add(env.output());
        String versions = q(layout.versionsFile());
        ExecResult installed = recorder.exec("installed versions " + when,
                "if test -r " + versions + "; then cat -- " + versions + "; else echo "
                        + q(layout.versionsFile() + ": not present") + "; fi",
                timeout);
        parts.add(installed.output());
        return String.join("\n", parts);
    }

    private String argumentFilesCommand() {
        StringBuilder paths = new StringBuilder();
        for (String path : layout.argumentFiles()) {
            paths.append(' ').append(q(path)).append(' ').append(q(path)).append("/*");
        }
        return "for f in" + paths + "; do if test -f \"$f\"; then echo \"" + SECTION + "$f\"; cat -- \"$f\"; fi; done; true";
    }

    private String q(String value) {
        return quote.apply(value);
    }
}
