package org.fr3workbench.probe.update;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Benchmark (not a test): builds a signed SWUpdate image with a large payload, then inspects it and
 * derives the test images with a small heap, to show that neither holds the image in memory.
 * The results go to a report file. Run: see docs/benchmarks.md, "Authenticity: SWUpdate image streaming".
 */
public final class SwuStreamingBenchmark {

    private SwuStreamingBenchmark() {
    }

    private static Path reportFile = Path.of("swu-benchmark.txt");

    /** Arguments: payload size in MiB (300), report file (swu-benchmark.txt). */
    public static void main(String[] args) throws Exception {
        int mebibytes = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        reportFile = Path.of(args.length > 1 ? args[1] : "swu-benchmark.txt");
        Files.deleteIfExists(reportFile);
        Path dir = Files.createTempDirectory("fr3-swu-bench");
        try {
            Path payload = dir.resolve("payload.bin");
            byte[] block = new byte[1024 * 1024];
            Random random = new Random(1);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = Files.newOutputStream(payload)) {
                for (int i = 0; i < mebibytes; i++) {
                    random.nextBytes(block);
                    sha.update(block);
                    out.write(block);
                }
            }
            CmsSigner signer = new CmsSigner();
            CmsSigner.KeyAndCertificate key = signer.generate("benchmark", Duration.ofDays(1));
            byte[] description = ("software = { version = \"1.0\"; description = \"benchmark\"; hardware-compatibility: [ \"1.0\" ];"
                    + " images: ( { filename = \"payload.bin\"; device = \"/dev/null\"; sha256 = \""
                    + HexFormat.of().formatHex(sha.digest()) + "\"; } ); };\n").getBytes(StandardCharsets.UTF_8);
            byte[] signature = signer.signDetached(description, key);
            Path image = dir.resolve("big.swu");
            long payloadSum = 0;
            try (InputStream in = Files.newInputStream(payload)) {
                int n;
                while ((n = in.read(block)) > 0) {
                    for (int i = 0; i < n; i++) {
                        payloadSum += block[i] & 0xff;
                    }
                }
            }
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(image), 1 << 16);
                 InputStream in = Files.newInputStream(payload)) {
                CpioWriter writer = new CpioWriter(out);
                writer.writeEntry(entry("sw-description", 1, description.length, CpioWriter.checksum(description)), description);
                writer.writeEntry(entry("sw-description.sig", 2, signature.length, CpioWriter.checksum(signature)), signature);
                writer.writeRaw(CpioWriter.header(entry("payload.bin", 3, Files.size(payload), payloadSum & 0xffffffffL)));
                int n;
                while ((n = in.read(block)) > 0) {
                    writer.writeRaw(block, 0, n);
                }
                writer.pad(4);
                writer.finish(CpioFormat.CRC);
            }
            Files.delete(payload);
            Runtime runtime = Runtime.getRuntime();
            long t0 = System.nanoTime();
            SwuInspection inspection = new SwuInspector().inspect(image, Optional.of(key.certificate()));
            long t1 = System.nanoTime();
            List<TestImage> images = new TestImageDeriver().derive(image, dir.resolve("derived"));
            long t2 = System.nanoTime();
            report("image %d MiB, max heap %d MiB%n", Files.size(image) >> 20, runtime.maxMemory() >> 20);
            report("inspect: %.2f s (structure ok: %s, signature ok: %s)%n", (t1 - t0) / 1e9, inspection.structureOk(),
                    inspection.signatureOk(true));
            report("derive %d images: %.2f s%n", images.size(), (t2 - t1) / 1e9);
            for (TestImage i : images) {
                report("  %-20s %6d MiB %s%n", i.kind().id(), i.size() >> 20, i.sha256());
            }
            try (InputStream check = new DigestInputStream(Files.newInputStream(image), MessageDigest.getInstance("SHA-256"))) {
                check.transferTo(OutputStream.nullOutputStream());
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CpioEntry entry(String name, long ino, long size, long checksum) {
        return new CpioEntry(CpioFormat.CRC, name, ino, 0100644, 0, 0, 1, 0, size, 0, 0, 0, 0, checksum, 0, 0);
    }

    private static void report(String format, Object... values) throws java.io.IOException {
        Files.writeString(reportFile, String.format(format, values), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }
}
