package org.fr3workbench.store.bench;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.EvidenceKind;
import org.fr3workbench.domain.NewEvidence;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.VerificationReport;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;
import org.fr3workbench.store.ProgressMonitor;

/**
 * Scale benchmark of the assessment file (docs/benchmarks.md, "Assessment file"); not a unit test.
 * Builds (once) a file with {@code ITEMS} evidence items and {@code TOTAL} bytes of evidence: a few
 * large items plus many small ones, each recorded in its own transaction as the workbench does.
 * Then measures: opening, counting and listing a page of metadata, streaming one large item out,
 * and verify (throughput and peak heap). Run with a small heap to show that nothing is held whole:
 * <pre>
 * ./mvnw -o -q -pl app test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -Xmx256m --enable-native-access=ALL-UNNAMED \
 *     -cp "app/target/test-classes:app/target/classes:$(cat app/target/bench.classpath)" \
 *     org.fr3workbench.store.bench.AssessmentFileBenchmark /var/tmp/fr3-bench [items] [total-bytes] [large-items]
 * </pre>
 */
public final class AssessmentFileBenchmark {

    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private AssessmentFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "/var/tmp/fr3-bench");
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long total = args.length > 2 ? Long.parseLong(args[2]) : 2L << 30;
        int large = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        Files.createDirectories(folder);
        Path file = folder.resolve("bench-" + items + "-" + total + ".fr3");
        AssessmentFiles files = new AssessmentFiles(Clock.systemUTC());
        OUT.printf("java %s, max heap %d MiB, file %s%n", System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() >> 20, file);
        if (!Files.exists(file)) {
            build(files, file, items, total, large);
        }
        OUT.printf("file size %.2f GiB%n", Files.size(file) / (double) (1L << 30));

        long t0 = System.nanoTime();
        AssessmentStore store = files.open(file, AssessmentFiles.Access.READ_WRITE);
        OUT.printf("open (READ_WRITE): %.1f ms%n", ms(t0));
        try (store) {
            t0 = System.nanoTime();
            long count = store.evidence().count(EvidenceQuery.all());
            OUT.printf("count evidence: %d in %.1f ms%n", count, ms(t0));
            for (long offset : new long[] {0, count / 2, Math.max(0, count - 100)}) {
                t0 = System.nanoTime();
                List<Evidence> page = store.evidence().page(EvidenceQuery.all(), offset, 100);
                OUT.printf("page of %d metadata rows at offset %d: %.1f ms%n", page.size(), offset, ms(t0));
            }
            t0 = System.nanoTime();
            long bytes = store.evidence().totalBytes();
            OUT.printf("total evidence bytes: %d (%.2f GiB) in %.1f ms%n", bytes, bytes / (double) (1L << 30), ms(t0));

            Evidence biggest = store.evidence().page(EvidenceQuery.forRequirement("CR 3.4").withKind(EvidenceKind.FILE), 0, 1)
                    .getFirst();
            resetPeaks();
            t0 = System.nanoTime();
            long read = 0;
            try (InputStream in = store.evidence().open(biggest.id())) {
                byte[] buffer = new byte[65_536];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    read += n;
                }
            }
            double seconds = ms(t0) / 1000;
            OUT.printf("stream out %s: %d bytes in %.2f s = %.0f MB/s, peak heap %d MiB%n", biggest.describe(), read, seconds,
                    read / 1e6 / seconds, peakHeapMiB());

            t0 = System.nanoTime();
            try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
                 var s = c.createStatement(); var rs = s.executeQuery("PRAGMA quick_check")) {
                rs.next();
                OUT.printf("of which PRAGMA quick_check alone: %s in %.1f s%n", rs.getString(1), ms(t0) / 1000);
            }
            resetPeaks();
            t0 = System.nanoTime();
            VerificationReport report = store.verify(ProgressMonitor.NONE);
            seconds = ms(t0) / 1000;
            OUT.printf("verify: %s, %d journal entries, %d items, %d bytes in %.1f s = %.0f MB/s, peak heap %d MiB%n",
                    report.isClean() ? "clean" : report.first().orElseThrow().message(), report.journalEntries(),
                    report.evidenceItems(), report.evidenceBytes(), seconds, report.evidenceBytes() / 1e6 / seconds, peakHeapMiB());
        }
    }

    private static void build(AssessmentFiles files, Path file, int items, long total, int large) throws Exception {
        int small = items - large;
        long smallSize = Math.min(40_000, total / 20 / Math.max(1, small));
        long largeSize = (total - smallSize * small) / Math.max(1, large);
        OUT.printf("building: %d items of %d bytes and %d items of %d bytes%n", small, smallSize, large, largeSize);
        AssessmentInfo info = AssessmentInfo.of("Benchmark", ComponentType.EDR, SecurityLevel.SL2, "bench", "bench");
        long t0 = System.nanoTime();
        Path partial = file.resolveSibling(file.getFileName() + ".building");
        Files.deleteIfExists(partial);
        try (AssessmentStore store = files.create(partial, info, "bench")) {
            Random random = new Random(1);
            for (int i = 0; i < items; i++) {
                boolean big = i % Math.max(1, items / Math.max(1, large)) == 0 && i / Math.max(1, items / large) < large;
                long size = big ? largeSize : smallSize;
                NewEvidence evidence = NewEvidence.of(big ? EvidenceKind.FILE : EvidenceKind.SCREENSHOT, big ? "CR 3.4" : "CR 3.1",
                        (big ? "image-" : "shot-") + i + (big ? ".img" : ".png"), big ? "application/octet-stream" : "image/png",
                        "item " + i, "benchmark", Instant.now());
                store.evidence().add(evidence, content(random.nextLong(), size), "bench", ProgressMonitor.NONE);
                if (i % 1000 == 999) {
                    OUT.printf("  %d items after %.0f s%n", i + 1, ms(t0) / 1000);
                }
            }
        }
        Files.move(partial, file);
        double seconds = ms(t0) / 1000;
        OUT.printf("built in %.0f s (%.0f MB/s, %.1f ms per item)%n", seconds, total / 1e6 / seconds, seconds * 1000 / items);
    }

    /** Incompressible content generated on the fly. */
    private static InputStream content(long seed, long size) {
        Random random = new Random(seed);
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i += 8) {
                    long value = random.nextLong();
                    for (int j = 0; j < 8 && i + j < n; j++) {
                        b[off + i + j] = (byte) (value >>> (8 * j));
                    }
                }
                left -= n;
                return n;
            }
        };
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMiB() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
