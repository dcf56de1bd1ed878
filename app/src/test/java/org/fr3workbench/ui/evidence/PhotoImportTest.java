package org.fr3workbench.ui.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.MediaTypes;
import org.fr3workbench.domain.NewEvidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Photos dropped on the gallery land as photos with the right media type; HEIC is kept as a file it cannot show. */
class PhotoImportTest {

    @TempDir
    Path dir;

    @Test
    void photosGetTheirMediaTypeAndKind() throws Exception {
        assertThat(describe("seal.JPG").mediaType()).isEqualTo("image/jpeg");
        assertThat(describe("seal.jpeg").kind()).isEqualTo(EvidenceKind.PHOTO);
        assertThat(describe("label.png").mediaType()).isEqualTo("image/png");
        NewEvidence heic = describe("IMG_0042.HEIC");
        assertThat(heic.mediaType()).isEqualTo("image/heic");
        assertThat(heic.kind()).isEqualTo(EvidenceKind.PHOTO);
        assertThat(MediaTypes.isEditableImage(heic.mediaType())).as("stored and hashed, but not shown or annotated").isFalse();
        NewEvidence log = describe("aide.log");
        assertThat(log.mediaType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(log.kind()).isEqualTo(EvidenceKind.FILE);
        assertThat(log.source()).startsWith("imported from " + dir.toAbsolutePath());
    }

    @Test
    void theMediaTypeTableIgnoresCaseAndParameters() {
        assertThat(MediaTypes.forFileName("a.b.TIFF")).contains("image/tiff");
        assertThat(MediaTypes.forFileName("README")).isEmpty();
        assertThat(MediaTypes.isImage("IMAGE/PNG; x=y")).isTrue();
        assertThat(MediaTypes.isEditableImage("image/jpeg")).isTrue();
        assertThat(MediaTypes.isEditableImage("image/webp")).isFalse();
    }

    private NewEvidence describe(String name) throws Exception {
        Path file = Files.write(dir.resolve(name), new byte[] {1, 2, 3});
        return EvidenceViewModel.describe("CR 3.4", file, "");
    }
}
