package org.fr3workbench.cli;

import java.io.PrintWriter;
import org.fr3workbench.App;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code fr3} command line. Exit codes follow the CLI contract: 0 success, 1 a failed check,
 * 2 bad usage or bad input.
 */
@Command(name = "fr3",
        mixinStandardHelpOptions = true,
        versionProvider = Fr3Command.Version.class,
        description = "FR3 Workbench: assess IEC 62443-4-2 FR 3 (System Integrity) on a device and export a signed dossier.",
        footer = {"", "With no command the workbench window opens.", "Exit codes: 0 ok, 1 a check failed, 2 bad usage or input."},
        sortOptions = false)
public final class Fr3Command implements Runnable {

    /** Exit code for a failed check (verification, policy, step). */
    public static final int EXIT_FAILED = 1;
    /** Exit code for bad usage or bad input. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    /** Builds the command tree; subcommands get their services from the composition root. */
    public static CommandLine commandLine(App app) {
        CommandLine cli = new CommandLine(new Fr3Command());
        cli.addSubcommand("gui", new GuiCommand(app::openGui));
        cli.addSubcommand("catalog", new CommandLine(new CatalogCommand())
                .addSubcommand("list", new CatalogListCommand(app::catalog)));
        cli.addSubcommand("verify-dossier", new VerifyDossierCommand(app::dossierVerifier));
        cli.addSubcommand("new", new NewCommand(app::assessmentFiles, app::catalog));
        cli.addSubcommand("attach", new AttachCommand(app::assessmentFiles, app::catalog));
        cli.addSubcommand("verdict", new VerdictCommand(app::assessmentFiles, app::catalog));
        cli.addSubcommand("status", new StatusCommand(app::assessmentFiles, app::catalog));
        cli.addSubcommand("verify", new VerifyCommand(app::assessmentFiles,
                () -> new VerifyDossierCommand(app::dossierVerifier)));
        cli.addSubcommand("connect", new ConnectCommand(app::assessmentFiles, app::deviceConnections, app::environment));
        cli.addSubcommand("exec", new ExecCommand(app::assessmentFiles, app::deviceConnections, app::environment));
        cli.addSubcommand("run", new RunCommand(app::assessmentFiles, app::catalog, app::procedures, app::probes,
                app::deviceConnections, app::environment));
        cli.addSubcommand("export", new ExportCommand(app::assessmentFiles, app::catalog, app::environment));
        cli.addSubcommand("tls-scan", new TlsScanCommand(app::tlsScanProbe, app::tlsPolicies, app::assessmentFiles,
                app::deviceConnections, app::catalog, app::environment));
        cli.addSubcommand("timestamp", new TimestampCommand(app::dossierTimeStamping));
        cli.addSubcommand("swu-inspect", new SwuInspectCommand(app::swuInspector));
        cli.addSubcommand("sample", new SampleCommand(app::sampleAssessment));
        cli.addSubcommand("efi-sig", new EfiSigCommand(app::authenticodeInspector, app::secureBootJudge));
        // After all subcommands are added, so that they inherit it.
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((exception, commandLine, parseResult) -> {
            if (exception instanceof InputException input) {
                commandLine.getErr().println("fr3: " + input.getMessage());
                return EXIT_USAGE;
            }
            throw exception;
        });
        return cli;
    }

    /** Runs the command line and returns its exit code. */
    public static int execute(App app, String[] args) {
        return commandLine(app).execute(args);
    }

    /** Runs the command line with the given output streams (for tests and embedding). */
    public static int execute(App app, PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(app);
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** Reports the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"FR3 Workbench " + App.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
