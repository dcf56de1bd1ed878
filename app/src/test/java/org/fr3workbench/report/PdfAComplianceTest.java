package org.fr3workbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** veraPDF, the PDF/A reference validator, on signed and unsigned dossiers. */
class PdfAComplianceTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void initialise() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    @Test
    void signedDossierIsPdfA3b() throws Exception {
        Path pdf = dir.resolve("signed.pdf");
        DossierFixture.export(SampleDossier.create(), pdf, Optional.of(DossierFixture.request(DossierFixture.key(dir),
                Optional.empty())));
        assertCompliant(pdf);
    }

    @Test
    void unsignedDossierWithTheAssessmentFileAttachedIsPdfA3b() throws Exception {
        Path pdf = dir.resolve("unsigned.pdf");
        Path assessment = dir.resolve("acme.fr3");
        Files.write(assessment, new byte[] {'S', 'Q', 'L', 'i', 't', 'e', 0, 1, 2, 3});
        ExportOptions options = ExportOptions.unsigned(DossierFixture.GENERATED, "FR3 Workbench test").withAssessmentFile(assessment);
        new DossierExporter().export(SampleDossier.create(), pdf, options, ProgressListener.NONE, CancellationToken.NONE);
        assertCompliant(pdf);
    }

    static void assertCompliant(Path pdf) throws Exception {
        try (InputStream in = Files.newInputStream(pdf);
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_3_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_3_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(a -> a.getStatus() == TestAssertion.Status.FAILED)
                    .map(a -> a.getRuleId().getClause() + "-" + a.getRuleId().getTestNumber() + ": " + a.getMessage())
                    .distinct().toList();
            assertThat(failures).as("veraPDF PDF/A-3B failures").isEmpty();
            assertThat(result.isCompliant()).isTrue();
            assertThat(result.getPDFAFlavour()).isEqualTo(PDFAFlavour.PDFA_3_B);
        }
    }
}
