package org.fr3workbench.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.CancelledException;
import org.fr3workbench.device.Command;
import org.fr3workbench.device.CommandRequest;
import org.fr3workbench.device.CommandResult;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.OutputListener;
import org.fr3workbench.device.ShellQuote;
import org.fr3workbench.device.TranscriptDocument;
import org.fr3workbench.domain.CommandOutcome;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.Expectation;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.ShellCommand;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.Suggestion;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;

/**
 * Runs one command of a step: renders it (every value shell-quoted, {@code as-user} through {@code su}), runs it on
 * a channel, stores its transcript as evidence the moment it completes, and checks its expectations.
 */
final class CommandExecutor {

    /** How much of each output stream is judged by the expectations. */
    private static final int JUDGED_BYTES = 8 * 1024 * 1024;
    private static final Pattern SINGLE_PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-z][a-z0-9-]*)\\s*}}");

    private final AssessmentStore store;
    private final ExpectationEvaluator evaluator = new ExpectationEvaluator();

    CommandExecutor(AssessmentStore store) {
        this.store = store;
    }

    /**
     * The result of one command.
     *
     * @param report   what the step result shows
     * @param evidence the stored transcript, if the command ran
     * @param outcome  PASS, FAIL or INCONCLUSIVE (no expectations) when it exited; ERROR otherwise
     * @param reason   why, naming the command
     * @param output   stdout then stderr as text (for capture and tool checks)
     * @param stdout   stdout as text
     */
    record Executed(CommandReport report, Optional<Evidence> evidence, StepOutcome outcome, String reason,
                    String output, String stdout) {
    }

    /** Where a command goes and who records it. */
    record Target(DeviceChannel channel, String requirementId, long runId, String stepId, String actor) {
    }

    Executed execute(Target target, ShellCommand command, Map<String, String> values, StepListener listener,
                     Cancellation cancellation) {
        String rendered;
        List<Expectation> expectations;
        try {
            rendered = render(command, values);
            expectations = ExpectationTemplates.render(command.expectations(), values);
        } catch (IllegalArgumentException e) {
            String label = label(command, command.template());
            return failed(label, command.template(), CommandOutcome.EXITED, label + ": " + e.getMessage());
        }
        return run(target, label(command, rendered), rendered, command.timeout(), expectations, listener, cancellation);
    }

    /** Runs already rendered shell text (the tool check). */
    Executed run(Target target, String label, String rendered, Duration timeout, List<Expectation> expectations,
                 StepListener listener, Cancellation cancellation) {
        listener.commandStarted(label, rendered);
        OutputListener live = (stream, data, offset, length) ->
                listener.output(new String(data, offset, length, StandardCharsets.UTF_8));
        try (CommandResult result = target.channel().run(new CommandRequest(Command.shell(rendered), timeout, live,
                cancellation))) {
            Evidence evidence = store(target, label, result);
            listener.evidenceStored(evidence);
            String stdout = result.stdoutText(JUDGED_BYTES);
            String output = stdout + result.stderrText(JUDGED_BYTES);
            CommandOutcome how = result.transcript().outcome();
            OptionalLong evidenceId = OptionalLong.of(evidence.id());
            if (how != CommandOutcome.EXITED) {
                CommandReport report = new CommandReport(label, rendered, OptionalInt.empty(), how, List.of(), evidenceId);
                return new Executed(report, Optional.of(evidence), StepOutcome.ERROR, label + ": " + describe(how, timeout),
                        output, stdout);
            }
            int exit = result.transcript().exitCode().getAsInt();
            List<ExpectationCheck> checks = check(expectations, exit, output);
            Suggestion suggestion = evaluator.evaluate(expectations, exit, output);
            CommandReport report = new CommandReport(label, rendered, OptionalInt.of(exit), how, checks, evidenceId);
            return new Executed(report, Optional.of(evidence), suggestion.outcome(), label + ": " + suggestion.reason(),
                    output, stdout);
        } catch (CancelledException e) {
            return failed(label, rendered, CommandOutcome.CANCELLED, label + ": cancelled");
        } catch (DeviceException e) {
            return failed(label, rendered, CommandOutcome.CONNECTION_LOST, label + ": connection lost (" + e.getMessage() + ")");
        } catch (IOException e) {
            return failed(label, rendered, CommandOutcome.EXITED, label + ": the transcript could not be stored ("
                    + e.getMessage() + ")");
        }
    }

    /** The shell text sent for a command: the template rendered, wrapped in {@code su} when it runs as another user. */
    static String render(ShellCommand command, Map<String, String> values) {
        String rendered = new CommandTemplate(command.template()).render(values);
        if (command.asUser().isBlank()) {
            return rendered;
        }
        String user = command.asUser().strip();
        Matcher placeholder = SINGLE_PLACEHOLDER.matcher(user);
        if (placeholder.matches()) {
            user = new CommandTemplate(user).renderRaw(values);
        }
        return "su -s /bin/sh " + ShellQuote.quote(user) + " -c " + ShellQuote.quote(rendered);
    }

    static String describe(CommandOutcome how, Duration timeout) {
        return switch (how) {
            case TIMED_OUT -> "timed out after " + seconds(timeout);
            case CANCELLED -> "cancelled";
            case CONNECTION_LOST -> "connection lost";
            case EXITED -> "exited";
        };
    }

    private static String seconds(Duration timeout) {
        long millis = timeout.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private Evidence store(Target target, String label, CommandResult result) throws IOException {
        NewEvidence evidence = new NewEvidence(EvidenceKind.TRANSCRIPT, target.requirementId(), Optional.of(target.runId()),
                target.stepId() + ": " + label, TranscriptDocument.MEDIA_TYPE, label, target.channel().description(),
                result.transcript().startedAt());
        try (InputStream content = TranscriptDocument.open(result)) {
            return store.evidence().add(evidence, content, target.actor(), ProgressMonitor.NONE);
        }
    }

    private List<ExpectationCheck> check(List<Expectation> expectations, int exit, String output) {
        List<ExpectationCheck> checks = new ArrayList<>();
        for (Expectation expectation : expectations) {
            Suggestion one = evaluator.evaluate(List.of(expectation), exit, output);
            boolean held = one.outcome() == StepOutcome.PASS;
            String prefix = expectation.describe() + ": ";
            String observed = held ? "held" : one.reason().startsWith(prefix) ? one.reason().substring(prefix.length())
                    : one.reason();
            checks.add(new ExpectationCheck(expectation.describe(), held, observed));
        }
        return checks;
    }

    private static Executed failed(String label, String rendered, CommandOutcome how, String reason) {
        CommandReport report = new CommandReport(label, rendered, OptionalInt.empty(), how, List.of(), OptionalLong.empty());
        return new Executed(report, Optional.empty(), StepOutcome.ERROR, reason, "", "");
    }

    private static String label(ShellCommand command, String rendered) {
        if (!command.label().isBlank()) {
            return command.label();
        }
        String firstLine = rendered.lines().findFirst().orElse(rendered);
        return firstLine.length() <= 60 ? firstLine : firstLine.substring(0, 57) + "...";
    }
}
