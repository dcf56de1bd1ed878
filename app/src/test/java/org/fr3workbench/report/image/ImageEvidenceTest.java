package org.fr3workbench.report.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.fr3workbench.domain.Annotation;
import org.fr3workbench.domain.CaptureTarget;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.ProgressMonitor;
import org.fr3workbench.store.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Captures and annotated copies in a real assessment file: hashes, pixels, provenance, PNG chunks. */
class ImageEvidenceTest {

    private static final String SECRET = "root-password-Hunter2";
    private static final Instant WHEN = Instant.parse("2026-11-28T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aCaptureIsStoredAsPngWhoseHashMatchesTheStoredBytes() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            Evidence stored = ImageEvidence.addCapture(store, CaptureTarget.requirement("CR 3.4"), secretScreen(),
                    new ImageEvidence.Capture(EvidenceKind.SCREENSHOT, "window.png", "FR3 Workbench window", "", WHEN), "Alice");

            byte[] bytes = content(store, stored);
            assertThat(stored.mediaType()).isEqualTo("image/png");
            assertThat(stored.kind()).isEqualTo(EvidenceKind.SCREENSHOT);
            assertThat(stored.requirementId()).isEqualTo("CR 3.4");
            assertThat(StoreFixture.sha256(new ByteArrayInputStream(bytes))).isEqualTo(stored.sha256());
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(decoded.getWidth()).isEqualTo(320);
            assertThat(decoded.getHeight()).isEqualTo(200);
            assertThat(store.verify(ProgressMonitor.NONE).isClean()).isTrue();
        }
    }

    @Test
    void aCaptureDuringAStepCarriesTheStepRunAndNamesTheStep() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            StepRun run = store.stepRuns().start("CR 3.4", "aide-tamper", "Alice");
            Evidence stored = ImageEvidence.addCapture(store, new CaptureTarget("CR 3.4", Optional.of(run)), secretScreen(),
                    new ImageEvidence.Capture(EvidenceKind.SCREENSHOT, "w.png", "FR3 Workbench window", "", WHEN), "Alice");
            assertThat(stored.stepRunId()).contains(run.id());
            assertThat(stored.source()).isEqualTo("FR3 Workbench window; step 'aide-tamper' (run " + run.id() + ")");
            assertThatThrownBy(() -> new CaptureTarget("CR 3.9", Optional.of(run)))
                    .hasMessageContaining("belongs to CR 3.4");
        }
    }

    @Test
    void annotatingAndRedactingWritesANewItemAndLeavesTheOriginalAsItWas() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            byte[] photo = withTextChunk(ImageEvidence.png(secretScreen()), "Comment", SECRET);
            Evidence original = store.evidence().add(NewEvidence.of(EvidenceKind.PHOTO, "CR 3.7", "console.png", "image/png",
                    "Login prompt", "imported from /tmp/console.png", WHEN), new ByteArrayInputStream(photo), "Alice",
                    ProgressMonitor.NONE);
            Annotation.Redaction redaction = new Annotation.Redaction(19.5, 59.5, 201, 31);
            List<Annotation> marks = List.of(new Annotation.Box(10, 10, 100, 30), new Annotation.Arrow(200, 150, 120, 80),
                    new Annotation.Text(150, 160, "password shown"), redaction);

            Evidence copy = ImageEvidence.saveAnnotated(store, original, marks, "", "Alice", WHEN);

            assertThat(copy.id()).isNotEqualTo(original.id());
            assertThat(copy.name()).isEqualTo("console-redacted.png");
            assertThat(copy.requirementId()).isEqualTo("CR 3.7");
            assertThat(copy.caption()).isEqualTo("Annotated and redacted copy of evidence " + original.id() + ": Login prompt");
            assertThat(copy.source()).startsWith("annotated and redacted copy of evidence " + original.id() + " ('console.png', SHA-256 "
                    + original.sha256() + ")").endsWith("1 box, 1 arrow, 1 text, 1 redaction");
            assertThat(content(store, original)).isEqualTo(photo);
            assertThat(store.evidence().get(original.id()).orElseThrow().sha256()).isEqualTo(original.sha256());

            byte[] saved = content(store, copy);
            assertThat(StoreFixture.sha256(new ByteArrayInputStream(saved))).isEqualTo(copy.sha256());
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(saved));
            int[] area = AnnotationRenderer.pixels(redaction, image.getWidth(), image.getHeight());
            assertThat(area).containsExactly(19, 59, 202, 32);
            for (int y = area[1]; y < area[1] + area[3]; y++) {
                for (int x = area[0]; x < area[0] + area[2]; x++) {
                    assertThat(image.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isZero();
                }
            }
            assertThat(image.getRGB(area[0] - 1, area[1] + 5) & 0xFFFFFF).as("left of the redaction").isNotZero();
            assertThat(image.getRGB(10, 25)).as("the box's left edge").isEqualTo(AnnotationRenderer.MARK.getRGB());
            assertThat(PngChunks.types(saved)).containsOnly("IHDR", "IDAT", "IEND");
            assertThat(new String(saved, StandardCharsets.ISO_8859_1)).doesNotContain(SECRET);
            assertThat(store.verify(ProgressMonitor.NONE).isClean()).isTrue();
        }
    }

    @Test
    void onlyImagesTheWorkbenchCanDecodeCanBeAnnotated() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            Evidence heic = store.evidence().add(NewEvidence.of(EvidenceKind.PHOTO, "CR 3.4", "label.heic", "image/heic", "", "", WHEN),
                    new ByteArrayInputStream(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'}), "Alice",
                    ProgressMonitor.NONE);
            long before = store.evidence().count(org.fr3workbench.store.EvidenceQuery.forRequirement("CR 3.4"));
            assertThatThrownBy(() -> ImageEvidence.saveAnnotated(store, heic, List.of(new Annotation.Box(1, 1, 5, 5)), "", "Alice", WHEN))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("image/heic");
            assertThatThrownBy(() -> ImageEvidence.saveAnnotated(store, heic, List.of(), "", "Alice", WHEN))
                    .hasMessageContaining("nothing to save");
            assertThat(store.evidence().count(org.fr3workbench.store.EvidenceQuery.forRequirement("CR 3.4"))).isEqualTo(before);
        }
    }

    @Test
    void redactionsAreDrawnOverEverythingElse() {
        BufferedImage source = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
        BufferedImage out = AnnotationRenderer.render(source, List.of(new Annotation.Redaction(0, 0, 40, 40),
                new Annotation.Text(2, 2, "on top?"), new Annotation.Box(5, 5, 20, 20)));
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                assertThat(out.getRGB(x, y) & 0xFFFFFF).isZero();
            }
        }
        assertThat(source.getRGB(10, 10)).as("the source is not drawn on").isZero();
    }

    /** A screen with a password on it, as an assessor might capture it. */
    static BufferedImage secretScreen() {
        BufferedImage image = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xF5, 0xF5, 0xF5));
        g.fillRect(0, 0, 320, 200);
        g.setColor(new Color(0x20, 0x60, 0xC0));
        g.fillRect(20, 60, 200, 30);
        g.setColor(Color.WHITE);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 14));
        g.drawString(SECRET, 26, 80);
        g.dispose();
        return image;
    }

    private static byte[] content(AssessmentStore store, Evidence item) throws IOException {
        try (InputStream in = store.evidence().open(item.id())) {
            return in.readAllBytes();
        }
    }

    /** The PNG with a tEXt chunk inserted after IHDR (what cameras and tools leave behind). */
    static byte[] withTextChunk(byte[] png, String keyword, String text) {
        byte[] data = (keyword + "\0" + text).getBytes(StandardCharsets.ISO_8859_1);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int afterHeader = 8 + 4 + 4 + 13 + 4;
        out.write(png, 0, afterHeader);
        java.nio.ByteBuffer chunk = java.nio.ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.US_ASCII)).put(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        out.writeBytes(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        byte[] result = out.toByteArray();
        assertThat(PngChunks.types(result)).contains("tEXt");
        return result;
    }
}
