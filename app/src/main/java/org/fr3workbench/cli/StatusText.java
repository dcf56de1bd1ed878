package org.fr3workbench.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** The human-readable form of {@code fr3 status}, printed from the same map as {@code --json}. */
final class StatusText {

    private StatusText() {
    }

    @SuppressWarnings("unchecked")
    static void print(PrintWriter out, Map<String, Object> status) {
        Map<String, Object> a = (Map<String, Object>) status.get("assessment");
        Map<String, Object> counts = (Map<String, Object>) status.get("counts");
        Map<String, Object> slc = (Map<String, Object>) status.get("slc");
        String firmware = String.valueOf(a.get("firmwareVersion"));
        out.printf("%-12s %s%s (%s), target SL %s%n", "Assessment", a.get("product"), firmware.isEmpty() ? "" : " " + firmware,
                a.get("componentType"), a.get("targetSl"));
        String organization = String.valueOf(a.get("organization"));
        out.printf("%-12s %s%s%n", "Assessor", a.get("assessor"), organization.isEmpty() ? "" : ", " + organization);
        out.printf("%-12s %s%n", "Catalog", a.get("catalogVersion"));
        Map<String, Object> target = (Map<String, Object>) status.get("target");
        if (target != null) {
            out.printf("%-12s %s %s%n", "Target", target.get("address"), target.get("serialNumber"));
        }
        int achieved = (Integer) slc.get("achieved");
        out.printf("%-12s %s%n", "SL-C(FR 3)", achieved == 0 ? "none (SL 1 not reached)" : "SL " + achieved);
        List<Map<String, Object>> blockers = (List<Map<String, Object>>) slc.get("blockers");
        if (slc.get("nextLevel") != null) {
            out.printf("%-12s SL %s is blocked by %d entr%s:%n", "", slc.get("nextLevel"), blockers.size(),
                    blockers.size() == 1 ? "y" : "ies");
            for (Map<String, Object> b : blockers) {
                out.printf("%-12s   %-17s %s%n", "", b.get("requirement"), b.get("decision"));
            }
        }
        out.printf("%-12s %s required at target: %s met, %s not met, %s not applicable, %s not assessed%n", "Verdicts",
                counts.get("requiredAtTarget"), counts.get("met"), counts.get("not-met"), counts.get("not-applicable"),
                counts.get("not-assessed"));
        out.printf("%-12s %s items, %s bytes%n", "Evidence", counts.get("evidence"), counts.get("evidenceBytes"));
        out.printf("%-12s %s (%s interrupted)%n", "Step runs", counts.get("stepRuns"), counts.get("stepRunsInterrupted"));
        out.printf("%-12s %s entries, head %s%n", "Journal", counts.get("journalEntries"), status.get("journalHead"));
        out.println();
        out.printf("%-17s %-3s %-15s %s%n", "ID", "SL", "VERDICT", "RATIONALE");
        for (Map<String, Object> v : (List<Map<String, Object>>) status.get("verdicts")) {
            out.printf("%-17s %-3s %-15s %s%n", v.get("requirement"), v.get("sl") == null ? "-" : v.get("sl"),
                    v.get("decision"), v.get("rationale"));
        }
    }
}
