package org.fr3workbench.report.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.fr3workbench.domain.Annotation;
import org.fr3workbench.domain.CaptureTarget;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.MediaTypes;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;

/**
 * Images as evidence: captures stored as PNG (hashed as they are stored) and annotated or redacted
 * copies of stored images, saved as new items that name their source. The original is never
 * changed. Runs on the caller's thread (a store worker), never on the FX thread.
 */
public final class ImageEvidence {

    private ImageEvidence() {
    }

    /** What a capture is: its kind, name, source and caption. */
    public record Capture(EvidenceKind kind, String name, String source, String caption, Instant capturedAt) {
    }

    /**
     * A plain PNG of the image: opaque RGB, only the IHDR, IDAT and IEND chunks (no text, no
     * metadata, nothing carried over from where the pixels came from).
     */
    public static byte[] png(BufferedImage image) throws IOException {
        BufferedImage rgb = image;
        if (image.getType() != BufferedImage.TYPE_INT_RGB) {
            rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = rgb.createGraphics();
            try {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, rgb.getWidth(), rgb.getHeight());
                g.drawImage(image, 0, 0, null);
            } finally {
                g.dispose();
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(rgb.getWidth() * rgb.getHeight());
        if (!ImageIO.write(rgb, "png", out)) {
            throw new IOException("no PNG writer is available");
        }
        return out.toByteArray();
    }

    /** Stores a captured image as a PNG evidence item of the target requirement (and step run). */
    public static Evidence addCapture(AssessmentStore store, CaptureTarget target, BufferedImage image, Capture capture,
                                      String actor) throws IOException {
        byte[] bytes = png(image);
        NewEvidence evidence = new NewEvidence(capture.kind(), target.requirementId(), target.stepRunId(), capture.name(),
                MediaTypes.PNG, capture.caption(), capture.source() + target.stepSuffix(), capture.capturedAt());
        return store.evidence().add(evidence, new ByteArrayInputStream(bytes), actor, ProgressMonitor.NONE);
    }

    /** Decodes a stored image item; refuses items that are not images the workbench can read. */
    public static BufferedImage read(AssessmentStore store, Evidence item) throws IOException {
        if (!MediaTypes.isEditableImage(item.mediaType())) {
            throw new IllegalArgumentException(item.describe() + " is " + item.mediaType()
                    + ": only PNG, JPEG, GIF and BMP images can be annotated");
        }
        try (InputStream in = store.evidence().open(item.id())) {
            BufferedImage image = ImageIO.read(in);
            if (image == null) {
                throw new IOException(item.describe() + " cannot be decoded as " + item.mediaType());
            }
            return image;
        }
    }

    /**
     * Saves an annotated (and/or redacted) copy of a stored image as a new item of the same
     * requirement and step run. The source item stays as it is.
     *
     * @param caption the assessor's caption, or blank for one naming the source
     */
    public static Evidence saveAnnotated(AssessmentStore store, Evidence original, List<Annotation> annotations, String caption,
                                         String actor, Instant when) throws IOException {
        if (annotations.isEmpty()) {
            throw new IllegalArgumentException("nothing to save: draw a box, an arrow, a text or a redaction first");
        }
        BufferedImage rendered = AnnotationRenderer.render(read(store, original), annotations);
        String verb = verb(annotations);
        String name = baseName(original.name()) + "-" + (verb.endsWith("redacted") ? "redacted" : "annotated") + ".png";
        String source = verb + " copy of evidence " + original.id() + " ('" + original.name() + "', SHA-256 " + original.sha256()
                + ") made in FR3 Workbench: " + summary(annotations);
        String shown = caption == null || caption.isBlank()
                ? capitalized(verb) + " copy of evidence " + original.id() + (original.caption().isBlank() ? "" : ": " + original.caption())
                : caption.strip();
        NewEvidence evidence = new NewEvidence(original.kind(), original.requirementId(), original.stepRunId(), name, MediaTypes.PNG,
                shown, source, when);
        return store.evidence().add(evidence, new ByteArrayInputStream(png(rendered)), actor, ProgressMonitor.NONE);
    }

    /** {@code annotated}, {@code redacted} or {@code annotated and redacted}. */
    static String verb(List<Annotation> annotations) {
        boolean redacted = annotations.stream().anyMatch(a -> a instanceof Annotation.Redaction);
        boolean marked = annotations.stream().anyMatch(a -> !(a instanceof Annotation.Redaction));
        if (redacted && marked) {
            return "annotated and redacted";
        }
        return redacted ? "redacted" : "annotated";
    }

    /** {@code 1 box, 2 arrows, 1 redaction}. */
    static String summary(List<Annotation> annotations) {
        StringBuilder text = new StringBuilder();
        count(text, annotations, Annotation.Box.class, "box", "boxes");
        count(text, annotations, Annotation.Arrow.class, "arrow", "arrows");
        count(text, annotations, Annotation.Text.class, "text", "texts");
        count(text, annotations, Annotation.Redaction.class, "redaction", "redactions");
        return text.toString();
    }

    private static void count(StringBuilder text, List<Annotation> annotations, Class<?> type, String one, String many) {
        long n = annotations.stream().filter(type::isInstance).count();
        if (n > 0) {
            text.append(text.isEmpty() ? "" : ", ").append(n).append(' ').append(n == 1 ? one : many);
        }
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String capitalized(String text) {
        return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
