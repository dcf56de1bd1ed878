package org.fr3workbench.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.fr3workbench.report.layout.Fonts;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.Theme;
import org.fr3workbench.report.model.AssessmentSummary;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.RequirementRecord;
import org.fr3workbench.report.pdf.Attachments;
import org.fr3workbench.report.pdf.PdfA;

/** Lays out and saves an unsigned PDF/A-3b dossier; signing is a separate, incremental step. */
final class DossierWriter {

    /** What was written. */
    record Written(int pages, Optional<SignatureBox> signatureBox, String manifestSha256) {
    }

    private final ExportOptions options;
    private final ProgressListener progress;
    private final CancellationToken cancel;

    DossierWriter(ExportOptions options, ProgressListener progress, CancellationToken cancel) {
        this.options = options;
        this.progress = progress;
        this.cancel = cancel;
    }

    Written write(DossierInput input, Path target) throws IOException {
        AssessmentSummary a = input.assessment();
        boolean signed = options.signing().isPresent();
        int total = input.requirements().size() + input.evidence().size() + 4;
        AtomicInteger done = new AtomicInteger();
        try (PDDocument doc = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
            PdfA.apply(doc, new PdfA.Info("FR 3 assessment dossier: " + a.product() + " " + a.firmware(), a.assessor(),
                    "IEC 62443-4-2 FR 3 System Integrity assessment " + a.assessmentId(), options.generator(),
                    options.generatedAt()));
            Theme theme = new Theme(Fonts.load(doc));
            Attachments attachments = new Attachments(doc);
            Manifest manifest = new Manifest();
            EvidenceEmbedder embedder = new EvidenceEmbedder(doc, attachments, manifest, options.headLines(),
                    options.tailLines());
            Navigation nav = new Navigation();
            Written written;
            try (PageFlow flow = new PageFlow(doc, theme, cancel::check)) {
                CoverPage.draw(flow, input, options.generatedAt(), signed, options.notice());
                nav.reserve(flow, input.requirements().size() + 6, flow.anchor());
                SummarySection.draw(flow, nav, input);
                int n = 1;
                boolean first = true;
                for (RequirementRecord r : input.requirements()) {
                    progress.progress("Laying out " + r.id(), done.incrementAndGet(), total);
                    String number = "2." + n++;
                    flow.newPage();
                    if (first) {
                        nav.section("requirements", "2", "Requirements", 0, flow.anchor());
                        first = false;
                    }
                    RequirementSection.head(flow, nav, number, r);
                    evidence(flow, embedder, RequirementSection.ordered(r, input.evidenceOf(r.id())), done, total);
                }
                List<EvidenceItem> general = general(input);
                int section = 3;
                if (!general.isEmpty()) {
                    flow.newPage();
                    String number = String.valueOf(section++);
                    nav.section("general", number, "Further evidence", 0, flow.anchor());
                    flow.paragraph(number + "  Further evidence", theme.h1());
                    flow.gap(10);
                    evidence(flow, embedder, general, done, total);
                }
                ManifestSection.draw(flow, nav, String.valueOf(section++), manifest.entries());
                progress.progress("Embedding the manifest", done.incrementAndGet(), total);
                if (options.assessmentFile().isPresent()) {
                    Attachments.Attached file = attachAssessmentFile(attachments, options.assessmentFile().get());
                    manifest.assessmentFile(file.fileName(), file.sha256(), file.size());
                }
                byte[] json = manifest.toJson(input, options.generatedAt(), options.generator());
                Attachments.Attached manifestFile = attachments.add(new Attachments.Spec(Manifest.FILE_NAME,
                        "Machine-readable evidence manifest (" + Manifest.FORMAT + " v" + Manifest.VERSION + ")",
                        "application/json", Attachments.Relationship.DATA, options.generatedAt(), options.generatedAt(), true),
                        new ByteArrayInputStream(json), null);
                Optional<SignatureBox> box = IntegritySection.draw(flow, nav, String.valueOf(section), input,
                        manifestFile.sha256(), signed, options.notice());
                attachments.finish();
                nav.finish(flow);
                progress.progress("Headers and footers", done.incrementAndGet(), total);
                PageDecorator.decorate(flow, "FR 3 Assessment Dossier \u2014 " + a.product()
                                + (a.firmware().isBlank() ? "" : " " + a.firmware()), a.assessmentId(),
                        options.generator() + "  \u00B7  generated " + Format.time(options.generatedAt()), cancel::check);
                written = new Written(doc.getNumberOfPages(), box, manifestFile.sha256());
            }
            progress.progress("Saving", done.incrementAndGet(), total);
            cancel.check();
            doc.save(target.toFile());
            return written;
        }
    }

    private void evidence(PageFlow flow, EvidenceEmbedder embedder, List<EvidenceItem> items, AtomicInteger done, int total)
            throws IOException {
        if (items.isEmpty()) {
            return;
        }
        RequirementSection.subheading(flow, "Evidence");
        for (EvidenceItem item : items) {
            cancel.check();
            progress.progress("Embedding " + item.id(), done.incrementAndGet(), total);
            EvidenceView.draw(flow, embedder.embed(item));
        }
    }

    private static List<EvidenceItem> general(DossierInput input) {
        List<String> ids = input.requirements().stream().map(RequirementRecord::id).toList();
        List<EvidenceItem> general = new ArrayList<>();
        for (EvidenceItem e : input.evidence()) {
            if (!ids.contains(e.requirementId())) {
                general.add(e);
            }
        }
        return general;
    }

    private Attachments.Attached attachAssessmentFile(Attachments attachments, Path file) throws IOException {
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        try (InputStream in = Files.newInputStream(file)) {
            return attachments.add(new Attachments.Spec(file.getFileName().toString(), "The assessment file this dossier was made from",
                    "application/vnd.sqlite3", Attachments.Relationship.SOURCE, modified, modified, true), in, null);
        }
    }
}
