package org.fr3workbench.catalog;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.ProcedureParameter;
import org.fr3workbench.domain.ShellCommand;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.TlsPolicy;

/** Turns one step entry of a procedure file, joined with its catalog step, into a {@link Step}. */
final class ProcedureStepReader {

    private static final Set<String> INSTRUCTION = Set.of("id", "text", "checklist");
    private static final Set<String> COMMAND = Set.of("id", "text", "tools", "missing-tool", "run", "timeout", "expect", "as-user",
            "capture-as", "commands", "cleanup", "note");
    private static final Set<String> PROBE = Set.of("id", "text", "probe", "with", "cleanup", "note");
    private static final Set<String> CAPTURE = Set.of("id", "text", "capture");
    private static final Set<String> INPUT = Set.of("id", "text", "parameters");
    private static final Set<String> COMMAND_ITEM = Set.of("label", "run", "timeout", "expect", "as-user", "capture-as");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern ACCOUNT = Pattern.compile("[a-z_][a-z0-9_-]*\\$?");
    private static final Pattern TOOL = Pattern.compile("[A-Za-z0-9._+-]+");
    private static final Map<String, Step.CaptureKind> CAPTURES = Map.of("screenshot", Step.CaptureKind.SCREENSHOT,
            "photo", Step.CaptureKind.PHOTO, "file", Step.CaptureKind.FILE, "console-log", Step.CaptureKind.CONSOLE_LOG);

    private final YamlFields yaml;
    private final ExpectationReader expectations;
    private final Map<String, ProcedureParameter> parameters;

    ProcedureStepReader(YamlFields yaml, Function<String, TlsPolicy> policies, Map<String, ProcedureParameter> parameters) {
        this.yaml = yaml;
        this.expectations = new ExpectationReader(yaml, policies);
        this.parameters = parameters;
    }

    Step read(PlannedStep planned, YamlNode node, Placeholders names) throws CatalogException {
        return switch (planned.kind()) {
            case INSTRUCTION -> {
                Map<String, YamlNode> f = yaml.fields(node, INSTRUCTION, "an instruction step");
                List<String> checklist = f.containsKey("checklist") ? yaml.texts(f.get("checklist"), "checklist item") : List.of();
                yield new Step.Instruction(planned, text(f), checklist);
            }
            case COMMAND -> command(planned, node, names);
            case PROBE -> probe(planned, node, names);
            case CAPTURE -> {
                Map<String, YamlNode> f = yaml.fields(node, CAPTURE, "a capture step");
                YamlNode what = yaml.required(node, "capture", "a capture step (what it captures)");
                Step.CaptureKind kind = CAPTURES.get(yaml.text(what, "capture").toLowerCase(Locale.ROOT));
                if (kind == null) {
                    throw yaml.fail(what, "unknown capture '" + what.value() + "' (known: screenshot, photo, file, console-log)");
                }
                yield new Step.Capture(planned, text(f), kind);
            }
            case INPUT -> {
                Map<String, YamlNode> f = yaml.fields(node, INPUT, "an input step");
                YamlNode list = yaml.required(node, "parameters", "an input step (the parameters it sets)");
                List<String> ids = yaml.texts(list, "parameter");
                for (String id : ids) {
                    if (!parameters.containsKey(id)) {
                        throw yaml.fail(list, "input sets unknown parameter '" + id + "': declare it under parameters");
                    }
                }
                yield new Step.Input(planned, text(f), ids);
            }
        };
    }

    private String text(Map<String, YamlNode> fields) throws CatalogException {
        return fields.containsKey("text") ? yaml.text(fields.get("text"), "text") : "";
    }

    private Step command(PlannedStep planned, YamlNode node, Placeholders names) throws CatalogException {
        Map<String, YamlNode> f = yaml.fields(node, COMMAND, "a command step");
        boolean single = f.containsKey("run");
        if (single == f.containsKey("commands")) {
            throw yaml.fail(node, single ? "a command step has either 'run' or 'commands', not both"
                    : "a command step needs 'run' (one command) or 'commands' (a list)");
        }
        if (!single) {
            for (String key : List.of("timeout", "expect", "as-user", "capture-as")) {
                if (f.containsKey(key)) {
                    throw yaml.failAt(yaml.keyLocation(node, key), "'" + key + "' belongs to each item of 'commands' here");
                }
            }
        }
        List<String> tools = new ArrayList<>();
        if (f.containsKey("tools")) {
            for (String tool : yaml.texts(f.get("tools"), "tool")) {
                if (!TOOL.matcher(tool).matches()) {
                    throw yaml.fail(f.get("tools"), "tool '" + tool + "' must be a program name (checked with command -v)");
                }
                tools.add(tool);
            }
        }
        String missingTool = f.containsKey("missing-tool") ? yaml.text(f.get("missing-tool"), "missing-tool") : "";
        List<ShellCommand> commands = new ArrayList<>();
        if (single) {
            commands.add(command(node, names, false));
        } else {
            YamlNode list = f.get("commands");
            if (list.list() == null || list.list().isEmpty()) {
                throw yaml.fail(list, "commands must be a non-empty list");
            }
            for (YamlNode item : list.list()) {
                commands.add(command(item, names, true));
            }
        }
        return new Step.Command(planned, text(f), tools, missingTool, commands, cleanup(planned, node, f, names));
    }

