package org.fr3workbench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fr3workbench.catalog.CatalogLoader;
import org.fr3workbench.catalog.ProcedureLoader;
import org.fr3workbench.catalog.TlsPolicyLoader;
import org.fr3workbench.cli.Fr3Command;
import org.fr3workbench.cli.GuiLaunch;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.engine.ProbeRegistry;
import org.fr3workbench.engine.probes.FailedLoginProbe;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.report.DossierTimeStamping;
import org.fr3workbench.report.sign.DocumentTimeStamper;
import org.fr3workbench.report.sample.SampleAssessment;
import org.fr3workbench.report.verify.DossierVerifier;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.probe.tls.CipherSuiteRegistry;
import org.fr3workbench.probe.tls.DirectConnectionFactory;
import org.fr3workbench.probe.tls.TlsNames;
import org.fr3workbench.probe.tls.TlsScanProbe;
import org.fr3workbench.probe.tls.TlsScanner;
import org.fr3workbench.device.ShellQuote;
import org.fr3workbench.probe.boot.AuthenticodeInspector;
import org.fr3workbench.probe.boot.SecureBootJudge;
import org.fr3workbench.probe.update.RefusalPolicy;
import org.fr3workbench.probe.update.SwuInspector;
import org.fr3workbench.probe.update.UpdateAuthenticityProbe;
import org.fr3workbench.ui.WorkbenchApplication;

/**
 * The composition root: builds the services once, by hand, and hands them to the CLI or the GUI.
 * No service locator, no global state.
 */
public final class App {

    // Services below are created on first use: a command pays only for what it needs (start-up, docs/benchmarks.md).
    private AssessmentFiles assessmentFiles;
    private Catalog catalog;
    private CipherSuiteRegistry cipherSuites;
    // The inspectors are made on first use: they load Bouncy Castle, whose signed jars cost start-up time to verify.
    private SwuInspector swuInspector;
    private AuthenticodeInspector authenticodeInspector;
    private SecureBootJudge secureBootJudge;
    private UpdateAuthenticityProbe updateAuthenticityProbe;

    private final java.util.function.UnaryOperator<String> environment;

    /** The application as started from the command line, reading the process environment. */
    public App() {
        this(System::getenv);
    }

    /** The application with another environment (tests pass key passwords this way). */
    public App(java.util.function.UnaryOperator<String> environment) {
        this(environment, null);
    }

    /**
     * The application with another environment and procedure library (tests run procedures built in code);
     * {@code null} means the bundled procedures (catalog.ProcedureLoader).
     */
    public App(java.util.function.UnaryOperator<String> environment,
               java.util.function.Supplier<ProcedureLibrary> procedures) {
        this.environment = environment;
        this.procedures = procedures;
    }

    private final java.util.function.Supplier<ProcedureLibrary> procedures;
    private ProcedureLibrary procedureLibrary;

    /** The procedures of every requirement, loaded on first use. */
    public synchronized ProcedureLibrary procedures() {
        if (procedureLibrary == null) {
            procedureLibrary = procedures == null ? new ProcedureLoader(tlsPolicies()).loadBundled(catalog()) : procedures.get();
        }
        return procedureLibrary;
    }

    /** The probes procedure steps can name. */
    public ProbeRegistry probes() {
        return new ProbeRegistry(java.util.List.of(new FailedLoginProbe(Clock.systemUTC()),
                new org.fr3workbench.engine.probes.TlsScanStepProbe(tlsScanProbe(), name -> tlsPolicies().loadBundled(name)),
                new org.fr3workbench.engine.probes.UpdateAuthenticityStepProbe(updateAuthenticityProbe()),
                new org.fr3workbench.engine.probes.BootConsoleStepProbe(
                        org.fr3workbench.probe.boot.BootConsolePatterns.loadBundled(), Clock.systemUTC())));
    }

    /** Looks up an environment variable, e.g. the one that holds a key's password; {@code null} when unset. */
    public String environment(String name) {
        return environment.apply(name);
    }

    private DeviceConnections deviceConnections;

    /**
     * SSH, serial and local device channels. Output is spooled to a per-user work directory; blocking
     * pipe and terminal reads get platform threads of their own (docs/adr/0033).
     */
    public synchronized DeviceConnections deviceConnections() {
        if (deviceConnections == null) {
            deviceConnections = new DeviceConnections(AppDirectories.dataDirectory().resolve("spool"), Clock.systemUTC(),
                    java.util.concurrent.Executors.newCachedThreadPool(runnable -> {
                        Thread thread = Thread.ofPlatform().name("fr3-device-io-", 0).daemon(true).unstarted(runnable);
                        return thread;
                    }));
        }
        return deviceConnections;
    }

    /** Runs the command line; no arguments (or an assessment file, or {@code gui ...}) open the GUI. */
    public int run(String[] args) {
        java.util.OptionalInt window = GuiLaunch.tryLaunch(this::openGui, args);
        return window.isPresent() ? window.getAsInt() : Fr3Command.execute(this, args.length == 0 ? new String[] {"gui"} : args);
    }

    /** The bundled requirement catalog, loaded on first use. */
    public synchronized Catalog catalog() {
        if (catalog == null) {
            // Created here, not as a field: building its ObjectMapper costs ~0.5 s that commands without
            // the catalog (tls-scan, --version) should not pay.
            catalog = new CatalogLoader().loadBundled();
        }
        return catalog;
    }

