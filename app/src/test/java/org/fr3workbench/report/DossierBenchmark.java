package org.fr3workbench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.EvidenceKind;
import org.fr3workbench.report.sign.SelfSignedCertificates;
import org.fr3workbench.report.sign.SigningRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark (not a test): 300 full-HD UI-like RGB PNG screenshots and 50 MB of transcripts, as files,
 * become a signed dossier. Usage: {@code DossierBenchmark WORKDIR}; the data is generated once.
 */
public final class DossierBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(DossierBenchmark.class);

    private DossierBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args.length > 0 ? args[0] : "target/dossier-benchmark").toAbsolutePath();
        Files.createDirectories(work);
        DossierInput sample = SampleDossier.create();
        String req = sample.requirements().get(0).id();
        List<EvidenceItem> evidence = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            Path png = work.resolve("shot-" + i + ".png");
            if (!Files.exists(png)) {
                Files.write(png, SampleImages.png(SampleImages.screenshot(1920, 1080, i)));
            }
            evidence.add(item(String.format("E-%04d", evidence.size() + 1), EvidenceKind.SCREENSHOT, png, "image/png", req));
        }
        for (int i = 0; i < 60; i++) {
            Path txt = work.resolve("transcript-" + i + ".txt");
            if (!Files.exists(txt)) {
                Files.writeString(txt, SampleDossier.transcript("T" + i, 6_700), StandardCharsets.UTF_8);
            }
            evidence.add(item(String.format("E-%04d", evidence.size() + 1), EvidenceKind.TRANSCRIPT, txt, "text/plain", req));
        }
        long bytes = 0;
        for (EvidenceItem e : evidence) {
            bytes += e.size();
        }
        Path p12 = work.resolve("bench.p12");
        Files.deleteIfExists(p12);
        char[] password = "bench".toCharArray();
        new SelfSignedCertificates().create(p12, password, "Bench Assessor", "", Duration.ofDays(1), 3072);
        DossierInput input = new DossierInput(sample.assessment(), sample.requirements(), evidence, sample.journalHead());
        ExportOptions options = ExportOptions.unsigned(Instant.now(), "FR3 Workbench benchmark").withSigning(
                new SigningRequest(p12, password, Optional.empty(), "benchmark", "here", Optional.empty()));
        Path out = work.resolve("dossier.pdf");
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double load = os.getSystemLoadAverage();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        DossierExporter.Result result = new DossierExporter().export(input, out, options, ProgressListener.NONE,
                CancellationToken.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuStart) / 1e9;
        LOG.info("evidence {} items, {} MB in; dossier {} pages, {} MB; export + sign {} s (process CPU {} s, load {})",
                evidence.size(), String.format("%.1f", bytes / 1e6), result.pages(),
                String.format("%.1f", Files.size(out) / 1e6), String.format("%.2f", seconds), String.format("%.2f", cpu),
                String.format("%.1f", load));
    }

    private static EvidenceItem item(String id, EvidenceKind kind, Path file, String type, String requirement)
            throws IOException {
        byte[] data = Files.readAllBytes(file);
        return new EvidenceItem(id, kind, file.getFileName().toString(), type, kind.label() + " " + id, Instant.now(),
                HexFormat.of().formatHex(SampleDossier.sha256(data)), data.length, requirement, "",
                () -> Files.newInputStream(file));
    }
}