    private Step probe(PlannedStep planned, YamlNode node, Placeholders names) throws CatalogException {
        Map<String, YamlNode> f = yaml.fields(node, PROBE, "a probe step");
        YamlNode probeNode = yaml.required(node, "probe", "a probe step (the probe's name)");
        String probe = yaml.text(probeNode, "probe");
        Map<String, String> arguments = new LinkedHashMap<>();
        if (f.containsKey("with")) {
            YamlNode with = f.get("with");
            if (with.map() == null) {
                throw yaml.fail(with, "with must map argument names to values");
            }
            for (Map.Entry<String, YamlNode> entry : with.map().entrySet()) {
                String value = yaml.scalar(entry.getValue(), "argument '" + entry.getKey() + "'");
                String problem = value == null ? "argument '" + entry.getKey() + "' has no value" : names.problem(value);
                if (problem != null) {
                    throw yaml.fail(entry.getValue(), problem);
                }
                arguments.put(entry.getKey(), value);
            }
        }
        ProbeArguments.check(yaml, probeNode, f.get("with"), probe, arguments, parameters);
        return new Step.Probe(planned, text(f), probe, arguments, cleanup(planned, node, f, names));
    }

    private List<ShellCommand> cleanup(PlannedStep planned, YamlNode step, Map<String, YamlNode> f, Placeholders names)
            throws CatalogException {
        YamlNode cleanup = f.get("cleanup");
        if (cleanup == null) {
            if (planned.intrusive()) {
                throw yaml.fail(step, "step '" + planned.id() + "' is intrusive in the catalog: it needs a cleanup"
                        + " (or 'cleanup: none' with a note saying why nothing has to be undone)");
            }
            if (f.containsKey("note")) {
                throw yaml.failAt(yaml.keyLocation(step, "note"), "a note goes with 'cleanup: none' only");
            }
            return List.of();
        }
        if (!planned.intrusive()) {
            throw yaml.failAt(yaml.keyLocation(step, "cleanup"), "step '" + planned.id()
                    + "' is not intrusive in the catalog: a cleanup would never run");
        }
        if ("none".equals(cleanup.value())) {
            if (!f.containsKey("note")) {
                throw yaml.fail(cleanup, "'cleanup: none' needs a note saying why nothing has to be undone");
            }
            yaml.text(f.get("note"), "note");
            return List.of();
        }
        if (f.containsKey("note")) {
            throw yaml.failAt(yaml.keyLocation(step, "note"), "a note goes with 'cleanup: none' only");
        }
        if (cleanup.list() == null || cleanup.list().isEmpty()) {
            throw yaml.fail(cleanup, "cleanup must be a list of commands or 'none'");
        }
        List<ShellCommand> out = new ArrayList<>();
        for (YamlNode item : cleanup.list()) {
            out.add(item.value() instanceof String run ? template(item, run, names, ShellCommand.of(run)) : command(item, names, true));
        }
        return out;
    }

    private ShellCommand template(YamlNode node, String run, Placeholders names, ShellCommand command) throws CatalogException {
        String problem = names.problem(run);
        if (problem != null) {
            throw yaml.fail(node, problem);
        }
        return command;
    }

    /** One command: a step's own keys ({@code item == false}) or an item of {@code commands} / {@code cleanup}. */
    private ShellCommand command(YamlNode node, Placeholders names, boolean item) throws CatalogException {
        Map<String, YamlNode> f = item ? yaml.fields(node, COMMAND_ITEM, "a command") : node.map();
        YamlNode runNode = yaml.required(node, "run", "a command");
        String run = yaml.text(runNode, "run");
        template(runNode, run, names, null);
        String label = f.containsKey("label") ? yaml.text(f.get("label"), "label") : "";
        Duration timeout = f.containsKey("timeout") ? duration(f.get("timeout")) : ShellCommand.DEFAULT_TIMEOUT;
        String asUser = "";
        if (f.containsKey("as-user")) {
            YamlNode userNode = f.get("as-user");
            asUser = yaml.text(userNode, "as-user");
            Matcher reference = Placeholders.PLACEHOLDER.matcher(asUser);
            if (reference.matches()) {
                template(userNode, asUser, names, null);
            } else if (!ACCOUNT.matcher(asUser).matches()) {
                throw yaml.fail(userNode, "as-user must be an account name or one parameter such as {{test-user}}");
            }
        }
        var expected = expectations.read(f.get("expect"), names);
        String captureAs = "";
        if (f.containsKey("capture-as")) {
            YamlNode captureNode = f.get("capture-as");
            captureAs = yaml.text(captureNode, "capture-as");
            if (!NAME.matcher(captureAs).matches()) {
                throw yaml.fail(captureNode, "capture-as '" + captureAs + "' must be lower-case words joined by '-'");
            }
            if (names.isParameter(captureAs)) {
                throw yaml.fail(captureNode, "capture-as '" + captureAs + "' would hide the parameter of that name");
            }
            names.capture(captureAs);
        }
        return new ShellCommand(label, run, asUser, timeout, expected, captureAs);
    }

    private Duration duration(YamlNode node) throws CatalogException {
        String text = yaml.text(node, "timeout");
        Matcher matcher = DURATION.matcher(text);
        if (!matcher.matches()) {
            throw yaml.fail(node, "timeout '" + text + "' must be a duration such as 30s, 5m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        Duration duration = switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (duration.isZero()) {
            throw yaml.fail(node, "timeout must be longer than zero");
        }
        return duration;
    }
}
