package org.fr3workbench.report.verify;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of verifying a dossier.
 *
 * @param file        the file checked
 * @param checks      every check with its result, in the order run
 * @param signatures  the signatures and document time-stamps, in file order
 * @param journalHead the journal head recorded in the dossier's manifest, if any
 * @param evidence    number of evidence items in the manifest
 */
public record VerificationResult(Path file, List<Check> checks, List<SignatureReport> signatures,
                                 Optional<String> journalHead, int evidence) {

    public VerificationResult {
        checks = List.copyOf(checks);
        signatures = List.copyOf(signatures);
    }

    /** Valid when every check passed. */
    public boolean valid() {
        return checks.stream().allMatch(Check::passed);
    }

    public List<Check> failures() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
