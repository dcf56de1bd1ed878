package org.fr3workbench.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.fr3workbench.catalog.CatalogLoader;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.report.model.AssessmentSummary;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.EvidenceKind;
import org.fr3workbench.report.model.OverallResult;
import org.fr3workbench.report.model.RequirementRecord;
import org.fr3workbench.report.model.RequirementVerdict;
import org.fr3workbench.report.model.StepRecord;
import org.fr3workbench.report.model.VerdictKind;

/** A realistic assessment over the bundled catalog, with transcripts, screenshots and a photo held in memory. */
public final class SampleDossier {

    public static final Instant START = Instant.parse("2026-11-20T08:30:00Z");

    private SampleDossier() {
    }

    public static DossierInput create() {
        Catalog catalog = new CatalogLoader().loadBundled();
        List<RequirementRecord> records = new ArrayList<>();
        List<EvidenceItem> evidence = new ArrayList<>();
        int n = 0;
        for (Requirement r : catalog.requiredFor(ComponentType.EDR, SecurityLevel.SL2)) {
            n++;
            VerdictKind kind = switch (n % 7) {
                case 3 -> VerdictKind.NOT_APPLICABLE;
                case 5 -> VerdictKind.NOT_MET;
                default -> VerdictKind.MET;
            };
            Instant when = START.plus(Duration.ofMinutes(17L * n));
            List<StepRecord> steps = new ArrayList<>();
            int s = 0;
            for (PlannedStep p : r.steps()) {
                StepOutcome outcome = kind == VerdictKind.NOT_MET && s == 0 ? StepOutcome.FAIL : StepOutcome.PASS;
                steps.add(new StepRecord(p.id(), p.title(), p.kind(), Optional.of(outcome),
                        outcome == StepOutcome.PASS ? "every expectation held" : "output contains 'Looks okay!!'",
                        Optional.of(when.plusSeconds(30L * s))));
                if (s == 0 && kind != VerdictKind.NOT_APPLICABLE) {
                    evidence.add(text("E-" + String.format("%04d", evidence.size() + 1), r.id(), p.id(), p.id() + ".txt",
                            "Output of step '" + p.title() + "'", when, transcript(r.id(), n % 4 == 0 ? 400 : 25)));
                }
                if (s == 1 && n % 3 == 1) {
                    evidence.add(image("E-" + String.format("%04d", evidence.size() + 1), r.id(), p.id(), EvidenceKind.SCREENSHOT,
                            p.id() + ".png", "image/png", "Screenshot of the device's web UI during '" + p.title() + "'", when,
                            SampleImages.png(SampleImages.screenshot(1280, 720, n))));
                }
                s++;
            }
            String rationale = switch (kind) {
                case NOT_APPLICABLE -> "The product has no such interface: the device exposes only SSH on port 22 and the "
                        + "update service; see the port scan in E-0001.";
                case NOT_MET -> "The integrity check reported success although the test file had been modified. The "
                        + "product maker must enable the verification of the update signature (see step 1).";
                default -> "All steps passed and the evidence shows the expected behaviour on firmware 4.2.1 "
                        + "(Grüße an das Prüflabor: Unicode works \u2713).";
            };
            records.add(new RequirementRecord(r, new RequirementVerdict(kind, rationale, "Dana Assessor",
                    Optional.of(when.plus(Duration.ofMinutes(12)))), steps));
        }
        evidence.add(image("E-" + String.format("%04d", evidence.size() + 1), "", "", EvidenceKind.PHOTO, "device-label.jpg",
                "image/jpeg", "Photo of the type label", START, SampleImages.jpeg(SampleImages.screenshot(800, 600, 99))));
        AssessmentSummary summary = new AssessmentSummary("A-2026-0042", "Acme Gateway GW-500", "4.2.1",
                ComponentType.EDR, List.of("SSH host key: SHA256:pG0m2fQ3lWb3L1xk6cYjE8wq0yQm1Ue1d7b0d9HkX9s",
                "OS release: CIP Core 2026.1 (bookworm)", "Serial number: GW500-00731"),
                "Dana Assessor", "Example Test Lab GmbH", START, Optional.of(START.plus(Duration.ofHours(9))),
                SecurityLevel.SL2, Optional.of(SecurityLevel.SL1), OverallResult.FAILED, catalog.version());
        return new DossierInput(summary, records, evidence, "3f1c".repeat(16));
    }

    static String transcript(String id, int lines) {
        StringBuilder b = new StringBuilder();
        b.append("$ fr3-probe --requirement '").append(id).append("'\n");
        for (int i = 1; i < lines; i++) {
            b.append(String.format("[%6.3f] check %03d: /usr/lib/libcrypto.so.3 sha256=%s %s%n", i * 0.137, i,
                    HexFormat.of().formatHex(sha256(("x" + i).getBytes(StandardCharsets.UTF_8))), i % 9 == 0 ? "\tWARN" : "OK"));
        }
        b.append("a very long line: ").append("0123456789abcdef".repeat(30)).append('\n');
        b.append("\u001B[32mcoloured\u001B[0m and a control char \u0007 and \u00E9\u00E8 umlauts \u00FC and CJK \u4E2D\u6587\n");
        return b.toString();
    }

    public static EvidenceItem text(String id, String requirement, String step, String name, String caption, Instant at,
                                    String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        return new EvidenceItem(id, EvidenceKind.TRANSCRIPT, name, "text/plain; charset=utf-8", caption, at,
                HexFormat.of().formatHex(sha256(bytes)), bytes.length, requirement, step, () -> new ByteArrayInputStream(bytes));
    }

    public static EvidenceItem image(String id, String requirement, String step, EvidenceKind kind, String name, String type,
                                     String caption, Instant at, byte[] bytes) {
        return new EvidenceItem(id, kind, name, type, caption, at, HexFormat.of().formatHex(sha256(bytes)), bytes.length,
                requirement, step, () -> new ByteArrayInputStream(bytes));
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
