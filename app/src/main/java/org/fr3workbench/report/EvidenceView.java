package org.fr3workbench.report;

import java.io.IOException;
import org.fr3workbench.report.layout.CodeBlock;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.TextStyle;
import org.fr3workbench.report.layout.Theme;
import org.fr3workbench.report.model.EvidenceItem;

/** Shows one embedded evidence item in the body: a caption, then the excerpt, the picture or a pointer to the file. */
final class EvidenceView {

    private static final float MAX_IMAGE_HEIGHT = 420f;

    private EvidenceView() {
    }

    static void draw(PageFlow flow, EvidenceEmbedder.Embedded e) throws IOException {
        Theme theme = flow.theme();
        EvidenceItem item = e.item();
        float captionHeight = 34f;
        float contentHint = e.image() != null ? Math.min(MAX_IMAGE_HEIGHT, flow.width() * e.image().getHeight()
                / Math.max(1, e.image().getWidth())) : 4 * theme.mono().leading();
        flow.ensure(captionHeight + Math.min(contentHint, PageFlow.pageHeight() - captionHeight - 10));
        TextStyle title = theme.bodyBold();
        String caption = item.caption().isBlank() ? item.name() : item.caption();
        flow.paragraph(item.id() + "  \u00B7  " + item.kind().label() + "  \u00B7  " + caption, title);
        flow.paragraph(item.name() + "  \u00B7  captured " + Format.seconds(item.capturedAt()) + "  \u00B7  "
                + Format.size(item.size()) + "  \u00B7  " + item.mediaType(), theme.small());
        flow.paragraph("SHA-256 " + item.sha256() + "  \u00B7  attached as " + e.attached().fileName(),
                theme.small().withFont(flow.fonts().mono()));
        flow.gap(4);
        if (e.excerpt() != null) {
            var lines = e.excerpt().lines();
            if (e.excerpt().totalLines() == 0) {
                flow.paragraph("(no output)", theme.caption());
            } else {
                if (e.excerpt().shortened()) {
                    flow.paragraph(String.format("Shortened: %,d lines in total; the first and last lines are shown.",
                            e.excerpt().totalLines()), theme.caption());
                    flow.gap(2);
                }
                CodeBlock.draw(flow, lines);
            }
        } else if (e.image() != null) {
            flow.gap(2);
            flow.image(e.image(), MAX_IMAGE_HEIGHT);
        } else if (e.imageError() != null) {
            flow.paragraph(e.imageError(), theme.caption());
        } else {
            flow.paragraph("Attached file, not shown in the body: open the attachment " + e.attached().fileName() + ".",
                    theme.caption());
        }
        flow.gap(14);
    }
}
