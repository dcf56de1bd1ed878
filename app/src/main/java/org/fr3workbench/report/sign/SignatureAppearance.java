package org.fr3workbench.report.sign;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.fr3workbench.report.layout.Fonts;

/**
 * The visible signature block, built as a one-page template document that PDFBox merges into the
 * signed revision: a framed box with the signer, time, reason, location and certificate status.
 */
final class SignatureAppearance {

    private static final Color ACCENT = new Color(0x1F, 0x3A, 0x5F);
    private static final Color MUTED = new Color(0x5F, 0x66, 0x6D);

    private SignatureAppearance() {
    }

    /**
     * @param pageSize the size of the page the box is on
     * @param box      the box on that page
     * @param title    the first line (bold)
     * @param lines    the following lines
     */
    static byte[] template(PDRectangle pageSize, PDRectangle box, String title, List<String> lines) throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(pageSize);
            doc.addPage(page);
            PDAcroForm form = new PDAcroForm(doc);
            doc.getDocumentCatalog().setAcroForm(form);
            PDSignatureField field = new PDSignatureField(form);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setRectangle(box);
            widget.setPage(page);
            widget.setPrinted(true);
            form.getFields().add(field);
            page.getAnnotations().add(widget);

            Fonts fonts = Fonts.load(doc);
            PDAppearanceStream stream = new PDAppearanceStream(doc);
            stream.setBBox(new PDRectangle(box.getWidth(), box.getHeight()));
            stream.setResources(new PDResources());
            try (PDPageContentStream cs = new PDPageContentStream(doc, stream)) {
                cs.setNonStrokingColor(new Color(0xF3, 0xF5, 0xF8));
                cs.addRect(0, 0, box.getWidth(), box.getHeight());
                cs.fill();
                cs.setNonStrokingColor(ACCENT);
                cs.addRect(0, 0, 4, box.getHeight());
                cs.fill();
                cs.setStrokingColor(new Color(0xC8, 0xCE, 0xD6));
                cs.setLineWidth(0.6f);
                cs.addRect(0.3f, 0.3f, box.getWidth() - 0.6f, box.getHeight() - 0.6f);
                cs.stroke();
                float y = box.getHeight() - 17;
                show(cs, fonts, fonts.bold(), 9.5f, ACCENT, 12, y, title, box.getWidth() - 18);
                y -= 14;
                for (String line : lines) {
                    show(cs, fonts, fonts.regular(), 7.5f, MUTED, 12, y, line, box.getWidth() - 18);
                    y -= 10.5f;
                }
            }
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.setNormalAppearance(stream);
            widget.setAppearance(appearance);
            doc.save(out);
            return out.toByteArray();
        }
    }

    private static void show(PDPageContentStream cs, Fonts fonts, PDType0Font font, float size, Color color, float x, float y,
                             String text, float maxWidth) throws IOException {
        String printable = fonts.printable(font, text);
        while (printable.length() > 1 && font.getStringWidth(printable) / 1000f * size > maxWidth) {
            printable = printable.substring(0, printable.length() - 2) + "\u2026";
        }
        cs.beginText();
        cs.setFont(font, size);
        cs.setNonStrokingColor(color);
        cs.newLineAtOffset(x, y);
        cs.showText(printable);
        cs.endText();
    }
}
