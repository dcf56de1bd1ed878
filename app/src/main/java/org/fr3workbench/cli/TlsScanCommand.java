package org.fr3workbench.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.fr3workbench.catalog.CatalogException;
import org.fr3workbench.catalog.TlsPolicyLoader;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.DeviceException;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.TlsPolicy;
import org.fr3workbench.probe.tls.TlsProbeOutcome;
import org.fr3workbench.probe.tls.TlsProbeRequest;
import org.fr3workbench.probe.tls.TlsScanCancellation;
import org.fr3workbench.probe.tls.TlsScanException;
import org.fr3workbench.probe.tls.TlsScanListener;
import org.fr3workbench.probe.tls.TlsScanProbe;
import org.fr3workbench.probe.tls.TlsTarget;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 tls-scan HOST:PORT [--json] [--policy NAME|FILE] [--parallel N] [--timeout MS]
 * [--assessment FILE [--requirement ID]] [--via FILE|ssh://… [--host-key SHA256:…]]}.
 */
@Command(name = "tls-scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Scan a TLS endpoint: protocol versions, every accepted cipher suite, preference order, groups, "
                + "signature algorithms, certificate chain, renegotiation and compression, judged against a policy.",
            "With --assessment the JSON and the table are stored as two evidence items; with --via the scan goes "
                + "through the device's SSH connection, so HOST:PORT is seen from the device (127.0.0.1 = its loopback)."},
        footer = {"", "Exit codes: 0 every finding passed, 1 a policy finding failed, 2 bad usage, unreachable target or "
                + "device (host key refused included)."})
final class TlsScanCommand implements Callable<Integer> {

    /** The requirement the evidence supports unless --requirement says otherwise. */
    static final String DEFAULT_REQUIREMENT = "CR 3.1";

    private final Supplier<TlsScanProbe> probe;
    private final Supplier<TlsPolicyLoader> policies;
    private final Supplier<AssessmentFiles> files;
    private final Supplier<DeviceConnections> connections;
    private final Supplier<Catalog> catalog;
    private final UnaryOperator<String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The endpoint, e.g. 192.0.2.10:443 or [::1]:4433.")
    private String target;

    @Option(names = "--json", description = "Print JSON (schema in docs/tls-scanner.md).")
    private boolean json;

