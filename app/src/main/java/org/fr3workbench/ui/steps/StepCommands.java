package org.fr3workbench.ui.steps;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.fr3workbench.domain.ShellCommand;
import org.fr3workbench.domain.Step;
import org.fr3workbench.engine.CommandTemplate;

/**
 * What a step will run, as text for the assessor: the parameters it uses and its commands rendered exactly as the
 * engine renders them (values shell-quoted by {@link CommandTemplate}). Values that only exist while it runs
 * (markers, connection values, outputs captured by an earlier command) stay visible as {@code {{name}}}. Pure.
 */
final class StepCommands {

    /** Built-in parameters that the engine fills from the connection. */
    static final Set<String> CONNECTION = Set.of("device-host", "device-port");

    private static final String UNSET = "__FR3_UNSET_";

    private StepCommands() {
    }

    /** The commands a step runs (before cleanup). */
    static List<ShellCommand> commands(Step step) {
        return switch (step) {
            case Step.Command command -> command.commands();
            default -> List.of();
        };
    }

    static List<ShellCommand> cleanup(Step step) {
        return switch (step) {
            case Step.Command command -> command.cleanup();
            case Step.Probe probe -> probe.cleanup();
            default -> List.of();
        };
    }

    /** Parameter names a step uses, in order of first use, without values captured by its own commands. */
    static List<String> parameters(Step step) {
        Set<String> names = new LinkedHashSet<>();
        Set<String> captured = new LinkedHashSet<>();
        List<ShellCommand> all = new ArrayList<>(commands(step));
        all.addAll(cleanup(step));
        for (ShellCommand command : all) {
            names.addAll(new CommandTemplate(command.template()).parameters());
            if (!command.asUser().isEmpty()) {
                names.addAll(new CommandTemplate(command.asUser()).parameters());
            }
            if (!command.captureAs().isEmpty()) {
                captured.add(command.captureAs());
            }
        }
        switch (step) {
            case Step.Probe probe -> probe.arguments().values().forEach(v -> names.addAll(new CommandTemplate(v).parameters()));
            case Step.Input input -> names.addAll(input.parameters());
            default -> {
            }
        }
        names.removeAll(captured);
        return List.copyOf(names);
    }

    /** The step's commands and cleanup as the assessor reads them, one line each, with labels as comments. */
    static String render(Step step, Map<String, String> values, java.util.function.Predicate<String> runtimeOnly) {
        List<String> lines = new ArrayList<>();
        for (ShellCommand command : commands(step)) {
            lines.addAll(lines(command, values, runtimeOnly));
        }
        if (step instanceof Step.Probe probe) {
            lines.add("# probe " + probe.probe());
            probe.arguments().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> lines.add("#   " + e.getKey() + " = " + renderOne(e.getValue(), values, runtimeOnly)));
        }
        List<ShellCommand> cleanup = cleanup(step);
        if (!cleanup.isEmpty()) {
            lines.add("# cleanup (always runs):");
            for (ShellCommand command : cleanup) {
                lines.addAll(lines(command, values, runtimeOnly));
            }
        }
        return String.join("\n", lines);
    }

    private static List<String> lines(ShellCommand command, Map<String, String> values,
                                      java.util.function.Predicate<String> runtimeOnly) {
        List<String> lines = new ArrayList<>();
        if (!command.label().isEmpty()) {
            lines.add("# " + command.label());
        }
        String rendered = renderOne(command.template(), values, runtimeOnly);
        if (!command.asUser().isEmpty()) {
            rendered = "(as " + renderOne(command.asUser(), values, runtimeOnly) + ") " + rendered;
        }
        lines.add(rendered);
        return lines;
    }

    /** Renders one template; names without a value (or filled only at run time) stay {@code {{name}}}. */
    static String renderOne(String template, Map<String, String> values, java.util.function.Predicate<String> runtimeOnly) {
        CommandTemplate parsed = new CommandTemplate(template);
        Map<String, String> filled = new java.util.HashMap<>(values);
        for (String name : parsed.parameters()) {
            if (!filled.containsKey(name) || runtimeOnly.test(name)) {
                filled.put(name, UNSET + name.replace('-', '_') + "__");
            }
        }
        String text = parsed.render(filled);
        for (String name : parsed.parameters()) {
            text = text.replace(UNSET + name.replace('-', '_') + "__", "{{" + name + "}}");
        }
        return text;
    }

    /** One sentence on what an intrusive step changes and how it is undone, for the consent dialog. */
    static String cleanupSummary(Step step, Map<String, String> values, java.util.function.Predicate<String> runtimeOnly) {
        return cleanup(step).stream().map(c -> renderOne(c.template(), values, runtimeOnly)).collect(Collectors.joining("\n"));
    }
}
