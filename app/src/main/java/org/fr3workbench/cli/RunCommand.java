package org.fr3workbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.HostKeyTrustDecision;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.device.ssh.SshEndpoint;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepLocation;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.engine.IntrusiveConsent;
import org.fr3workbench.engine.ProcedureSession;
import org.fr3workbench.engine.ProbeRegistry;
import org.fr3workbench.engine.StepContext;
import org.fr3workbench.engine.StepListener;
import org.fr3workbench.engine.StepResult;
import org.fr3workbench.engine.StepRunner;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 run FILE}: runs the automatic steps of the requirements' procedures on the device recorded by
 * {@code fr3 connect} and records every transcript and outcome in the file.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the automatic steps (commands and probes) of the procedures on the device recorded by "
            + "'fr3 connect'; every transcript and outcome is stored in the file. Steps the assessor carries out "
            + "(instructions, captures, inputs) are listed as 'needs the assessor'.",
            "Exit: 0 no step failed; 1 a step failed or could not be carried out (error); 2 bad input."})
final class RunCommand implements Callable<Integer> {

    static final String NEEDS_ASSESSOR = "needs the assessor";

    private final Supplier<AssessmentFiles> files;
    private final Supplier<Catalog> catalog;
    private final Supplier<ProcedureLibrary> procedures;
    private final Supplier<ProbeRegistry> probes;
    private final Supplier<DeviceConnections> connections;
    private final UnaryOperator<String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file (*.fr3).")
    private Path file;

    @Option(names = "--requirement", paramLabel = "ID", description = "Run only this requirement (repeatable), e.g. 'CR 3.4'.")
    private List<String> requirements = new ArrayList<>();

    @Option(names = "--auto-only", description = "Do not list the steps that need the assessor.")
    private boolean autoOnly;

