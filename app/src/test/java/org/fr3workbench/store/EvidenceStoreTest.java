package org.fr3workbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.StepRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {

    private static final NewEvidence DUMP = NewEvidence.of(EvidenceKind.FILE, "CR 3.4", "rootfs.img", "application/octet-stream",
            "root file system image", "imported", Instant.parse("2026-11-27T10:00:00Z"));

    @TempDir
    Path dir;

    @Test
    void largeContentStreamsInAndOutInChunksWithItsHashTakenAtCapture() throws Exception {
        long size = 3L * EvidenceStore.CHUNK_SIZE + 12_345;
        String expected = StoreFixture.sha256(CrashWriterMain.pseudoRandom(7, size));
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            Evidence evidence = store.evidence().add(DUMP, CrashWriterMain.pseudoRandom(7, size), "Alice", ProgressMonitor.NONE);
            assertThat(evidence.size()).isEqualTo(size);
            assertThat(evidence.sha256()).isEqualTo(expected);
            assertThat(evidence.describe()).isEqualTo("evidence 1 (file 'rootfs.img')");
            try (InputStream in = store.evidence().open(evidence.id())) {
                assertThat(StoreFixture.sha256(in)).isEqualTo(expected);
            }
            assertThat(store.journal().head().orElseThrow().evidenceSha256()).contains(expected);
        }
        try (Connection c = StoreFixture.raw(dir.resolve("a.fr3")); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*), max(length(data)) FROM evidence_chunk")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(4);
            assertThat(rs.getInt(2)).isEqualTo(EvidenceStore.CHUNK_SIZE);
        }
    }

    @Test
    void emptyContentIsEvidenceToo() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            Evidence evidence = store.evidence().add(DUMP, InputStream.nullInputStream(), "Alice", ProgressMonitor.NONE);
            assertThat(evidence.size()).isZero();
            assertThat(evidence.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            try (InputStream in = store.evidence().open(evidence.id())) {
                assertThat(in.read()).isEqualTo(-1);
            }
            assertThat(store.verify(ProgressMonitor.NONE).isClean()).isTrue();
        }
    }

    @Test
    void importFileReportsProgressAgainstTheFileSize() throws Exception {
        Path source = dir.resolve("console.log");
        Files.write(source, new byte[EvidenceStore.CHUNK_SIZE + 10]);
        List<long[]> progress = new ArrayList<>();
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            store.evidence().importFile(NewEvidence.of(EvidenceKind.CONSOLE_LOG, "EDR 3.14", "console.log", "text/plain", "",
                    "serial", Instant.now()), source, "Alice", (done, total) -> progress.add(new long[] {done, total}));
        }
        assertThat(progress).extracting(p -> p[0]).containsExactly((long) EvidenceStore.CHUNK_SIZE, EvidenceStore.CHUNK_SIZE + 10L);
        assertThat(progress).extracting(p -> p[1]).containsOnly(EvidenceStore.CHUNK_SIZE + 10L);
    }

    @Test
    void listsMetadataPageByPageWithCounts() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            for (int i = 1; i <= 25; i++) {
                StoreFixture.addText(store, i % 5 == 0 ? "CR 3.9" : "CR 3.4", i % 2 == 0 ? EvidenceKind.SCREENSHOT
                        : EvidenceKind.TRANSCRIPT, "item " + i, "content " + i);
            }
            assertThat(store.evidence().count(EvidenceQuery.all())).isEqualTo(25);
            assertThat(store.evidence().count(EvidenceQuery.forRequirement("CR 3.9"))).isEqualTo(5);
            assertThat(store.evidence().count(EvidenceQuery.forRequirement("CR 3.4").withKind(EvidenceKind.SCREENSHOT)))
                    .isEqualTo(10);
            assertThat(store.evidence().page(EvidenceQuery.all(), 10, 10)).extracting(Evidence::id)
                    .containsExactly(11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
            assertThat(store.evidence().page(EvidenceQuery.forRequirement("CR 3.9"), 3, 10)).extracting(Evidence::name)
                    .containsExactly("item 20", "item 25");
            assertThat(store.evidence().totalBytes()).isEqualTo(25 * "content ".length() + 9 + 16 * 2);
        }
    }

    @Test
    void aCancelledImportStoresNothing() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            long journal = store.journal().size();
            ProgressMonitor cancelAfterFirstChunk = new ProgressMonitor() {
                private long seen;

                @Override
                public void progress(long done, long total) {
                    seen = done;
                }

                @Override
                public boolean isCancelled() {
                    return seen > 0;
                }
            };
            assertThatThrownBy(() -> store.evidence().add(DUMP, CrashWriterMain.pseudoRandom(1, 5L * EvidenceStore.CHUNK_SIZE),
                    "Alice", cancelAfterFirstChunk)).isInstanceOf(CancellationException.class)
                    .hasMessageContaining("recording 'rootfs.img' was cancelled");
            assertThat(store.evidence().count(EvidenceQuery.all())).isZero();
            assertThat(store.journal().size()).isEqualTo(journal);
            assertThat(chunkRows(dir.resolve("a.fr3"))).isZero();
            assertThat(store.verify(ProgressMonitor.NONE).isClean()).isTrue();
        }
    }

    @Test
    void aFailingSourceStoresNothing() throws Exception {
        InputStream failing = new InputStream() {
            private int left = EvidenceStore.CHUNK_SIZE + 5;

            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1) < 0 ? -1 : 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left <= 0) {
                    throw new IOException("USB stick removed");
                }
                int n = Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'x');
                left -= n;
                return n;
            }
        };
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            assertThatThrownBy(() -> store.evidence().add(DUMP, failing, "Alice", ProgressMonitor.NONE))
                    .isInstanceOf(IOException.class).hasMessage("USB stick removed");
            assertThat(store.evidence().count(EvidenceQuery.all())).isZero();
            assertThat(chunkRows(dir.resolve("a.fr3"))).isZero();
        }
    }

    @Test
    void evidenceCanBelongToAStepRunThatExists() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            StepRun run = store.stepRuns().start("CR 3.4", "aide-check", "Alice");
            NewEvidence transcript = new NewEvidence(EvidenceKind.TRANSCRIPT, "CR 3.4", Optional.of(run.id()), "aide --check",
                    "text/plain", "", "ssh", Instant.now());
            Evidence stored = store.evidence().add(transcript, new ByteArrayInputStream(new byte[] {1}), "Alice",
                    ProgressMonitor.NONE);
            assertThat(store.evidence().get(stored.id()).orElseThrow().stepRunId()).contains(run.id());
            NewEvidence orphan = new NewEvidence(EvidenceKind.TRANSCRIPT, "CR 3.4", Optional.of(99L), "x", "text/plain", "", "",
                    Instant.now());
            assertThatThrownBy(() -> store.evidence().add(orphan, new ByteArrayInputStream(new byte[] {1}), "Alice",
                    ProgressMonitor.NONE)).isInstanceOf(IllegalArgumentException.class).hasMessage(
                    "there is no step run 99 to attach evidence to");
            assertThatThrownBy(() -> store.evidence().open(42)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("there is no evidence 42");
        }
    }

    @Test
    void aNoteIsStoredAsUtf8Text() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            Evidence note = store.evidence().addNote("CR 3.7", "seal", "Siegel unversehrt ✓", "Alice");
            assertThat(note.kind()).isEqualTo(EvidenceKind.NOTE);
            assertThat(note.mediaType()).isEqualTo("text/plain; charset=utf-8");
            try (InputStream in = store.evidence().open(note.id())) {
                assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("Siegel unversehrt ✓");
            }
        }
    }

    @Test
    void aStreamStaysReadableWhileAnotherThreadRecords() throws Exception {
        try (AssessmentStore store = StoreFixture.create(dir.resolve("a.fr3"))) {
            Evidence big = store.evidence().add(DUMP, CrashWriterMain.pseudoRandom(3, 4L * EvidenceStore.CHUNK_SIZE), "Alice",
                    ProgressMonitor.NONE);
            try (InputStream in = store.evidence().open(big.id())) {
                byte[] first = in.readNBytes(1000);
                Thread writer = Thread.ofVirtual().start(() -> {
                    try {
                        StoreFixture.addText(store, "CR 3.4", EvidenceKind.NOTE, "meanwhile", "written while reading");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                writer.join();
                assertThat(first).hasSize(1000);
                assertThat(in.readAllBytes()).hasSize(4 * EvidenceStore.CHUNK_SIZE - 1000);
            }
            assertThat(store.evidence().count(EvidenceQuery.all())).isEqualTo(2);
        }
    }

    private static long chunkRows(Path file) throws Exception {
        try (Connection c = StoreFixture.raw(file); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM evidence_chunk")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
