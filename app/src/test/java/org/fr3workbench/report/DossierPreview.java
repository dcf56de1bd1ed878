package org.fr3workbench.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.report.sign.SigningRequest;
import org.slf4j.LoggerFactory;

/** Writes a signed sample dossier for looking at: {@code DossierPreview OUT.pdf}. Not a test. */
public final class DossierPreview {

    private DossierPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/sample-dossier.pdf").toAbsolutePath();
        Path dir = Files.createTempDirectory("fr3-preview");
        Path p12 = dir.resolve("assessor.p12");
        char[] password = "preview".toCharArray();
        new SelfSignedCertificates().create(p12, password, "Dana Assessor", "Example Test Lab GmbH", Duration.ofDays(365), 2048);
        ExportOptions options = ExportOptions.unsigned(Instant.parse("2026-11-21T16:00:00Z"), "FR3 Workbench dev")
                .withSigning(new SigningRequest(p12, password, Optional.empty(), "Assessment dossier issued by the assessor",
                        "Example Test Lab, Berlin", Optional.empty()));
        var result = new DossierExporter().export(SampleDossier.create(), out, options, ProgressListener.NONE,
                CancellationToken.NONE);
        LoggerFactory.getLogger(DossierPreview.class).info("{}", result);
    }
}