    @Option(names = "--allow-intrusive", description = "Allow steps that change the device (their cleanup always runs).")
    private boolean allowIntrusive;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "Set a parameter (repeatable); the value is "
            + "stored in the file and used by later runs too. A local-file value must be a readable file here.")
    private List<String> params = new ArrayList<>();

    @Option(names = "--json", description = "Print the results as JSON (docs/engine.md) instead of lines and a table.")
    private boolean json;

    @Mixin
    private DeviceOptions login;

    RunCommand(Supplier<AssessmentFiles> files, Supplier<Catalog> catalog, Supplier<ProcedureLibrary> procedures,
               Supplier<ProbeRegistry> probes, Supplier<DeviceConnections> connections, UnaryOperator<String> environment) {
        this.files = files;
        this.catalog = catalog;
        this.procedures = procedures;
        this.probes = probes;
        this.connections = connections;
        this.environment = environment;
    }

    /** One line of the result. */
    record Row(String requirement, String step, String outcome, String reason, long run) {
    }

    @Override
    public Integer call() {
        ProcedureLibrary library = procedures.get();
        List<Procedure> selected = select(library);
        Map<String, String> overrides = parseParams();
        try (AssessmentStore store = AssessmentAccess.open(files.get(), file, AssessmentFiles.Access.READ_WRITE)) {
            String actor = AssessmentAccess.actor(null, store);
            boolean needsDevice = selected.stream().flatMap(p -> p.steps().stream()).anyMatch(RunCommand::automaticOnDevice);
            Optional<String> address = store.target().map(t -> t.address());
            if (needsDevice) {
                sshTarget(address);
            }
            ProcedureSession session;
            try {
                session = ProcedureSession.open(library, store.parameters(), overrides, actor, new SecureRandom());
            } catch (IllegalArgumentException e) {
                throw new InputException("--param: " + e.getMessage());
            }
            try (DeviceChannel laptop = connections.get().local();
                 DeviceChannel device = needsDevice ? connect(store, address, actor) : null) {
                List<Row> rows = run(store, session, selected, Optional.ofNullable(device), laptop, address, actor);
                print(rows);
                return rows.stream().anyMatch(r -> r.outcome().equals("fail") || r.outcome().equals("error"))
                        ? Fr3Command.EXIT_FAILED : 0;
            }
        } catch (DeviceException e) {
            spec.commandLine().getErr().println("fr3: " + e.getMessage());
            return Fr3Command.EXIT_FAILED;
        }
    }

    private List<Row> run(AssessmentStore store, ProcedureSession session, List<Procedure> selected,
                          Optional<DeviceChannel> device, DeviceChannel laptop, Optional<String> address, String actor) {
        StepRunner runner = new StepRunner(store, probes.get(), Clock.systemUTC());
        IntrusiveConsent consent = allowIntrusive ? IntrusiveConsent.ALWAYS : IntrusiveConsent.NEVER;
        PrintWriter out = spec.commandLine().getOut();
        List<Row> rows = new ArrayList<>();
        for (Procedure procedure : selected) {
            StepContext context = session.context(procedure.requirementId(), device, laptop, address, actor, consent);
            for (Step step : procedure.steps()) {
                Row row;
                if (step instanceof Step.Command || step instanceof Step.Probe) {
                    StepResult result = runner.run(context, step, StepListener.NONE, Cancellation.create());
                    context = context.with(result.captured());
                    row = new Row(procedure.requirementId(), step.id(), result.outcome().code(), result.reason(),
                            result.run().id());
                } else if (autoOnly) {
                    continue;
                } else {
                    row = new Row(procedure.requirementId(), step.id(), NEEDS_ASSESSOR,
                            step.planned().kind().name().toLowerCase(Locale.ROOT) + ": " + step.title(), 0);
                }
                rows.add(row);
                if (!json) {
                    out.println(row.requirement() + "  " + row.step() + "  " + label(row.outcome()) + "  " + row.reason());
                    out.flush();
                }
            }
        }
        return rows;
    }

    private DeviceChannel connect(AssessmentStore store, Optional<String> address, String actor) throws DeviceException {
        String ssh = sshTarget(address);
        SshEndpoint endpoint = SshEndpoint.parse(ssh, login.auth(environment));
        return connections.get().ssh(endpoint, Optional.empty(), DeviceOptions.pins(store, actor), HostKeyTrustDecision.REFUSE);
    }

    private String sshTarget(Optional<String> address) {
        return address.filter(a -> a.startsWith("ssh://")).orElseThrow(() -> new InputException(file
                + " has no SSH target yet: run 'fr3 connect' first (or choose requirements without device steps)"));
    }

    /** Whether a step needs the device connection: device commands, and probes (a TLS scan only unless it is direct). */
    private static boolean automaticOnDevice(Step step) {
        return switch (step) {
            case Step.Command command -> command.planned().location() != StepLocation.LAPTOP;
            case Step.Probe probe -> probe.planned().location() != StepLocation.LAPTOP
                    || !"direct".equals(probe.arguments().getOrDefault("via", "device").strip());
            default -> false;
        };
    }

    private List<Procedure> select(ProcedureLibrary library) {
        if (requirements.isEmpty()) {
            return List.copyOf(library.procedures().values());
        }
        List<Procedure> selected = new ArrayList<>();
        for (String id : requirements) {
            String known = AssessmentAccess.requirement(catalog.get(), id).id();
            selected.add(library.procedure(known).orElseThrow(() -> new InputException("requirement '" + known
                    + "' has no procedure in procedures " + library.version())));
        }
        return selected;
    }

    private Map<String, String> parseParams() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String param : params) {
            int equals = param.indexOf('=');
            if (equals <= 0) {
                throw new InputException("--param '" + param + "' is not NAME=VALUE");
            }
            values.put(param.substring(0, equals).strip(), param.substring(equals + 1));
        }
        return values;
    }

    private static String label(String outcome) {
        return outcome.equals(NEEDS_ASSESSOR) ? outcome : outcome.toUpperCase(Locale.ROOT);
    }

    private void print(List<Row> rows) {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode().put("file", file.toString());
            ArrayNode steps = root.putArray("steps");
            for (Row row : rows) {
                ObjectNode node = steps.addObject().put("requirement", row.requirement()).put("step", row.step())
                        .put("outcome", row.outcome()).put("reason", row.reason());
                if (row.run() > 0) {
                    node.put("run", row.run());
                }
            }
            root.put("failed", rows.stream().filter(r -> r.outcome().equals(StepOutcome.FAIL.code())).count());
            root.put("errors", rows.stream().filter(r -> r.outcome().equals(StepOutcome.ERROR.code())).count());
            out.println(root.toPrettyString());
            return;
        }
        int req = Math.max("REQUIREMENT".length(), rows.stream().mapToInt(r -> r.requirement().length()).max().orElse(0));
        int step = Math.max("STEP".length(), rows.stream().mapToInt(r -> r.step().length()).max().orElse(0));
        int outcome = Math.max("OUTCOME".length(), rows.stream().mapToInt(r -> label(r.outcome()).length()).max().orElse(0));
        String format = "%-" + req + "s  %-" + step + "s  %-" + outcome + "s  %s%n";
        out.println();
        out.printf(Locale.ROOT, format, "REQUIREMENT", "STEP", "OUTCOME", "REASON");
        for (Row row : rows) {
            out.printf(Locale.ROOT, format, row.requirement(), row.step(), label(row.outcome()), row.reason());
        }
        out.flush();
    }
}
