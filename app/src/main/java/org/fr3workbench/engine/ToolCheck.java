package org.fr3workbench.engine;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.ShellQuote;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.StepOutcome;

/** Checks with one {@code command -v} loop that the tools a step needs exist where it runs. */
final class ToolCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String MISSING = "missing: ";

    private final CommandExecutor executor;

    ToolCheck(CommandExecutor executor) {
        this.executor = executor;
    }

    /**
     * @param outcome INCONCLUSIVE for a missing tool, ERROR when the check itself could not run
     * @param problem "aide is not installed on the device", or empty when every tool is there
     */
    record Result(StepOutcome outcome, Optional<String> problem, Optional<Evidence> evidence) {
    }

    /** The shell text of the check. */
    static String script(List<String> tools) {
        return "for t in " + ShellQuote.join(tools) + "; do command -v \"$t\" >/dev/null 2>&1 || echo \"" + MISSING
                + "$t\"; done";
    }

    Result check(CommandExecutor.Target target, List<String> tools, String where, StepListener listener,
                 Cancellation cancellation) {
        CommandExecutor.Executed done = executor.run(target, "tool check", script(tools), TIMEOUT, List.of(), listener,
                cancellation);
        if (done.report().exitCode().isEmpty()) {
            return new Result(StepOutcome.ERROR, Optional.of(done.reason()), done.evidence());
        }
        List<String> missing = done.stdout().lines().filter(line -> line.startsWith(MISSING))
                .map(line -> line.substring(MISSING.length()).strip()).toList();
        if (missing.isEmpty()) {
            return new Result(StepOutcome.PASS, Optional.empty(), done.evidence());
        }
        String names = String.join(", ", missing);
        String verb = missing.size() == 1 ? " is" : " are";
        return new Result(StepOutcome.INCONCLUSIVE, Optional.of(names + verb + " not installed on the " + where), done.evidence());
    }
}