    @Option(names = "--policy", paramLabel = "NAME|FILE", defaultValue = "bsi-tr-02102-2",
            description = "A bundled policy (bsi-tr-02102-2, cip) or a policy YAML file. Default: ${DEFAULT-VALUE}.")
    private String policy;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "2",
            description = "Most connections open at once (through --via: SSH channels), 1 to 64. Default: ${DEFAULT-VALUE} "
                    + "(gentle on embedded devices).")
    private int parallel;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000",
            description = "Connect and read timeout per connection in milliseconds. Default: ${DEFAULT-VALUE}.")
    private int timeout;

    @Option(names = "--assessment", paramLabel = "FILE", description = "Store the JSON and the table as evidence in this "
            + "assessment file (*.fr3).")
    private Path assessment;

    @Option(names = "--requirement", paramLabel = "ID", description = "The requirement the evidence supports (with "
            + "--assessment). Default: " + DEFAULT_REQUIREMENT + ".")
    private String requirement;

    @Option(names = "--via", paramLabel = "FILE|ssh://USER@HOST[:PORT]", description = "Scan through the device's SSH "
            + "connection: the target and pinned host key recorded by 'fr3 connect' in FILE, or this address.")
    private String via;

    @Option(names = "--host-key", paramLabel = "SHA256:…", description = "The device's host key fingerprint (with "
            + "--via ssh://…; without it an unknown key is refused).")
    private String hostKey;

    @Mixin
    private DeviceOptions login;

    /** Services are created only when the command runs, so that other commands start without them. */
    TlsScanCommand(Supplier<TlsScanProbe> probe, Supplier<TlsPolicyLoader> policies, Supplier<AssessmentFiles> files,
                   Supplier<DeviceConnections> connections, Supplier<Catalog> catalog, UnaryOperator<String> environment) {
        this.probe = probe;
        this.policies = policies;
        this.files = files;
        this.connections = connections;
        this.catalog = catalog;
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        TlsTarget endpoint = endpoint();
        TlsPolicy judgedBy = loadPolicy();
        if (requirement != null && assessment == null) {
            throw new InputException("--requirement goes with --assessment FILE");
        }
        if (hostKey != null && via == null) {
            throw new InputException("--host-key goes with --via ssh://USER@HOST[:PORT]");
        }
        TlsProbeRequest request = new TlsProbeRequest(endpoint, Optional.empty(), judgedBy, parallel, timeout);
        try (AssessmentStore store = assessment == null ? null : AssessmentAccess.open(files.get(), assessment,
                AssessmentFiles.Access.READ_WRITE)) {
            String requirementId = store == null ? "" : checkedRequirement(store);
            TlsProbeOutcome outcome = via == null ? scan(request) : scanThroughDevice(request, store);
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? new String(outcome.jsonBytes(), StandardCharsets.UTF_8) + System.lineSeparator()
                    : outcome.tableText());
            out.flush();
            if (store != null) {
                List<Evidence> stored = store(store, outcome, requirementId);
                PrintWriter note = json ? spec.commandLine().getErr() : out;
                note.printf("Stored evidence %d (%s) and %d (%s) for %s in %s%n", stored.get(0).id(), stored.get(0).name(),
                        stored.get(1).id(), stored.get(1).name(), requirementId, assessment);
                note.flush();
            }
            return outcome.passed() ? 0 : Fr3Command.EXIT_FAILED;
        }
    }

    private TlsTarget endpoint() {
        try {
            return TlsTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid HOST:PORT: " + e.getMessage());
        }
    }

    private TlsProbeOutcome scan(TlsProbeRequest request) throws InterruptedException {
        try {
            return probe.get().run(request, TlsScanListener.NONE, TlsScanCancellation.NONE);
        } catch (TlsScanException e) {
            throw new InputException(e.getMessage(), e);
        }
    }

    private TlsProbeOutcome scanThroughDevice(TlsProbeRequest request, AssessmentStore store) throws InterruptedException {
        try (DeviceChannel channel = TlsScanVia.connect(via, store, files.get(), connections.get(), login, environment,
                hostKey)) {
            return scan(request.through(channel));
        } catch (DeviceException e) {
            throw new InputException("cannot reach the device for --via " + via + ": " + e.getMessage(), e);
        }
    }

    private String checkedRequirement(AssessmentStore store) {
        if (store.isReadOnly()) {
            throw new InputException(assessment + " is read-only: " + store.readOnlyReason().orElse("write-protected"));
        }
        return AssessmentAccess.requirement(catalog.get(), requirement == null ? DEFAULT_REQUIREMENT : requirement).id();
    }

    private static List<Evidence> store(AssessmentStore store, TlsProbeOutcome outcome, String requirementId) {
        String actor = AssessmentAccess.actor(null, store);
        return AssessmentAccess.change(() -> {
            List<Evidence> stored = new ArrayList<>();
            for (TlsProbeOutcome.Item item : outcome.evidence(requirementId)) {
                try {
                    stored.add(store.evidence().add(item.evidence(), new ByteArrayInputStream(item.content()), actor,
                            ProgressMonitor.NONE));
                } catch (IOException e) {
                    throw new InputException("cannot store the scan in " + store.file() + ": " + e.getMessage(), e);
                }
            }
            return stored;
        });
    }

    private TlsPolicy loadPolicy() {
        if (parallel < 1 || parallel > 64) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--parallel': "
                    + parallel + " is not between 1 and 64");
        }
        if (timeout < 1 || timeout > 600_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--timeout': "
                    + timeout + " is not between 1 and 600000 ms");
        }
        if (TlsPolicyLoader.BUNDLED.contains(policy)) {
            return policies.get().loadBundled(policy);
        }
        Path file = Path.of(policy);
        if (!Files.isRegularFile(file)) {
            throw new InputException("policy '" + policy + "' is neither a bundled policy ("
                    + String.join(", ", TlsPolicyLoader.BUNDLED) + ") nor a readable file");
        }
        try {
            return policies.get().load(file);
        } catch (CatalogException e) {
            throw new InputException("invalid policy " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException("cannot read policy " + file + ": " + e.getMessage(), e);
        }
    }
}
