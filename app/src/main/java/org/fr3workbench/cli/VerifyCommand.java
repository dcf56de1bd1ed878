package org.fr3workbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.domain.Discrepancy;
import org.fr3workbench.domain.VerificationReport;
import org.fr3workbench.store.AssessmentFileException;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;
import org.fr3workbench.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 verify FILE.fr3|DOSSIER.pdf [--json]}: exit 0 intact, 1 a discrepancy, 2 not an
 * assessment file or dossier. A PDF is handed to the dossier verifier.
 */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verify an assessment file: its SQLite structure, the journal's hash chain, every record against the "
            + "journal and every evidence item against its SHA-256. The file is never changed.",
            "Or verify a signed dossier (PDF): the signature covers the whole file, every embedded evidence item matches "
            + "its manifest SHA-256, and the journal head matches the assessment file given with --assessment.",
            "Exit 0: intact; 1: a discrepancy (the first one found is named); 2: not an assessment file or dossier."})
final class VerifyCommand implements Callable<Integer> {

    private final Supplier<AssessmentFiles> files;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file (*.fr3) or dossier (*.pdf).")
    private Path file;

    @Option(names = "--assessment", paramLabel = "FILE.fr3",
            description = "For a dossier: the assessment file whose journal head the dossier must carry.")
    private Path assessment;

    private final Supplier<VerifyDossierCommand> dossiers;

    @Option(names = "--json", description = "Print JSON (fields in docs/assessment-file.md).")
    private boolean json;

    VerifyCommand(Supplier<AssessmentFiles> files, Supplier<VerifyDossierCommand> dossiers) {
        this.files = files;
        this.dossiers = dossiers;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        if (isPdf(file)) {
            return dossiers.get().verify(file, expectedJournalHead(), json, out);
        }
        if (assessment != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--assessment applies to a dossier (PDF) only");
        }
        VerificationReport report;
        try (AssessmentStore store = files.get().open(file, AssessmentFiles.Access.READ_ONLY)) {
            report = store.verify(ProgressMonitor.NONE);
        } catch (StoreException e) {
            throw new InputException(e.getMessage(), e);
        } catch (AssessmentFileException e) {
            if (!json) {
                throw new InputException(e.getMessage(), e);
            }
            Map<String, Object> refused = new LinkedHashMap<>();
            refused.put("file", file.toString());
            refused.put("result", "refused");
            refused.put("problem", e.problem().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            refused.put("message", e.getMessage());
            out.println(mapper().writeValueAsString(refused));
            out.flush();
            spec.commandLine().getErr().println("fr3: " + e.getMessage());
            return Fr3Command.EXIT_USAGE;
        }
        if (json) {
            out.println(mapper().writeValueAsString(toMap(report)));
        } else if (report.isClean()) {
            out.printf("OK: %s is intact: %d journal entries chained (head %s); %d evidence items (%d bytes) match their "
                    + "SHA-256; every record matches the journal%n", file, report.journalEntries(), report.journalHead(),
                    report.evidenceItems(), report.evidenceBytes());
        } else {
            List<Discrepancy> all = report.discrepancies();
            out.printf("FAILED: %s: %s%n", file, all.getFirst().message());
            if (all.size() > 1) {
                out.printf("%d more discrepanc%s:%n", all.size() - 1, all.size() == 2 ? "y" : "ies");
                all.stream().skip(1).forEach(d -> out.printf("  %s%n", d.message()));
            }
        }
        out.flush();
        return report.isClean() ? 0 : Fr3Command.EXIT_FAILED;
    }

    private static boolean isPdf(Path candidate) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(candidate)) {
            return java.util.Arrays.equals(in.readNBytes(5), "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private java.util.Optional<String> expectedJournalHead() {
        if (assessment == null) {
            return java.util.Optional.empty();
        }
        try (AssessmentStore store = files.get().open(assessment, AssessmentFiles.Access.READ_ONLY)) {
            return store.journal().head().map(org.fr3workbench.domain.JournalEntry::hash);
        } catch (AssessmentFileException | StoreException e) {
            throw new InputException(assessment + ": " + e.getMessage(), e);
        }
    }

    private Map<String, Object> toMap(VerificationReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("file", file.toString());
        root.put("result", report.isClean() ? "intact" : "discrepancy");
        root.put("firstDiscrepancy", report.first().map(Discrepancy::message).orElse(null));
        root.put("discrepancies", report.discrepancies().stream().map(d -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("check", d.kind().code());
            entry.put("message", d.message());
            return entry;
        }).toList());
        root.put("journalEntries", report.journalEntries());
        root.put("journalHead", report.journalHead());
        root.put("evidenceItems", report.evidenceItems());
        root.put("evidenceBytes", report.evidenceBytes());
        return root;
    }

    private static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