    /** Creates and opens assessment files (*.fr3). */
    public synchronized AssessmentFiles assessmentFiles() {
        if (assessmentFiles == null) {
            assessmentFiles = new AssessmentFiles(Clock.systemUTC());
        }
        return assessmentFiles;
    }

    /** Verifies dossier PDFs (signature, coverage, evidence, journal head). */
    public DossierVerifier dossierVerifier() {
        return new DossierVerifier();
    }

    /** Adds document time-stamps to signed dossiers (verifying before and after). */
    public DossierTimeStamping dossierTimeStamping() {
        return new DossierTimeStamping(dossierVerifier(), new DocumentTimeStamper());
    }

    /** The first-run sample: this computer as the target, a dossier signed with a demo key (docs/user-guide.md). */
    public SampleAssessment sampleAssessment() {
        return new SampleAssessment(assessmentFiles(), this::catalog, () -> deviceConnections().local(), Clock.systemUTC(),
                "FR3 Workbench " + version());
    }

    /** The IANA cipher suite registry, loaded on first use. */
    public synchronized CipherSuiteRegistry cipherSuites() {
        if (cipherSuites == null) {
            cipherSuites = CipherSuiteRegistry.bundled();
        }
        return cipherSuites;
    }

    /** A TLS scanner that connects directly from this machine. */
    public TlsScanner tlsScanner() {
        return new TlsScanner(new DirectConnectionFactory(), cipherSuites());
    }

    /** The TLS scan as a probe: direct or through the device, with its evidence items. */
    public TlsScanProbe tlsScanProbe() {
        return new TlsScanProbe(new DirectConnectionFactory(), cipherSuites());
    }

    /** Loads the bundled TLS policies and policy files. */
    public TlsPolicyLoader tlsPolicies() {
        return new TlsPolicyLoader(name -> cipherSuites().byName(name).isPresent(), TlsNames::isKnownGroup);
    }

    /** Reads SWUpdate images (members, order, CMS signer). */
    public synchronized SwuInspector swuInspector() {
        if (swuInspector == null) {
            swuInspector = new SwuInspector();
        }
        return swuInspector;
    }

    /** Reads Authenticode signatures of EFI binaries. */
    public synchronized AuthenticodeInspector authenticodeInspector() {
        if (authenticodeInspector == null) {
            authenticodeInspector = new AuthenticodeInspector();
        }
        return authenticodeInspector;
    }

    /** Judges db/dbx trust of an EFI binary. */
    public synchronized SecureBootJudge secureBootJudge() {
        if (secureBootJudge == null) {
            secureBootJudge = new SecureBootJudge();
        }
        return secureBootJudge;
    }

    /** The update-authenticity probe (EDR/NDR 3.10 RE(1)), with the bundled refusal list and the engine's shell quoting. */
    public synchronized UpdateAuthenticityProbe updateAuthenticityProbe() {
        if (updateAuthenticityProbe == null) {
            updateAuthenticityProbe = new UpdateAuthenticityProbe(RefusalPolicy.loadBundled(), ShellQuote::quote,
                    java.time.Clock.systemUTC());
        }
        return updateAuthenticityProbe;
    }

    /**
     * Opens the workbench window and blocks until it closes.
     *
     * @param file      an assessment file to open, or {@code null}
     * @param smokeTest close right after the first frame
     * @return the milestones of the start (time since the JVM started), the last one the window's first frame
     */
    public java.util.SequencedMap<String, java.time.Duration> openGui(Path file, boolean smokeTest) {
        org.fr3workbench.ui.StartupTrace trace = new org.fr3workbench.ui.StartupTrace();
        trace.mark("window requested");
        ExecutorService background = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("fr3-worker-", 0).factory());
        // While the JavaFX toolkit starts on its own thread, the logging configuration and the catalog (YAML) load
        // here in parallel. Nothing on this thread touches a logger before the toolkit is requested: the first
        // caller would configure logging itself and hold the toolkit back (about 0.2 s, docs/benchmarks.md).
        background.execute(() -> {
            if (CompilerThreads.yieldToStart() > 0) {
                trace.mark("compiler yields");
            }
            org.slf4j.LoggerFactory.getILoggerFactory();
            trace.mark("logging configured");
            catalog();
            trace.mark("catalog loaded");
        });
        try {
            WorkbenchApplication.launch(() -> new WorkbenchApplication.Services(this::catalog, background, assessmentFiles(),
                    new org.fr3workbench.ui.tls.TlsScanServices(this::tlsScanProbe, this::tlsPolicies), this::sampleAssessment,
                    this::deviceConnections, this::procedures, this::stepService),
                    file, smokeTest, trace);
            return trace.marks();
        } finally {
            background.shutdownNow();
        }
    }

    /** The GUI's step engine for an open assessment: the laptop is this machine, the device the window's connection. */
    public org.fr3workbench.ui.steps.StepService stepService(org.fr3workbench.store.AssessmentStore store,
                                                              org.fr3workbench.ui.steps.DeviceSession device) {
        return new org.fr3workbench.ui.steps.EngineStepService(new org.fr3workbench.engine.StepRunner(store,
                probes(), Clock.systemUTC()), this::procedures,
                deviceConnections().local(), device::current, store);
    }

    /** The application version from the jar manifest, or "dev" when running from classes. */
    public static String version() {
        String version = App.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
