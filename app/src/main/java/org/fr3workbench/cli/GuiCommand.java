package org.fr3workbench.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.SequencedMap;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fr3 gui [FILE]}: opens the workbench window (also what {@code fr3} alone does). */
@Command(name = "gui", mixinStandardHelpOptions = true, description = "Open the workbench window (the default with no command).")
final class GuiCommand implements Callable<Integer> {

    /**
     * Opens the window, blocks until it closes, and returns the milestones of its start (time since the JVM started),
     * the last one the first frame.
     */
    interface Opener {
        SequencedMap<String, Duration> open(Path file, boolean smokeTest);
    }

    private final Opener opener;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "An assessment file (*.fr3) to open.")
    private Path file;

    @Option(names = "--smoke-test",
            description = "Open the window, report the time from launch to the first frame (and the milestones before it), and exit.")
    private boolean smokeTest;

    GuiCommand(Opener opener) {
        this.opener = opener;
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (file != null && !java.nio.file.Files.isRegularFile(file)) {
            throw new InputException("no assessment file at " + file.toAbsolutePath());
        }
        SequencedMap<String, Duration> milestones = opener.open(file, smokeTest);
        if (smokeTest) {
            GuiLaunch.report(spec.commandLine().getOut(), milestones);
        }
        return 0;
    }
}
