package org.fr3workbench.report;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.fr3workbench.report.sign.DocumentTimeStamper;
import org.fr3workbench.report.verify.Check;
import org.fr3workbench.report.verify.DossierVerifier;
import org.fr3workbench.report.verify.SignatureReport;
import org.fr3workbench.report.verify.VerificationResult;

/**
 * "Add document time-stamp" to an existing signed dossier (PAdES B-LTA style): verifies the dossier
 * first (a time-stamp must not lend weight to a dossier that no longer verifies), appends an RFC 3161
 * document time-stamp as an incremental update, and verifies the result. Runs on the caller's thread.
 */
public final class DossierTimeStamping {

    /**
     * What was added.
     *
     * @param file         the time-stamped dossier
     * @param timeStamp    the new document time-stamp as the verifier reads it (time, TSA certificate)
     * @param verification the verification of the result
     */
    public record Outcome(Path file, SignatureReport timeStamp, VerificationResult verification) {
    }

    /** The dossier does not verify before or after time-stamping; {@link #result()} says why. */
    public static final class NotIntactException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient VerificationResult result;

        NotIntactException(String message, VerificationResult result) {
            super(message);
            this.result = result;
        }

        public VerificationResult result() {
            return result;
        }
    }

    private final DossierVerifier verifier;
    private final DocumentTimeStamper stamper;

    public DossierTimeStamping(DossierVerifier verifier, DocumentTimeStamper stamper) {
        this.verifier = verifier;
        this.stamper = stamper;
    }

    /**
     * Time-stamps {@code dossier} into {@code target} (may be the same file; written beside it and
     * moved into place only when the result verifies, so a failure changes nothing).
     *
     * @throws NotIntactException when the dossier does not verify (nothing is written)
     * @throws org.fr3workbench.report.verify.NotAPdfException when it is not a PDF
     * @throws org.fr3workbench.report.sign.SigningException when the time-stamp server fails
     */
    public Outcome add(Path dossier, Path target, URI tsa, ProgressListener progress, CancellationToken cancel)
            throws IOException {
        progress.progress("Verifying " + dossier.getFileName(), 0, 3);
        VerificationResult before = verifier.verify(dossier, Optional.empty());
        if (!before.valid()) {
            throw new NotIntactException(dossier + " does not verify, so no time-stamp was added: "
                    + firstFailure(before), before);
        }
        if (before.signatures().isEmpty()) {
            throw new NotIntactException(dossier + " is not signed; sign it when exporting, then time-stamp it", before);
        }
        cancel.check();
        Path part = Files.createTempFile(target.toAbsolutePath().getParent(), ".fr3-timestamp-", ".pdf.part");
        try {
            Files.copy(dossier, part, StandardCopyOption.REPLACE_EXISTING);
            progress.progress("Asking the time-stamp server " + tsa.getHost(), 1, 3);
            stamper.stampInPlace(part, tsa);
            cancel.check();
            progress.progress("Verifying the time-stamped dossier", 2, 3);
            VerificationResult checked = verifier.verify(part, Optional.empty());
            VerificationResult after = new VerificationResult(target, checked.checks(), checked.signatures(),
                    checked.journalHead(), checked.evidence());
            SignatureReport stamp = after.signatures().getLast();
            if (!after.valid() || !DOCUMENT_TIME_STAMP.equals(stamp.level())) {
                throw new NotIntactException("the time-stamped dossier does not verify, so " + target + " was not written: "
                        + firstFailure(after), after);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.progress("Done", 3, 3);
            return new Outcome(target, stamp, after);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static final String DOCUMENT_TIME_STAMP = "document time-stamp";

    private static String firstFailure(VerificationResult result) {
        return result.failures().stream().findFirst().map(Check::message).orElse("no failure named");
    }
}
