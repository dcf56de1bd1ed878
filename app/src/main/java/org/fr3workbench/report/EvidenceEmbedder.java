package org.fr3workbench.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.pdf.Attachments;
import org.fr3workbench.report.pdf.Images;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Embeds each evidence item once, as an associated file, checking on the way that its content still
 * has the SHA-256 and size recorded at capture. Text evidence yields a bounded excerpt, pictures an
 * image XObject tied to its source file by /AF.
 */
final class EvidenceEmbedder {

    private static final Logger LOG = LoggerFactory.getLogger(EvidenceEmbedder.class);
    /** Pictures are read whole (one at a time) for pass-through; larger ones are only attached. */
    private static final long MAX_IMAGE_BYTES = 64L * 1024 * 1024;

    /**
     * One embedded item.
     *
     * @param item       the evidence
     * @param attached   where it went
     * @param excerpt    for text evidence, the excerpt (else null)
     * @param image      for pictures, the image to show (else null)
     * @param imageError why a picture cannot be shown (else null)
     */
    record Embedded(EvidenceItem item, Attachments.Attached attached, TranscriptExcerpt excerpt, PDImageXObject image,
                    String imageError) {
    }

    private final PDDocument doc;
    private final Attachments attachments;
    private final Manifest manifest;
    private final int headLines;
    private final int tailLines;

    EvidenceEmbedder(PDDocument doc, Attachments attachments, Manifest manifest, int headLines, int tailLines) {
        this.doc = doc;
        this.attachments = attachments;
        this.manifest = manifest;
        this.headLines = headLines;
        this.tailLines = tailLines;
    }

    Embedded embed(EvidenceItem item) throws IOException {
        Attachments.Spec spec = new Attachments.Spec(fileName(item), description(item), item.mediaType(),
                Attachments.Relationship.SOURCE, item.capturedAt(), item.capturedAt(), !isCompressed(item));
        if (item.kind().isImage() && item.size() <= MAX_IMAGE_BYTES) {
            byte[] bytes;
            try (InputStream in = item.content().open()) {
                bytes = in.readAllBytes();
            }
            Attachments.Attached attached = attachments.add(spec, new ByteArrayInputStream(bytes), null);
            check(item, attached);
            PDImageXObject image = null;
            String error = null;
            String streamSha256 = null;
            try {
                image = Images.create(doc, bytes, item.name());
                streamSha256 = Images.streamSha256(image, bytes);
                Attachments.associate(image.getCOSObject(), attached.spec());
            } catch (IOException | RuntimeException e) {
                LOG.warn("Evidence {} ({}) cannot be shown as a picture: {}", item.id(), item.name(), e.toString());
                image = null;
                error = "This picture cannot be shown (" + e.getMessage() + "); the attached file is the evidence.";
            }
            manifest.add(new Manifest.Entry(item, attached.fileName(), streamSha256));
            return new Embedded(item, attached, null, image, error);
        }
        TranscriptExcerpt excerpt = item.kind().isText() ? new TranscriptExcerpt(headLines, tailLines) : null;
        Attachments.Attached attached;
        try (InputStream in = item.content().open()) {
            attached = attachments.add(spec, in, excerpt);
        }
        check(item, attached);
        manifest.add(new Manifest.Entry(item, attached.fileName(), null));
        return new Embedded(item, attached, excerpt, null, null);
    }

    private static void check(EvidenceItem item, Attachments.Attached attached) throws EvidenceMismatchException {
        if (!attached.sha256().equals(item.sha256()) || attached.size() != item.size()) {
            throw new EvidenceMismatchException("evidence " + item.id() + " ('" + item.name() + "') changed since capture: "
                    + "recorded SHA-256 " + item.sha256() + " and " + item.size() + " bytes, found " + attached.sha256()
                    + " and " + attached.size() + " bytes; the dossier was not written");
        }
    }

    /** The attachment's name: the evidence id, then the captured name made safe. */
    static String fileName(EvidenceItem item) {
        String safe = item.name().replaceAll("[^A-Za-z0-9._-]+", "_");
        if (safe.isBlank() || safe.chars().allMatch(c -> c == '_' || c == '.')) {
            safe = "evidence";
        }
        return item.id() + "_" + safe;
    }

    private static String description(EvidenceItem item) {
        String caption = item.caption().isBlank() ? item.name() : item.caption();
        return item.id() + " \u00B7 " + item.kind().label() + " \u00B7 " + caption + " \u00B7 SHA-256 " + item.sha256();
    }

    private static boolean isCompressed(EvidenceItem item) {
        String type = item.mediaType().toLowerCase(Locale.ROOT);
        return type.startsWith("image/png") || type.startsWith("image/jpeg") || type.contains("zip")
                || type.contains("gzip") || type.startsWith("video/");
    }
}
