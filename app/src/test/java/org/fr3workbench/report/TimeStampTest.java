package org.fr3workbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.fr3workbench.report.sign.DocumentTimeStamper;
import org.fr3workbench.report.verify.VerificationResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PAdES B-T and a later document time-stamp, against a real RFC 3161 server on 127.0.0.1. */
@Tag("peer")
class TimeStampTest {

    @TempDir
    Path dir;

    @Test
    void signatureTimeStampAndLaterDocumentTimeStampVerify() throws Exception {
        try (LocalTimeStampAuthority tsa = new LocalTimeStampAuthority()) {
            Path pdf = dir.resolve("bt.pdf");
            DossierFixture.export(SampleDossier.create(), pdf, Optional.of(DossierFixture.request(DossierFixture.key(dir),
                    Optional.of(tsa.url()))));
            VerificationResult bt = DossierSignatureTest.verify(pdf);
            assertThat(bt.valid()).as(bt.failures().toString()).isTrue();
            assertThat(bt.signatures()).singleElement().satisfies(s -> {
                assertThat(s.level()).isEqualTo("B-T");
                assertThat(s.timeStamp()).isPresent();
            });
            assertThat(DossierSignatureTest.pdfsig(pdf)).contains("Signature is Valid.").contains("Total document signed");

            Path stamped = dir.resolve("stamped.pdf");
            new DocumentTimeStamper().stamp(pdf, stamped, tsa.url());
            VerificationResult later = DossierSignatureTest.verify(stamped);
            assertThat(later.valid()).as(later.failures().toString()).isTrue();
            assertThat(later.signatures()).extracting(s -> s.level()).containsExactly("B-T", "document time-stamp");
            assertThat(later.checks()).anySatisfy(c -> assertThat(c.name()).isEqualTo("revisions"));
            assertThat(tsa.requests()).isEqualTo(2);
            String pdfsig = DossierSignatureTest.pdfsig(stamped);
            // poppler 22 reads but cannot validate RFC 3161 document time-stamps ("Unimplemented Feature")
            assertThat(pdfsig).contains("Signature is Valid.").contains("Signature #2").contains("FR3 test TSA")
                    .contains("Total document signed").doesNotContain("Digest Mismatch");

            Path tampered = dir.resolve("tampered-after-stamp.pdf");
            Tampering.appendUpdate(stamped, tampered);
            assertThat(DossierSignatureTest.verify(tampered).valid()).isFalse();
        }
    }

    @Test
    void anUnreachableTimeStampServerFailsTheExportAndWritesNothing() throws Exception {
        Path pdf = dir.resolve("none.pdf");
        var request = DossierFixture.request(DossierFixture.key(dir), Optional.of(java.net.URI.create("http://127.0.0.1:9/tsa")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DossierFixture.export(SampleDossier.create(), pdf,
                Optional.of(request))).hasMessageContaining("time-stamp server").hasMessageContaining("127.0.0.1:9");
        assertThat(pdf).doesNotExist();
        assertThat(dir).isDirectoryNotContaining("glob:**.part");
    }
}
