package org.fr3workbench.report.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PageMode;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Makes a document PDF/A-3b: XMP metadata that matches the document information dictionary, and
 * an sRGB output intent (the JDK's own sRGB ICC profile).
 */
public final class PdfA {

    private PdfA() {
    }

    /**
     * The document's descriptive metadata.
     *
     * @param title   dc:title and /Title
     * @param author  dc:creator and /Author
     * @param subject dc:description and /Subject
     * @param tool    xmp:CreatorTool, /Creator and /Producer
     * @param created creation (and modification) time
     */
    public record Info(String title, String author, String subject, String tool, Instant created) {
    }

    public static void apply(PDDocument doc, Info info) throws IOException {
        Calendar when = calendar(info.created());
        PDDocumentInformation di = doc.getDocumentInformation();
        di.setTitle(info.title());
        di.setAuthor(info.author());
        di.setSubject(info.subject());
        di.setCreator(info.tool());
        di.setProducer(info.tool());
        di.setCreationDate(when);
        di.setModificationDate(when);

        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(doc);
        metadata.importXMPMetadata(xmp(info).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
        catalog.setLanguage("en");

        PDOutputIntent intent = new PDOutputIntent(doc,
                new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo("sRGB IEC61966-2.1");
        intent.setOutputCondition("sRGB IEC61966-2.1");
        intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        catalog.setPageMode(PageMode.USE_OUTLINES);
        PDViewerPreferences prefs = new PDViewerPreferences(new org.apache.pdfbox.cos.COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        catalog.getCOSObject().setNeedToBeUpdated(true);
        catalog.getCOSObject().setItem(COSName.getPDFName("PageLayout"), COSName.getPDFName("OneColumn"));
    }

    /** A calendar in UTC with second precision, as PDF dates carry it. */
    public static Calendar calendar(Instant instant) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(instant.getEpochSecond() * 1000L);
        return c;
    }

    static String xmp(Info info) {
        String date = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                info.created().atOffset(ZoneOffset.UTC).withNano(0)).replace("Z", "+00:00");
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                + "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
                + "    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <pdfaid:part>3</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "   <dc:format>application/pdf</dc:format>\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(info.title()) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "   <dc:creator><rdf:Seq><rdf:li>" + escape(info.author()) + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(info.subject())
                + "</rdf:li></rdf:Alt></dc:description>\n"
                + "   <xmp:CreatorTool>" + escape(info.tool()) + "</xmp:CreatorTool>\n"
                + "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n"
                + "   <pdf:Producer>" + escape(info.tool()) + "</pdf:Producer>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    if (cp >= 0x20 || cp == '\t') {
                        out.appendCodePoint(cp);
                    }
                }
            }
        });
        return out.toString();
    }
}
