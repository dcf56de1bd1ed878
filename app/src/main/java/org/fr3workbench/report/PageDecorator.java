package org.fr3workbench.report;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDPage;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.TextStyle;
import org.fr3workbench.report.layout.Theme;

/** Headers (title, assessment id) and footers (generator, "Page x of y") on every page but the cover's header. */
final class PageDecorator {

    private PageDecorator() {
    }

    static void decorate(PageFlow flow, String headerLeft, String assessmentId, String footerLeft, Runnable perPage)
            throws IOException {
        List<PDPage> pages = flow.pages();
        int total = pages.size();
        TextStyle style = new TextStyle(flow.fonts().regular(), 7.5f, Theme.MUTED);
        String left = style.fit(flow.fonts().printable(style.font(), headerLeft), flow.width() * 0.62f);
        String right = flow.fonts().printable(style.font(), "Assessment " + assessmentId);
        String footer = flow.fonts().printable(style.font(), footerLeft);
        float headerY = PageFlow.PAGE.getHeight() - 40f;
        float footerY = 36f;
        for (int i = 0; i < total; i++) {
            perPage.run();
            flow.reopen(pages.get(i), PageFlow.top());
            if (i > 0) {
                flow.text(flow.left(), headerY, left, style);
                flow.textRight(flow.right(), headerY, style.fit(right, flow.width() * 0.36f), style);
                flow.rule(flow.left(), headerY - 6, flow.right(), 0.4f, Theme.RULE);
            }
            flow.rule(flow.left(), footerY + 11, flow.right(), 0.4f, Theme.RULE);
            flow.text(flow.left(), footerY, footer, style);
            flow.textRight(flow.right(), footerY, "Page " + (i + 1) + " of " + total, style);
        }
    }

}
