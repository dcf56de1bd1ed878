package org.fr3workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SequencedMap;
import java.util.function.BiFunction;

/**
 * The start-up fast path of the window: {@code fr3}, {@code fr3 FILE.fr3} (what the desktop file association and
 * the installers pass), {@code fr3 gui [--smoke-test] [FILE]}. These open the window without building the picocli
 * model of every command, which costs start-up time (picocli's classes are too old for the AOT cache and the model
 * reflects over every subcommand). Anything else, also a missing file, goes to the full command line, which reports
 * errors as usual.
 */
public final class GuiLaunch {

    /** The parsed arguments of a window start. */
    record Request(Optional<Path> file, boolean smokeTest) {
    }

    private GuiLaunch() {
    }

    /** Opens the window when {@code args} asks for nothing else; empty when the command line must handle them. */
    public static OptionalInt tryLaunch(BiFunction<Path, Boolean, SequencedMap<String, Duration>> opener, String[] args) {
        Optional<Request> request = parse(List.of(args));
        if (request.isEmpty()) {
            return OptionalInt.empty();
        }
        SequencedMap<String, Duration> milestones = opener.apply(request.get().file().orElse(null), request.get().smokeTest());
        if (request.get().smokeTest()) {
            report(new PrintWriter(System.out, true, java.nio.charset.Charset.defaultCharset()), milestones);
        }
        return OptionalInt.of(0);
    }

    /**
     * Prints the smoke test's result: {@code first frame after N ms} (the line installers and CI look for), then each
     * milestone of the start indented, in the order they happened.
     *
     * @param milestones time since the JVM started by milestone, the last one the first frame
     */
    static void report(PrintWriter out, SequencedMap<String, Duration> milestones) {
        Duration firstFrame = milestones.isEmpty() ? Duration.ZERO : milestones.lastEntry().getValue();
        out.printf("first frame after %d ms%n", firstFrame.toMillis());
        milestones.forEach((milestone, at) -> out.printf("  %-20s %6d ms%n", milestone, at.toMillis()));
        out.flush();
    }

    static Optional<Request> parse(List<String> args) {
        if (args.isEmpty()) {
            return Optional.of(new Request(Optional.empty(), false));
        }
        if (args.size() == 1 && isAssessmentFile(args.getFirst())) {
            return Optional.of(new Request(Optional.of(Path.of(args.getFirst())), false));
        }
        if (!args.getFirst().equals("gui") || args.size() > 3) {
            return Optional.empty();
        }
        boolean smokeTest = false;
        Optional<Path> file = Optional.empty();
        for (String arg : args.subList(1, args.size())) {
            if (arg.equals("--smoke-test") && !smokeTest) {
                smokeTest = true;
            } else if (file.isEmpty() && !arg.startsWith("-") && Files.isRegularFile(Path.of(arg))) {
                file = Optional.of(Path.of(arg));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(new Request(file, smokeTest));
    }

    private static boolean isAssessmentFile(String arg) {
        return !arg.startsWith("-") && arg.toLowerCase(Locale.ROOT).endsWith(".fr3") && Files.isRegularFile(Path.of(arg));
    }
}
