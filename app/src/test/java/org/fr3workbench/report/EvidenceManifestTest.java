package org.fr3workbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every evidence item is in the manifest and attached with the same SHA-256; altered evidence stops the export. */
class EvidenceManifestTest {

    @TempDir
    Path dir;

    @Test
    void everyEvidenceItemIsAttachedAndListedWithItsSha256() throws Exception {
        DossierInput input = SampleDossier.create();
        Path pdf = dir.resolve("d.pdf");
        DossierFixture.export(input, pdf, Optional.empty());
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            Map<String, PDComplexFileSpecification> files = doc.getDocumentCatalog().getNames().getEmbeddedFiles().getNames();
            JsonNode manifest;
            try (InputStream in = files.get("manifest.json").getEmbeddedFile().createInputStream()) {
                manifest = new ObjectMapper().readTree(in);
            }
            assertThat(manifest.path("journalHead").asText()).isEqualTo(input.journalHead());
            assertThat(manifest.path("evidence")).hasSize(input.evidence().size());
            for (EvidenceItem item : input.evidence()) {
                JsonNode entry = find(manifest, item.id());
                assertThat(entry.path("sha256").asText()).isEqualTo(item.sha256());
                PDComplexFileSpecification spec = files.get(entry.path("attachment").asText());
                assertThat(spec).as("attachment of " + item.id()).isNotNull();
                try (InputStream in = spec.getEmbeddedFile().createInputStream()) {
                    assertThat(HexFormat.of().formatHex(SampleDossier.sha256(in.readAllBytes()))).isEqualTo(item.sha256());
                }
                assertThat(spec.getCOSObject().getNameAsString("AFRelationship")).isEqualTo("Source");
            }
            assertThat(doc.getDocumentCatalog().getCOSObject().getCOSArray(org.apache.pdfbox.cos.COSName.getPDFName("AF")))
                    .hasSize(input.evidence().size() + 1);
        }
    }

    @Test
    void evidenceThatChangedSinceCaptureStopsTheExport() {
        DossierInput input = SampleDossier.create();
        EvidenceItem first = input.evidence().get(0);
        EvidenceItem altered = new EvidenceItem(first.id(), first.kind(), first.name(), first.mediaType(), first.caption(),
                first.capturedAt(), first.sha256(), first.size(), first.requirementId(), first.stepId(),
                () -> new java.io.ByteArrayInputStream("tampered".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        List<EvidenceItem> evidence = new ArrayList<>(input.evidence());
        evidence.set(0, altered);
        Path pdf = dir.resolve("never.pdf");
        assertThatThrownBy(() -> DossierFixture.export(new DossierInput(input.assessment(), input.requirements(), evidence,
                input.journalHead()), pdf, Optional.empty()))
                .isInstanceOf(EvidenceMismatchException.class).hasMessageContaining(first.id())
                .hasMessageContaining("changed since capture");
        assertThat(pdf).doesNotExist();
    }

    @Test
    void cancellingStopsBetweenPagesAndWritesNothing() {
        Path pdf = dir.resolve("cancelled.pdf");
        AtomicInteger calls = new AtomicInteger();
        List<String> phases = new ArrayList<>();
        assertThatThrownBy(() -> new DossierExporter().export(SampleDossier.create(), pdf,
                ExportOptions.unsigned(DossierFixture.GENERATED, "test"), (phase, done, total) -> phases.add(phase),
                () -> calls.incrementAndGet() > 3)).isInstanceOf(ExportCancelledException.class);
        assertThat(pdf).doesNotExist();
        assertThat(dir).isEmptyDirectory();
        assertThat(calls.get()).isEqualTo(4);
    }

    private static JsonNode find(JsonNode manifest, String id) {
        for (JsonNode e : manifest.path("evidence")) {
            if (e.path("id").asText().equals(id)) {
                return e;
            }
        }
        throw new AssertionError(id + " is not in the manifest");
    }
}
