package org.fr3workbench.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.App;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.report.AssessmentDossier;
import org.fr3workbench.report.CancellationToken;
import org.fr3workbench.report.DossierExporter;
import org.fr3workbench.report.EvidenceMismatchException;
import org.fr3workbench.report.ExportOptions;
import org.fr3workbench.report.JsonExport;
import org.fr3workbench.report.OscalExport;
import org.fr3workbench.report.ProgressListener;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.sign.SigningRequest;
import org.fr3workbench.store.AssessmentFileException;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 export FILE --pdf OUT.pdf [--sign KEY.p12 --sign-password-env VAR] [--tsa URL]} or
 * {@code --json OUT.json} or {@code --oscal OUT.json}: the dossier of an assessment file. The key's password is read from an
 * environment variable, used in memory and cleared; it is never printed, logged or stored.
 */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Export an assessment as a PDF/A-3 dossier (every evidence item embedded, optionally signed with "
            + "PAdES), as JSON, or as an OSCAL assessment-results document.",
            "Exit 0: written; 1: evidence no longer matches its recorded SHA-256 (nothing written); 2: bad input."})
final class ExportCommand implements Callable<Integer> {

    private final Supplier<AssessmentFiles> files;
    private final Supplier<Catalog> catalog;
    private final java.util.function.UnaryOperator<String> environment;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file (*.fr3).")
    private Path file;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Target target;

    /** One output per run. */
    static final class Target {
        @Option(names = "--pdf", paramLabel = "OUT.pdf", required = true, description = "Write the dossier PDF.")
        Path pdf;
        @Option(names = "--json", paramLabel = "OUT.json", required = true, description = "Write JSON (docs/dossier.md).")
        Path json;
        @Option(names = "--oscal", paramLabel = "OUT.json", required = true,
                description = "Write an OSCAL 1.1.2 assessment-results document (JSON; mapping in docs/dossier.md).")
        Path oscal;

        Path path() {
            return pdf != null ? pdf : json != null ? json : oscal;
        }
    }

    @Option(names = "--sign", paramLabel = "KEY.p12", description = "Sign with this PKCS#12 key (PAdES baseline B).")
    private Path key;

    @Option(names = "--sign-password-env", paramLabel = "VAR",
            description = "Environment variable that holds the key's password (never pass a password as an argument).")
    private String passwordVariable;

    @Option(names = "--tsa", paramLabel = "URL", description = "RFC 3161 time-stamp authority (PAdES baseline B-T).")
    private URI tsa;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "Assessment dossier issued by the assessor",
            description = "The signature's reason (default: ${DEFAULT-VALUE}).")
    private String reason;

    @Option(names = "--location", paramLabel = "TEXT", defaultValue = "", description = "Where it is signed.")
    private String location;

    @Option(names = "--attach-assessment", description = "Also embed the assessment file itself in the PDF.")
    private boolean attachAssessment;

    ExportCommand(Supplier<AssessmentFiles> files, Supplier<Catalog> catalog, java.util.function.UnaryOperator<String> environment) {
        this.files = files;
        this.catalog = catalog;
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (key == null && (passwordVariable != null || tsa != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sign-password-env and --tsa need --sign KEY.p12");
        }
        if (key != null && target.pdf == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--sign applies to --pdf only");
        }
        PrintWriter out = spec.commandLine().getOut();
        try (AssessmentStore store = files.get().open(file, AssessmentFiles.Access.READ_ONLY)) {
            DossierInput input = AssessmentDossier.from(store, catalog.get());
            if (target.json != null) {
                try (OutputStream json = Files.newOutputStream(target.json)) {
                    JsonExport.write(input, json);
                }
                out.printf("JSON written to %s: %d requirements, %d evidence items%n", target.json,
                        input.requirements().size(), input.evidence().size());
                out.flush();
                return 0;
            }
            if (target.oscal != null) {
                try (OutputStream oscal = Files.newOutputStream(target.oscal)) {
                    OscalExport.write(input, Instant.now(), "FR3 Workbench " + App.version(), oscal);
                }
                out.printf("OSCAL %s assessment results written to %s: %d findings, %d evidence resources%n",
                        OscalExport.OSCAL_VERSION, target.oscal, input.requirements().size(), input.evidence().size());
                out.flush();
                return 0;
            }
            return exportPdf(store, input, out);
        } catch (AssessmentFileException | StoreException e) {
            throw new InputException(e.getMessage(), e);
        } catch (EvidenceMismatchException e) {
            spec.commandLine().getErr().println("fr3: " + e.getMessage() + " (nothing was written)");
            return Fr3Command.EXIT_FAILED;
        } catch (IOException e) {
            throw new InputException("cannot write " + target.path() + ": " + e.getMessage(), e);
        }
    }

    private int exportPdf(AssessmentStore store, DossierInput input, PrintWriter out) throws IOException {
        ExportOptions options = ExportOptions.unsigned(Instant.now(), "FR3 Workbench " + App.version());
        if (attachAssessment) {
            options = options.withAssessmentFile(store.file());
        }
        char[] password = null;
        try {
            if (key != null) {
                password = password();
                options = options.withSigning(new SigningRequest(key, password, Optional.empty(), reason, location,
                        Optional.ofNullable(tsa)));
            }
            DossierExporter.Result result = new DossierExporter().export(input, target.pdf, options, ProgressListener.NONE,
                    CancellationToken.NONE);
            out.printf("Dossier written to %s: %d pages, %d attachments, %s%n", result.file(), result.pages(),
                    result.attachments(), result.signed() ? "signed" : "not signed");
            out.flush();
            return 0;
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    private char[] password() {
        if (passwordVariable == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--sign needs --sign-password-env VAR naming the environment variable that holds the key's password");
        }
        String value = environment.apply(passwordVariable);
        if (value == null) {
            throw new InputException("the environment variable " + passwordVariable + " is not set");
        }
        return value.toCharArray();
    }
}
