package org.fr3workbench.report;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.Table;
import org.fr3workbench.report.layout.TextStyle;
import org.fr3workbench.report.layout.Theme;
import org.fr3workbench.report.model.AssessmentSummary;
import org.fr3workbench.report.model.DossierInput;

/** The cover: what was assessed, by whom, when, against which level, and the result. */
final class CoverPage {

    private CoverPage() {
    }

    static void draw(PageFlow flow, DossierInput input, Instant generatedAt, boolean signed, String notice) throws IOException {
        AssessmentSummary a = input.assessment();
        Theme theme = flow.theme();
        flow.newPage();
        float pageTop = PageFlow.PAGE.getHeight();
        float band = 150f;
        flow.fill(0, pageTop - band, PageFlow.PAGE.getWidth(), band, Theme.ACCENT);
        TextStyle kicker = new TextStyle(flow.fonts().bold(), 9f, new java.awt.Color(0xC9, 0xD6, 0xE8));
        TextStyle title = new TextStyle(flow.fonts().bold(), 22f, Theme.WHITE);
        TextStyle subtitle = new TextStyle(flow.fonts().regular(), 11f, Theme.WHITE);
        flow.text(flow.left(), pageTop - 52, "ASSESSMENT DOSSIER", kicker);
        flow.text(flow.left(), pageTop - 84, "IEC 62443-4-2  \u00B7  FR 3 System Integrity", title);
        flow.text(flow.left(), pageTop - 108, "Component security assessment of an embedded Linux product", subtitle);
        flow.text(flow.left(), pageTop - 123, "built on the Civil Infrastructure Platform (CIP)", subtitle);

        if (notice.isBlank()) {
            flow.moveTo(pageTop - band - 40);
        } else {
            flow.moveTo(pageTop - band - 14);
            flow.paragraph(notice, new TextStyle(flow.fonts().bold(), 11f, Theme.RED, 14f));
            flow.gap(14);
        }
        TextStyle product = new TextStyle(flow.fonts().bold(), 24f, Theme.INK, 29f);
        flow.paragraph(a.product(), product);
        if (!a.firmware().isBlank()) {
            flow.paragraph("Firmware " + a.firmware(), new TextStyle(flow.fonts().regular(), 13f, Theme.MUTED, 18f));
        }
        flow.gap(18);
        resultBox(flow, a);
        flow.gap(22);

        Table facts = new Table(flow, new float[] {0.3f, 0.7f}, false);
        TextStyle key = theme.label();
        TextStyle value = theme.body();
        row(facts, "Component type", a.componentType().name() + " \u2013 " + a.componentType().description(), key, value);
        row(facts, "Device identity", a.deviceIdentity().isEmpty() ? "\u2013" : String.join("\n", a.deviceIdentity()), key,
                theme.body().withFont(flow.fonts().mono()));
        row(facts, "Assessor", a.assessor(), key, value);
        row(facts, "Organization", a.organization().isBlank() ? "\u2013" : a.organization(), key, value);
        row(facts, "Assessment", Format.time(a.started()) + "  to  " + Format.time(a.finished(), "(in progress)"), key, value);
        row(facts, "Dossier generated", Format.time(generatedAt), key, value);
        row(facts, "Requirement catalog", a.catalogVersion(), key, value);
        row(facts, "Assessment id", a.assessmentId(), key, value);
        row(facts, "Evidence", input.evidence().size() + " item(s), each embedded as an attachment with its SHA-256", key, value);
        row(facts, "Journal head (SHA-256)", input.journalHead(), key, theme.body().withFont(flow.fonts().mono()));

        flow.moveTo(120);
        String signatureNote = signed
                ? "This dossier carries a PAdES digital signature of the assessor over the whole document, including every "
                  + "attached evidence file. Check it with 'fr3 verify-dossier' or any PAdES-capable viewer."
                : "This dossier is NOT signed: nothing in it proves who issued it or that it is unchanged.";
        flow.rule(flow.left(), 126, flow.right(), 0.5f, Theme.RULE);
        flow.paragraph(notice.isBlank() ? signatureNote : signatureNote + " " + notice, theme.small());
    }

    private static void resultBox(PageFlow flow, AssessmentSummary a) throws IOException {
        java.awt.Color color = Format.color(a.result());
        float h = 64f;
        float top = flow.y();
        flow.fill(flow.left(), top - h, 6f, h, color);
        flow.frame(flow.left(), top - h, flow.width(), h, 0.6f, Theme.RULE);
        TextStyle result = new TextStyle(flow.fonts().bold(), 15f, color);
        TextStyle small = flow.theme().label();
        TextStyle big = new TextStyle(flow.fonts().bold(), 18f, Theme.INK);
        float x = flow.left() + 20;
        flow.text(x, top - 20, "OVERALL RESULT", small);
        flow.text(x, top - 44, a.result().label(), result);
        float col = flow.left() + flow.width() * 0.56f;
        flow.text(col, top - 20, "TARGET SL", small);
        flow.text(col, top - 46, "SL " + a.targetSl().number(), big);
        float col2 = flow.left() + flow.width() * 0.78f;
        flow.text(col2, top - 20, "ACHIEVED SL-C(FR 3)", small);
        flow.text(col2, top - 46, a.achievedSlC().map(SecurityLevel::toString).orElse("none"), big);
        flow.moveTo(top - h);
    }

    private static void row(Table table, String key, String value, TextStyle keyStyle, TextStyle valueStyle)
            throws IOException {
        table.row(List.of(Table.Cell.of(key, keyStyle), Table.Cell.of(value, valueStyle)));
    }
}
