package org.fr3workbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.catalog.CatalogException;
import org.fr3workbench.catalog.TlsPolicyLoader;
import org.fr3workbench.domain.TlsPolicy;
import org.fr3workbench.probe.tls.TlsScanCancellation;
import org.fr3workbench.probe.tls.TlsScanException;
import org.fr3workbench.probe.tls.TlsScanJson;
import org.fr3workbench.probe.tls.TlsScanListener;
import org.fr3workbench.probe.tls.TlsScanOptions;
import org.fr3workbench.probe.tls.TlsScanResult;
import org.fr3workbench.probe.tls.TlsScanTable;
import org.fr3workbench.probe.tls.TlsScanner;
import org.fr3workbench.probe.tls.TlsTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fr3 tls-scan HOST:PORT [--json] [--policy NAME|FILE] [--parallel N] [--timeout MS]}. */
@Command(name = "tls-scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan a TLS endpoint: protocol versions, every accepted cipher suite, preference order, groups, "
                + "signature algorithms, certificate chain, renegotiation and compression, judged against a policy.",
        footer = {"", "Exit codes: 0 every finding passed, 1 a policy finding failed, 2 bad usage or unreachable target."})
final class TlsScanCommand implements Callable<Integer> {

    private final Supplier<TlsScanner> scanner;
    private final Supplier<TlsPolicyLoader> policies;

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
            description = "Most connections open at once, 1 to 64. Default: ${DEFAULT-VALUE} (gentle on embedded devices).")
    private int parallel;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000",
            description = "Connect and read timeout per connection in milliseconds. Default: ${DEFAULT-VALUE}.")
    private int timeout;

    /** Services are created only when the command runs, so that other commands start without them. */
    TlsScanCommand(Supplier<TlsScanner> scanner, Supplier<TlsPolicyLoader> policies) {
        this.scanner = scanner;
        this.policies = policies;
    }

    @Override
    public Integer call() throws InterruptedException {
        TlsTarget endpoint;
        try {
            endpoint = TlsTarget.parse(target);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid HOST:PORT: " + e.getMessage());
        }
        if (parallel < 1 || parallel > 64) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--parallel': "
                    + parallel + " is not between 1 and 64");
        }
        if (timeout < 1 || timeout > 600_000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid value for option '--timeout': "
                    + timeout + " is not between 1 and 600000 ms");
        }
        TlsScanOptions options = new TlsScanOptions(parallel, timeout, timeout, loadPolicy());
        TlsScanResult result;
        try {
            result = scanner.get().scan(endpoint, options, TlsScanListener.NONE, TlsScanCancellation.NONE);
        } catch (TlsScanException e) {
            throw new InputException(e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? TlsScanJson.toJson(result) + System.lineSeparator() : TlsScanTable.render(result));
        out.flush();
        return result.failed() ? Fr3Command.EXIT_FAILED : 0;
    }

    private TlsPolicy loadPolicy() {
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
