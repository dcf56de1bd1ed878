package org.fr3workbench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.sign.PadesSigner;
import org.fr3workbench.report.sign.SigningKey;
import org.fr3workbench.report.sign.SigningRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports a dossier: lays it out as PDF/A-3b with every evidence item attached, then signs it
 * (PAdES B-B or B-T) when asked. Runs on the caller's thread; checks the cancellation token between
 * pages and items. The target appears only when everything succeeded (written beside it, then moved).
 */
public final class DossierExporter {

    private static final Logger LOG = LoggerFactory.getLogger(DossierExporter.class);

    /**
     * What an export produced.
     *
     * @param file           the dossier
     * @param pages          its page count
     * @param attachments    evidence items attached
     * @param signed         whether it carries a signature
     * @param manifestSha256 hex SHA-256 of the embedded manifest.json
     */
    public record Result(Path file, int pages, int attachments, boolean signed, String manifestSha256) {
    }

    public Result export(DossierInput input, Path target, ExportOptions options, ProgressListener progress,
                         CancellationToken cancel) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Optional<SigningKey> key = Optional.empty();
        if (options.signing().isPresent()) {
            SigningRequest request = options.signing().get();
            key = Optional.of(SigningKey.load(request.keyStore(), request.password(), request.alias()));
        }
        Path part = Files.createTempFile(dir, ".fr3-dossier-", ".pdf.part");
        try {
            DossierWriter.Written written = new DossierWriter(options, progress, cancel).write(input, part);
            if (key.isPresent()) {
                cancel.check();
                progress.progress("Signing", 0, 1);
                Optional<PadesSigner.Placement> placement = written.signatureBox()
                        .map(b -> new PadesSigner.Placement(b.pageIndex(), b.rect()));
                new PadesSigner().sign(part, key.get(), options.signing().get(), options.generatedAt(), placement);
            }
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Dossier {} written: {} pages, {} evidence items, signed: {}", target, written.pages(),
                    input.evidence().size(), key.isPresent());
            return new Result(target, written.pages(), input.evidence().size(), key.isPresent(), written.manifestSha256());
        } finally {
            Files.deleteIfExists(part);
        }
    }
}
