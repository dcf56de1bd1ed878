package org.fr3workbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fr3 catalog list [--component-type T] [--max-sl N] [--json]}. */
@Command(name = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "List the FR 3 requirements: id, title, component types, lowest SL and CIP position.")
final class CatalogListCommand implements Callable<Integer> {

    private final Supplier<Catalog> catalog;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--component-type", paramLabel = "TYPE",
            description = "Only entries that apply to this component type: ${COMPLETION-CANDIDATES}.")
    private ComponentType componentType;

    @Option(names = "--max-sl", paramLabel = "N",
            description = "Only entries required at security level N (1-4) or below; hides component-specific umbrella entries.")
    private Integer maxSl;

    @Option(names = "--json", description = "Print JSON (fields in docs/catalog-format.md).")
    private boolean json;

    CatalogListCommand(Supplier<Catalog> catalog) {
        this.catalog = catalog;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        SecurityLevel level = null;
        if (maxSl != null) {
            level = SecurityLevel.of(maxSl).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
                    "Invalid value for option '--max-sl': " + maxSl + " is not a security level (1 to 4)"));
        }
        Catalog all = catalog.get();
        SecurityLevel max = level;
        List<Requirement> selected = all.requirements().stream()
                .filter(r -> componentType == null || r.appliesTo(componentType))
                .filter(r -> max == null || r.minLevel().map(min -> min.atMost(max)).orElse(false))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(all, selected));
        } else {
            printTable(out, selected);
        }
        out.flush();
        return 0;
    }

    private String toJson(Catalog all, List<Requirement> selected) throws JsonProcessingException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("catalogVersion", all.version());
        root.put("schema", all.schemaVersion());
        root.put("count", selected.size());
        root.put("requirements", selected.stream().map(CatalogListCommand::entry).toList());
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
    }

    private static Map<String, Object> entry(Requirement r) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("id", r.id());
        e.put("title", r.title());
        e.put("componentTypes", r.componentTypes().stream().map(Enum::name).toList());
        e.put("sl", r.minLevel().map(SecurityLevel::number).orElse(null));
        e.put("componentSpecific", r.isComponentSpecific());
        e.put("cipPosition", r.cipPosition().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        e.put("cipReason", r.cipReason());
        e.put("integratorAction", r.integratorAction());
        if (!r.note().isEmpty()) {
            e.put("note", r.note());
        }
        e.put("steps", r.steps().stream().map(s -> {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("id", s.id());
            step.put("kind", s.kind().name().toLowerCase(java.util.Locale.ROOT));
            step.put("title", s.title());
            step.put("where", s.location().name().toLowerCase(java.util.Locale.ROOT));
            step.put("intrusive", s.intrusive());
            if (!s.cipTestCase().isEmpty()) {
                step.put("cipTestCase", s.cipTestCase());
            }
            return step;
        }).toList());
        return e;
    }

    private static void printTable(PrintWriter out, List<Requirement> selected) {
        String format = "%-17s %-4s %-15s %-14s %s%n";
        out.printf(format, "ID", "SL", "TYPES", "CIP", "TITLE");
        for (Requirement r : selected) {
            out.printf(format, r.id(), r.minLevel().map(l -> String.valueOf(l.number())).orElse("-"),
                    String.join(",", r.componentTypes().stream().map(Enum::name).toList()),
                    r.cipPosition().label(), r.title());
        }
        out.printf("%d requirement(s)%n", selected.size());
    }
}
