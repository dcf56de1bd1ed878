package org.fr3workbench.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fr3workbench.domain.Expectation;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.ShellCommand;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepKind;
import org.fr3workbench.domain.StepLocation;

/** Steps built in code for engine tests (the procedure files are the procedures engineer's). */
public final class Steps {

    private Steps() {
    }

    public static ShellCommand cmd(String label, String template, List<Expectation> expect) {
        return new ShellCommand(label, template, "", Duration.ofSeconds(20), expect, "");
    }

    public static ShellCommand cmd(String label, String template, Duration timeout, List<Expectation> expect) {
        return new ShellCommand(label, template, "", timeout, expect, "");
    }

    public static ShellCommand capture(String label, String template, String captureAs) {
        return new ShellCommand(label, template, "", Duration.ofSeconds(20), List.of(), captureAs);
    }

    public static ShellCommand asUser(String label, String template, String user, List<Expectation> expect) {
        return new ShellCommand(label, template, user, Duration.ofSeconds(20), expect, "");
    }

    public static Step.Command command(String id, StepLocation where, boolean intrusive, List<String> tools,
                                       List<ShellCommand> commands, List<ShellCommand> cleanup) {
        return new Step.Command(planned(id, StepKind.COMMAND, where, intrusive), "text of " + id, tools,
                "Show it some other way.", commands, cleanup);
    }

    public static Step.Command command(String id, StepLocation where, ShellCommand... commands) {
        return command(id, where, false, List.of(), List.of(commands), List.of());
    }

    public static Step.Probe probe(String id, String probe, Map<String, String> with) {
        return new Step.Probe(planned(id, StepKind.PROBE, StepLocation.DEVICE, false), "", probe, with, List.of());
    }

    public static Step.Instruction instruction(String id) {
        return new Step.Instruction(planned(id, StepKind.INSTRUCTION, StepLocation.MANUAL, false), "check it", List.of("a"));
    }

    public static PlannedStep planned(String id, StepKind kind, StepLocation where, boolean intrusive) {
        return new PlannedStep(id, kind, "Title of " + id, where, intrusive, "");
    }

    public static Expectation exit(int... codes) {
        return new Expectation.ExitCodeIn(java.util.Arrays.stream(codes).boxed().collect(java.util.stream.Collectors.toSet()));
    }

    public static Expectation contains(String text) {
        return new Expectation.Contains(text, false);
    }
}
