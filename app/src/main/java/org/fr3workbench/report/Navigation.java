package org.fr3workbench.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.fr3workbench.report.layout.Anchor;
import org.fr3workbench.report.layout.PageFlow;
import org.fr3workbench.report.layout.TextStyle;
import org.fr3workbench.report.layout.Theme;

/**
 * Sections and their places: the table of contents (on pages reserved before the body is laid out
 * and filled in afterwards), the bookmarks, and links from tables to sections.
 */
final class Navigation {

    private static final float ROW = 15f;
    private static final float CHILD_ROW = 13f;
    private static final float TITLE_SPACE = 48f;

    /** A section: its key for links, title, level (0 or 1) and where it starts. */
    record Entry(String key, String number, String title, int level, Anchor anchor) {
    }

    private record PendingLink(PDPage page, PDRectangle rect, String key) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byKey = new HashMap<>();
    private final List<PendingLink> links = new ArrayList<>();
    private final List<PDPage> tocPages = new ArrayList<>();
    private Anchor coverAnchor;
    private Anchor tocAnchor;

    /** Reserves enough empty pages for a contents list of {@code expectedEntries} lines. */
    void reserve(PageFlow flow, int expectedEntries, Anchor cover) throws IOException {
        this.coverAnchor = cover;
        float needed = TITLE_SPACE + expectedEntries * ROW;
        int pages = Math.max(1, (int) Math.ceil(needed / PageFlow.pageHeight()));
        for (int i = 0; i < pages; i++) {
            flow.newPage();
            if (i == 0) {
                tocAnchor = flow.anchor();
            }
            tocPages.add(flow.page());
        }
    }

    void section(String key, String number, String title, int level, Anchor anchor) {
        Entry e = new Entry(key, number, title, level, anchor);
        entries.add(e);
        byKey.put(key, e);
    }

    /** A link from an area of a page to a section, resolved in {@link #finish}. */
    void link(PDPage page, PDRectangle rect, String key) {
        links.add(new PendingLink(page, rect, key));
    }

    void finish(PageFlow flow) throws IOException {
        fillToc(flow);
        for (PendingLink link : links) {
            Entry target = byKey.get(link.key());
            if (target != null) {
                addLink(link.page(), link.rect(), target.anchor());
            }
        }
        outline(flow);
    }

    private void fillToc(PageFlow flow) throws IOException {
        Theme theme = flow.theme();
        int pageNo = 0;
        flow.reopen(tocPages.get(pageNo), PageFlow.top());
        flow.paragraph("Contents", theme.h1());
        flow.gap(TITLE_SPACE - theme.h1().leading());
        TextStyle top = theme.bodyBold();
        TextStyle child = theme.body();
        for (Entry e : entries) {
            float row = e.level() == 0 ? ROW : CHILD_ROW;
            if (flow.remaining() < row && pageNo + 1 < tocPages.size()) {
                flow.reopen(tocPages.get(++pageNo), PageFlow.top());
            }
            TextStyle style = e.level() == 0 ? top : child;
            float indent = e.level() == 0 ? 0 : 28;
            float baseline = flow.y() - style.ascent();
            if (e.level() == 0) {
                flow.gap(3);
                baseline -= 3;
            }
            String number = flow.fonts().printable(style.font(), e.number());
            flow.text(flow.left() + indent, baseline, number, style);
            String page = Integer.toString(e.anchor().pageIndex() + 1);
            float pageX = flow.right();
            flow.textRight(pageX, baseline, page, style);
            float titleX = flow.left() + indent + (e.level() == 0 ? 24 : 52);
            float maxTitle = pageX - style.width(page) - 16 - titleX;
            String title = style.fit(flow.fonts().printable(style.font(), e.title()), maxTitle);
            flow.text(titleX, baseline, title, style);
            float dotsFrom = titleX + style.width(title) + 6;
            float dotsTo = pageX - style.width(page) - 6;
            TextStyle dots = theme.small();
            StringBuilder leader = new StringBuilder();
            while (dots.width(leader + " .") < dotsTo - dotsFrom) {
                leader.append(" .");
            }
            flow.textRight(dotsTo, baseline, leader.toString(), dots);
            addLink(flow.page(), new PDRectangle(flow.left(), baseline - 4, flow.width(), row), e.anchor());
            flow.moveTo(flow.y() - row);
        }
    }


    private static void addLink(PDPage page, PDRectangle rect, Anchor target) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(rect);
        link.setPrinted(true);
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(0);
        link.setBorderStyle(border);
        PDActionGoTo action = new PDActionGoTo();
        action.setDestination(destination(target));
        link.setAction(action);
        page.getAnnotations().add(link);
    }

    private static PDPageXYZDestination destination(Anchor anchor) {
        PDPageXYZDestination d = new PDPageXYZDestination();
        d.setPage(anchor.page());
        d.setTop((int) anchor.top());
        d.setLeft(0);
        return d;
    }

    private void outline(PageFlow flow) {
        PDDocumentOutline outline = new PDDocumentOutline();
        outline.addLast(item("Cover", coverAnchor));
        outline.addLast(item("Contents", tocAnchor));
        PDOutlineItem parent = null;
        for (Entry e : entries) {
            PDOutlineItem item = item((e.number() + "  " + e.title()).trim(), e.anchor());
            if (e.level() == 0 || parent == null) {
                outline.addLast(item);
                parent = item;
            } else {
                parent.addLast(item);
            }
        }
        flow.document().getDocumentCatalog().setDocumentOutline(outline);
    }

    private static PDOutlineItem item(String title, Anchor anchor) {
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination(anchor));
        return item;
    }
}
