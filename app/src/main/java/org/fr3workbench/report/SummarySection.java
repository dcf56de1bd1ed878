package org.fr3workbench.report;

import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.Table;
import org.fr3workbench.report.layout.TextStyle;
import org.fr3workbench.report.layout.Theme;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.RequirementRecord;
import org.fr3workbench.report.model.VerdictKind;

/** Section 1: counts per verdict and one table row per requirement, linked to its section. */
final class SummarySection {

    private SummarySection() {
    }

    static void draw(PageFlow flow, Navigation nav, DossierInput input) throws IOException {
        Theme theme = flow.theme();
        flow.newPage();
        nav.section("summary", "1", "Summary of verdicts", 0, flow.anchor());
        flow.paragraph("1  Summary of verdicts", theme.h1());
        flow.gap(6);
        Map<VerdictKind, Integer> counts = new EnumMap<>(VerdictKind.class);
        for (RequirementRecord r : input.requirements()) {
            counts.merge(r.verdict().kind(), 1, Integer::sum);
        }
        flow.paragraph("The assessor decided on each of the " + input.requirements().size() + " requirements below. "
                + "A step's outcome is a suggestion; the verdict is the assessor's, recorded with name and time. "
                + "SL-C(FR 3) is computed from the verdicts and the level table.", theme.body());
        flow.gap(10);
        tiles(flow, counts);
        flow.gap(14);
        Table table = new Table(flow, new float[] {0.17f, 0.45f, 0.07f, 0.15f, 0.16f}, true);
        table.header("Requirement", "Title", "SL", "CIP position", "Verdict");
        TextStyle cell = theme.cell();
        for (RequirementRecord r : input.requirements()) {
            VerdictKind kind = r.verdict().kind();
            float top = table.row(List.of(
                    Table.Cell.of(r.id(), theme.smallBold().withColor(Theme.INK)),
                    Table.Cell.of(r.requirement().title(), cell),
                    Table.Cell.of(r.requirement().minLevel().map(SecurityLevel::number).map(String::valueOf).orElse("\u2013"), cell),
                    Table.Cell.of(r.requirement().cipPosition().label(), cell),
                    Table.Cell.of(kind.label(), theme.smallBold().withColor(Format.color(kind)))));
            nav.link(flow.page(), new PDRectangle(flow.left(), flow.y(), flow.width(), top - flow.y()), "req:" + r.id());
        }
    }

    private static void tiles(PageFlow flow, Map<VerdictKind, Integer> counts) throws IOException {
        float gap = 8f;
        float w = (flow.width() - 3 * gap) / 4;
        float h = 46f;
        float top = flow.y();
        float x = flow.left();
        TextStyle number = new TextStyle(flow.fonts().bold(), 18f, Theme.INK);
        for (VerdictKind kind : VerdictKind.values()) {
            flow.fill(x, top - h, w, h, Theme.ZEBRA);
            flow.fill(x, top - h, 4f, h, Format.color(kind));
            flow.text(x + 12, top - 24, String.valueOf(counts.getOrDefault(kind, 0)), number.withColor(Format.color(kind)));
            flow.text(x + 12, top - 38, kind.label(), flow.theme().label());
            x += w + gap;
        }
        flow.moveTo(top - h);
    }
}
