package org.fr3workbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.report.verify.Check;
import org.fr3workbench.report.verify.DossierVerifier;
import org.fr3workbench.report.verify.NotAPdfException;
import org.fr3workbench.report.verify.SignatureReport;
import org.fr3workbench.report.verify.VerificationJson;
import org.fr3workbench.report.verify.VerificationResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 verify-dossier DOSSIER.pdf [--journal-head HASH] [--json]}: checks a dossier's signature,
 * coverage, evidence attachments, pictures and journal head. {@link #verify} is the entry point for a
 * dispatcher that picks the verifier by file type.
 */
@Command(name = "verify-dossier", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Verify a signed dossier PDF: signature valid and covering the whole file, every evidence",
            "attachment matching its SHA-256 in the manifest, every picture the recorded image, the journal head."})
public final class VerifyDossierCommand implements Callable<Integer> {

    private final Supplier<DossierVerifier> verifier;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOSSIER.pdf", description = "The dossier to verify.")
    private Path file;

    @Option(names = "--journal-head", paramLabel = "HASH",
            description = "Expected journal head (hex SHA-256) of the assessment file the dossier was made from.")
    private String journalHead;

    @Option(names = "--json", description = "Print JSON (fields in docs/dossier.md).")
    private boolean json;

    public VerifyDossierCommand(Supplier<DossierVerifier> verifier) {
        this.verifier = verifier;
    }

    @Override
    public Integer call() {
        return verify(file, Optional.ofNullable(journalHead), json, spec.commandLine().getOut());
    }

    /** Verifies and prints; returns 0 valid, 1 invalid; throws {@link InputException} (exit 2) for a non-PDF. */
    public int verify(Path pdf, Optional<String> expectedJournalHead, boolean asJson, PrintWriter out) {
        VerificationResult result;
        try {
            result = verifier.get().verify(pdf, expectedJournalHead);
        } catch (NotAPdfException e) {
            throw new InputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException("cannot read " + pdf + ": " + e.getMessage(), e);
        }
        if (asJson) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(VerificationJson.toMap(result)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            print(result, out);
        }
        out.flush();
        return result.valid() ? 0 : Fr3Command.EXIT_FAILED;
    }

    static void print(VerificationResult result, PrintWriter out) {
        out.println(result.file() + ": " + (result.valid() ? "VALID" : "INVALID"));
        for (Check c : result.checks()) {
            out.printf("  %-4s %-12s %s%n", c.passed() ? "ok" : "FAIL", c.name(), c.message());
        }
        for (SignatureReport s : result.signatures()) {
            out.println("Signature '" + s.field() + "' (" + s.subFilter() + ", " + s.level() + ")");
            s.claimedTime().ifPresent(t -> out.println("  signing time (claimed): " + t));
            s.timeStamp().ifPresent(t -> out.println("  time-stamp: " + t));
            s.signer().ifPresent(c -> {
                out.println("  subject:  " + c.subject());
                out.println("  issuer:   " + c.issuer() + (c.selfSigned() ? "  (self-signed: identity not confirmed by a CA)" : ""));
                out.println("  serial:   " + c.serial());
                out.println("  valid:    " + c.notBefore() + " to " + c.notAfter());
                out.println("  SHA-256:  " + c.sha256());
            });
        }
        result.journalHead().ifPresent(h -> out.println("Journal head: " + h));
        out.println("Evidence items: " + result.evidence());
    }
}
