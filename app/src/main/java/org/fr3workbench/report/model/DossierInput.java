package org.fr3workbench.report.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything a dossier shows, independent of where it came from (the assessment file maps onto it).
 *
 * @param assessment   the cover data: product, device, assessor, levels, result
 * @param requirements the assessed requirements in catalog order
 * @param evidence     every evidence item, in capture order; content is opened on demand and streamed
 * @param journalHead  hex SHA-256 of the newest journal entry of the assessment file
 */
public record DossierInput(AssessmentSummary assessment, List<RequirementRecord> requirements,
                           List<EvidenceItem> evidence, String journalHead) {
    public DossierInput {
        Objects.requireNonNull(assessment, "assessment");
        requirements = List.copyOf(requirements);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(journalHead, "journalHead");
    }

    /** The evidence items that belong to a requirement, in input order. */
    public List<EvidenceItem> evidenceOf(String requirementId) {
        return evidence.stream().filter(e -> requirementId.equals(e.requirementId())).toList();
    }
}
