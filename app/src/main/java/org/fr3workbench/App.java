package org.fr3workbench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fr3workbench.catalog.CatalogLoader;
import org.fr3workbench.cli.Fr3Command;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.engine.ShellQuoting;
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

    private final CatalogLoader catalogLoader = new CatalogLoader();
    private final SwuInspector swuInspector = new SwuInspector();
    private final AuthenticodeInspector authenticodeInspector = new AuthenticodeInspector();
    private final SecureBootJudge secureBootJudge = new SecureBootJudge();
    private Catalog catalog;
    private UpdateAuthenticityProbe updateAuthenticityProbe;

    /** Runs the command line, or opens the GUI for no arguments and for {@code gui [FILE]}. */
    public int run(String[] args) {
        if (args.length == 0 || args[0].equals("gui")) {
            return openGui(args.length > 1 ? args[1] : null);
        }
        return Fr3Command.execute(this, args);
    }

    /** The bundled requirement catalog, loaded on first use. */
    public synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = catalogLoader.loadBundled();
        }
        return catalog;
    }

    /** Reads SWUpdate images (members, order, CMS signer). */
    public SwuInspector swuInspector() {
        return swuInspector;
    }

    /** Reads Authenticode signatures of EFI binaries. */
    public AuthenticodeInspector authenticodeInspector() {
        return authenticodeInspector;
    }

    /** Judges db/dbx trust of an EFI binary. */
    public SecureBootJudge secureBootJudge() {
        return secureBootJudge;
    }

    /** The update-authenticity probe (EDR/NDR 3.10 RE(1)), with the bundled refusal list and the engine's shell quoting. */
    public synchronized UpdateAuthenticityProbe updateAuthenticityProbe() {
        if (updateAuthenticityProbe == null) {
            updateAuthenticityProbe = new UpdateAuthenticityProbe(RefusalPolicy.loadBundled(), ShellQuoting::quote,
                    java.time.Clock.systemUTC());
        }
        return updateAuthenticityProbe;
    }

    private int openGui(String file) {
        ExecutorService background = Executors.newThreadPerTaskExecutor(
                Thread.ofVirtual().name("fr3-worker-", 0).factory());
        try {
            WorkbenchApplication.launch(new WorkbenchApplication.Services(this::catalog, background), file);
            return 0;
        } finally {
            background.shutdownNow();
        }
    }

    /** The application version from the jar manifest, or "dev" when running from classes. */
    public static String version() {
        String version = App.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
