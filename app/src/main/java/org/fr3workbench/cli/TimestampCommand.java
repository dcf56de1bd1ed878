package org.fr3workbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.report.CancellationToken;
import org.fr3workbench.report.DossierTimeStamping;
import org.fr3workbench.report.ProgressListener;
import org.fr3workbench.report.verify.NotAPdfException;
import org.fr3workbench.report.verify.SignatureReport;
import org.fr3workbench.report.verify.VerificationJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code fr3 timestamp DOSSIER.pdf --tsa URL [--out OUT.pdf] [--json]}: adds an RFC 3161 document
 * time-stamp to a signed dossier that verifies, as an incremental update.
 */
@Command(name = "timestamp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add a document time-stamp (RFC 3161, /SubFilter ETSI.RFC3161, PAdES B-LTA style) to a signed "
            + "dossier, as an incremental update: the assessor's signature stays valid and the time-stamp proves that the "
            + "dossier existed, unchanged, at the time-stamp's time. The dossier is verified before and after.",
            "Exit 0: time-stamped and verified; 1: the dossier does not verify or is not signed (nothing written); "
            + "2: bad input or the time-stamp server failed (nothing written)."})
final class TimestampCommand implements Callable<Integer> {

    private final Supplier<DossierTimeStamping> stamping;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOSSIER.pdf", description = "The signed dossier.")
    private Path file;

    @Option(names = "--tsa", paramLabel = "URL", required = true, description = "RFC 3161 time-stamp authority (HTTP).")
    private URI tsa;

    @Option(names = "--out", paramLabel = "OUT.pdf",
            description = "Write the time-stamped dossier here (default: replace DOSSIER.pdf once the result verifies).")
    private Path out;

    @Option(names = "--json", description = "Print JSON (fields in docs/dossier.md).")
    private boolean json;

    TimestampCommand(Supplier<DossierTimeStamping> stamping) {
        this.stamping = stamping;
    }

    @Override
    public Integer call() {
        if (tsa.getScheme() == null || !tsa.getScheme().matches("(?i)https?") || tsa.getHost() == null) {
            throw new InputException("--tsa " + tsa + " is not an http(s) URL");
        }
        Path target = out != null ? out : file;
        PrintWriter stdout = spec.commandLine().getOut();
        DossierTimeStamping.Outcome outcome;
        try {
            outcome = stamping.get().add(file, target, tsa, ProgressListener.NONE, CancellationToken.NONE);
        } catch (DossierTimeStamping.NotIntactException e) {
            spec.commandLine().getErr().println("fr3: " + e.getMessage());
            return Fr3Command.EXIT_FAILED;
        } catch (NotAPdfException e) {
            throw new InputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(e.getMessage() + " (nothing was written)", e);
        }
        SignatureReport stamp = outcome.timeStamp();
        String time = stamp.timeStamp().map(Object::toString).orElse("unknown");
        String authority = stamp.signer().map(SignatureReport.CertificateInfo::subject).orElse("unknown");
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("file", target.toString());
            root.put("source", file.toString());
            root.put("field", stamp.field());
            root.put("time", time);
            root.put("tsa", authority);
            root.put("tsaUrl", tsa.toString());
            root.put("verification", VerificationJson.toMap(outcome.verification()));
            try {
                stdout.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            stdout.printf("Document time-stamp '%s' added to %s: %s by %s; the dossier verifies (%d signatures)%n",
                    stamp.field(), target, time, authority, outcome.verification().signatures().size());
        }
        stdout.flush();
        return 0;
    }
}
