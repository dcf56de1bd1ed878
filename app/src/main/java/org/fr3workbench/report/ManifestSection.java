package org.fr3workbench.report;

import java.io.IOException;
import java.util.List;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.Table;
import org.fr3workbench.report.layout.TextStyle;
import org.fr3workbench.report.layout.Theme;
import org.fr3workbench.report.model.EvidenceItem;

/** The evidence manifest: every item with kind, name, capture time, size and SHA-256. */
final class ManifestSection {

    private ManifestSection() {
    }

    static void draw(PageFlow flow, Navigation nav, String number, List<Manifest.Entry> entries) throws IOException {
        Theme theme = flow.theme();
        flow.newPage();
        nav.section("manifest", number, "Evidence manifest", 0, flow.anchor());
        flow.paragraph(number + "  Evidence manifest", theme.h1());
        flow.gap(6);
        flow.paragraph("Every evidence item is embedded in this PDF as an associated file (PDF/A-3, relationship Source) "
                + "under the name shown. The SHA-256 was taken at capture and checked again when the dossier was made; "
                + "the same list is attached as " + Manifest.FILE_NAME + " for programs.", theme.body());
        flow.gap(10);
        Table table = new Table(flow, new float[] {0.09f, 0.11f, 0.27f, 0.13f, 0.08f, 0.32f}, true);
        table.header("ID", "Kind", "Name", "Captured", "Size", "SHA-256");
        TextStyle cell = theme.cell();
        TextStyle small = new TextStyle(flow.fonts().regular(), 7.5f, Theme.INK);
        TextStyle hash = new TextStyle(flow.fonts().mono(), 7f, Theme.INK, 8.8f);
        for (Manifest.Entry entry : entries) {
            EvidenceItem item = entry.item();
            String name = item.name() + (item.caption().isBlank() ? "" : "\n" + item.caption());
            table.row(List.of(Table.Cell.of(item.id(), theme.smallBold().withColor(Theme.INK)),
                    Table.Cell.of(item.kind().label(), cell),
                    Table.Cell.of(name, small),
                    Table.Cell.of(Format.time(item.capturedAt()), small),
                    Table.Cell.of(Format.size(item.size()), small),
                    Table.Cell.of(Format.hashTwoLines(item.sha256()), hash)));
        }
        if (entries.isEmpty()) {
            flow.paragraph("No evidence was recorded.", theme.caption());
        }
    }
}
