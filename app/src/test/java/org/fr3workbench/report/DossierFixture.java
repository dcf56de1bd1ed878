package org.fr3workbench.report;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.report.sign.SigningRequest;

/** Makes a key and signed sample dossiers in a directory. */
final class DossierFixture {

    static final char[] PASSWORD = "correct horse".toCharArray();
    static final Instant GENERATED = Instant.now().minusSeconds(60);

    private DossierFixture() {
    }

    static Path key(Path dir) throws IOException {
        Path p12 = dir.resolve("assessor.p12");
        new SelfSignedCertificates().create(p12, PASSWORD, "Dana Assessor", "Example Test Lab GmbH", Duration.ofDays(30), 2048);
        return p12;
    }

    static SigningRequest request(Path p12, Optional<URI> tsa) {
        return new SigningRequest(p12, PASSWORD.clone(), Optional.empty(), "Assessment dossier issued by the assessor",
                "Test lab", tsa);
    }

    static DossierExporter.Result export(DossierInput input, Path out, Optional<SigningRequest> signing) throws IOException {
        ExportOptions options = ExportOptions.unsigned(GENERATED, "FR3 Workbench test");
        if (signing.isPresent()) {
            options = options.withSigning(signing.get());
        }
        return new DossierExporter().export(input, out, options, ProgressListener.NONE, CancellationToken.NONE);
    }
}
