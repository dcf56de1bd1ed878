package org.fr3workbench.domain;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A step of a requirement's procedure with everything needed to carry it out: the catalog's planned step
 * ({@link PlannedStep}: id, kind, title, where, intrusive, CIP test case) joined with the procedure file's
 * instructions, commands and expectations. See docs/procedure-format.md.
 */
public sealed interface Step {

    /** The catalog's view of the step. */
    PlannedStep planned();

    /** What the assessor reads before and while the step runs; may be empty. */
    String text();

    default String id() {
        return planned().id();
    }

    default String title() {
        return planned().title();
    }

    default boolean intrusive() {
        return planned().intrusive();
    }

    /** Something the assessor does or checks by hand, then attests; {@code checklist} items are ticked one by one. */
    record Instruction(PlannedStep planned, String text, List<String> checklist) implements Step {
        public Instruction {
            Objects.requireNonNull(planned, "planned");
            text = Objects.requireNonNullElse(text, "");
            checklist = List.copyOf(checklist);
        }
    }

    /**
     * Commands on the device or on the assessor's machine ({@code planned().location()}), run in order; the first
     * expectation that does not hold decides FAIL. {@code tools} are checked with {@code command -v} first: a missing
     * one makes the step inconclusive with {@code missingToolGuidance}. {@code cleanup} always runs after an
     * intrusive step, also after a failure, a cancel or a lost connection (then on reconnect).
     */
    record Command(PlannedStep planned, String text, List<String> tools, String missingToolGuidance,
                   List<ShellCommand> commands, List<ShellCommand> cleanup) implements Step {
        public Command {
            Objects.requireNonNull(planned, "planned");
            text = Objects.requireNonNullElse(text, "");
            tools = List.copyOf(tools);
            missingToolGuidance = Objects.requireNonNullElse(missingToolGuidance, "");
            commands = List.copyOf(commands);
            cleanup = List.copyOf(cleanup);
        }
    }

    /**
     * A built-in check of the {@code probe} package (e.g. {@code tls-scan}, {@code failed-login},
     * {@code update-authenticity}, {@code boot-console}); {@code arguments} are templates like commands.
     */
    record Probe(PlannedStep planned, String text, String probe, Map<String, String> arguments,
                 List<ShellCommand> cleanup) implements Step {
        public Probe {
            Objects.requireNonNull(planned, "planned");
            text = Objects.requireNonNullElse(text, "");
            Objects.requireNonNull(probe, "probe");
            arguments = Map.copyOf(arguments);
            cleanup = List.copyOf(cleanup);
        }
    }

    /** Evidence the assessor captures: a screenshot, a photo, a file (a report), or a console recording. */
    record Capture(PlannedStep planned, String text, CaptureKind capture) implements Step {
        public Capture {
            Objects.requireNonNull(planned, "planned");
            text = Objects.requireNonNullElse(text, "");
            Objects.requireNonNull(capture, "capture");
        }
    }

    /** A parameter value the assessor supplies (a TLS port, an update image) before later steps use it. */
    record Input(PlannedStep planned, String text, List<String> parameters) implements Step {
        public Input {
            Objects.requireNonNull(planned, "planned");
            text = Objects.requireNonNullElse(text, "");
            parameters = List.copyOf(parameters);
        }
    }

    /** What a capture step asks for. */
    enum CaptureKind {
        SCREENSHOT, PHOTO, FILE, CONSOLE_LOG
    }
}
