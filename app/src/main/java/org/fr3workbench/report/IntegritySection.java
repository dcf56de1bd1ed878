package org.fr3workbench.report;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.Table;
import org.fr3workbench.report.layout.TextStyle;
import org.fr3workbench.report.layout.Theme;
import org.fr3workbench.report.model.DossierInput;

/** The last section: the journal head, the manifest's hash, how to verify, and the signature's place. */
final class IntegritySection {

    static final float BOX_WIDTH = 300f;
    static final float BOX_HEIGHT = 92f;

    private IntegritySection() {
    }

    static Optional<SignatureBox> draw(PageFlow flow, Navigation nav, String number, DossierInput input,
                                       String manifestSha256, boolean signed, String notice) throws IOException {
        Theme theme = flow.theme();
        flow.newPage();
        nav.section("integrity", number, "Integrity and signature", 0, flow.anchor());
        flow.paragraph(number + "  Integrity and signature", theme.h1());
        flow.gap(8);
        Table table = new Table(flow, new float[] {0.28f, 0.72f}, false);
        TextStyle key = theme.label();
        TextStyle mono = new TextStyle(flow.fonts().mono(), 8f, Theme.INK);
        table.row(List.of(Table.Cell.of("Journal head (SHA-256)", key), Table.Cell.of(input.journalHead(), mono)));
        table.row(List.of(Table.Cell.of(Manifest.FILE_NAME + " (SHA-256)", key), Table.Cell.of(manifestSha256, mono)));
        table.row(List.of(Table.Cell.of("Assessment id", key), Table.Cell.of(input.assessment().assessmentId(), theme.body())));
        flow.gap(12);
        RequirementSection.subheading(flow, "How to check this dossier");
        flow.paragraph("The journal head is the hash of the newest entry of the assessment file's hash-chained journal. "
                + "Any later change to the assessment file changes it: compare it with the file you hold "
                + "('fr3 verify-dossier DOSSIER.pdf --journal-head HASH').", theme.body());
        flow.gap(4);
        flow.paragraph("Each attachment must hash to its SHA-256 in the manifest, and each picture in the body must be the "
                + "image data of its attached source file. 'fr3 verify-dossier' checks both, together with the signature.",
                theme.body());
        flow.gap(4);
        flow.paragraph(signed
                ? "The signature (PAdES, CAdES detached) covers the whole file except the signature value itself. Any change "
                  + "after signing, also an appended update, shows as a broken or partial signature in 'pdfsig' and in "
                  + "PDF viewers."
                : "This dossier is not signed.", theme.body());
        flow.gap(18);
        if (!signed) {
            return Optional.empty();
        }
        RequirementSection.subheading(flow, "Signature of the assessor");
        if (!notice.isBlank()) {
            flow.paragraph(notice, new TextStyle(flow.fonts().bold(), 9.5f, Theme.RED, 12f));
            flow.gap(6);
        }
        flow.ensure(BOX_HEIGHT + 10);
        float top = flow.y();
        PDRectangle rect = new PDRectangle(flow.left(), top - BOX_HEIGHT, BOX_WIDTH, BOX_HEIGHT);
        int pageIndex = flow.anchor().pageIndex();
        flow.moveTo(top - BOX_HEIGHT - 10);
        return Optional.of(new SignatureBox(pageIndex, rect));
    }
}
