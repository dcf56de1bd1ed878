package org.fr3workbench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.Table;
import org.fr3workbench.report.layout.TextStyle;
import org.fr3workbench.report.layout.Theme;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.RequirementRecord;
import org.fr3workbench.report.model.RequirementVerdict;
import org.fr3workbench.report.model.StepRecord;

/** One requirement: CIP position, the assessor's verdict and rationale, the procedure's steps and the evidence. */
final class RequirementSection {

    private RequirementSection() {
    }

    /** Draws the head of the section (heading, facts, verdict, steps) at the top of a fresh page. */
    static void head(PageFlow flow, Navigation nav, String number, RequirementRecord record) throws IOException {
        Theme theme = flow.theme();
        Requirement q = record.requirement();
        nav.section("req:" + q.id(), number, q.id() + "  " + q.title(), 1, flow.anchor());
        verdictPill(flow, record.verdict());
        flow.paragraph(number + "  " + q.id(), theme.h1());
        flow.paragraph(q.title(), theme.h2().withColor(Theme.INK));
        flow.gap(10);

        Table facts = new Table(flow, new float[] {0.24f, 0.76f}, false);
        TextStyle key = theme.label();
        TextStyle value = theme.body();
        facts.row(List.of(Table.Cell.of("Applies to", key), Table.Cell.of(q.componentTypes().stream().map(Enum::name)
                .collect(Collectors.joining(", ")), value)));
        facts.row(List.of(Table.Cell.of("Required from", key), Table.Cell.of(q.minLevel().map(SecurityLevel::toString)
                .orElse("component-specific: assessed through its EDR/HDR/NDR/SAR entries"), value)));
        facts.row(List.of(Table.Cell.of("CIP platform position", key), Table.Cell.of(q.cipPosition().label()
                + (q.cipReason().isBlank() ? "" : " \u2014 " + q.cipReason()), value)));
        if (!q.integratorAction().isBlank()) {
            facts.row(List.of(Table.Cell.of("Integrator action", key), Table.Cell.of(q.integratorAction(), value)));
        }
        if (!q.note().isBlank()) {
            facts.row(List.of(Table.Cell.of("Note", key), Table.Cell.of(q.note(), theme.caption())));
        }
        flow.gap(14);

        subheading(flow, "Verdict and rationale");
        RequirementVerdict v = record.verdict();
        String decided = v.actor().isBlank() ? "No decision recorded."
                : "Decided by " + v.actor() + Format.time(v.decidedAt(), "").transform(t -> t.isBlank() ? "" : " on " + t) + ".";
        flow.paragraph(v.kind().label() + ".  " + decided, theme.bodyBold().withColor(Format.color(v.kind())));
        flow.gap(3);
        flow.paragraph(v.rationale().isBlank() ? "The assessor gave no rationale." : v.rationale(),
                v.rationale().isBlank() ? theme.caption() : theme.body());
        flow.gap(14);

        subheading(flow, "Procedure");
        if (record.steps().isEmpty()) {
            flow.paragraph("No procedure steps were recorded for this requirement.", theme.caption());
        } else {
            Table steps = new Table(flow, new float[] {0.05f, 0.35f, 0.12f, 0.13f, 0.35f}, true);
            steps.header("#", "Step", "Kind", "Outcome", "Reason");
            int i = 1;
            for (StepRecord s : record.steps()) {
                steps.row(List.of(Table.Cell.of(String.valueOf(i++), theme.cell()),
                        Table.Cell.of(s.title(), theme.cell()),
                        Table.Cell.of(JsonExport.token(s.kind().name()), theme.cell()),
                        Table.Cell.of(Format.label(s.outcome()), theme.smallBold().withColor(Format.color(s.outcome()))),
                        Table.Cell.of(s.reason().isBlank() ? "\u2013" : s.reason(), theme.cell())));
            }
        }
        flow.gap(14);
    }

    /** Evidence items in the order of the steps that produced them; items of no known step last. */
    static List<EvidenceItem> ordered(RequirementRecord record, List<EvidenceItem> evidence) {
        List<String> stepOrder = record.steps().stream().map(StepRecord::id).toList();
        List<EvidenceItem> sorted = new ArrayList<>(evidence);
        sorted.sort(Comparator.comparingInt(e -> {
            int i = stepOrder.indexOf(e.stepId());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return sorted;
    }

    static void subheading(PageFlow flow, String title) throws IOException {
        TextStyle h3 = flow.theme().h3();
        flow.ensure(h3.leading() + 30);
        flow.paragraph(title, h3);
        flow.rule(flow.left(), flow.y() + 2, flow.right(), 0.6f, Theme.ACCENT);
        flow.gap(6);
    }

    private static void verdictPill(PageFlow flow, RequirementVerdict verdict) throws IOException {
        TextStyle style = new TextStyle(flow.fonts().bold(), 9f, Theme.WHITE);
        String label = verdict.kind().label().toUpperCase(java.util.Locale.ROOT);
        float w = style.width(label) + 16;
        float h = 17;
        float top = flow.y();
        flow.fill(flow.right() - w, top - h, w, h, Format.color(verdict.kind()));
        flow.text(flow.right() - w + 8, top - 12, label, style);
    }
}
