package org.fr3workbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Evidence;
import org.fr3workbench.domain.JournalEntry;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.engine.SecurityLevelCapability;
import org.fr3workbench.report.model.AssessmentSummary;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.EvidenceKind;
import org.fr3workbench.report.model.OverallResult;
import org.fr3workbench.report.model.RequirementRecord;
import org.fr3workbench.report.model.RequirementVerdict;
import org.fr3workbench.report.model.StepRecord;
import org.fr3workbench.report.model.VerdictKind;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;

/**
 * The dossier's input read from an assessment file: every requirement that applies to the
 * assessment's component type (catalog order) with its current verdict and step runs, every
 * evidence item (content streamed from the file when the dossier embeds it), SL-C and the journal
 * head. Nothing is copied into memory but metadata.
 */
public final class AssessmentDossier {

    private static final int PAGE = 1000;

    private AssessmentDossier() {
    }

    /** Reads the dossier input; the store must stay open until the export has finished. */
    public static DossierInput from(AssessmentStore store, Catalog catalog) {
        AssessmentInfo info = store.info();
        Map<String, Verdict> verdicts = store.verdicts().current();
        SecurityLevelCapability.Result capability = new SecurityLevelCapability(catalog).compute(info.componentType(), verdicts);
        List<RequirementRecord> records = new ArrayList<>();
        for (Requirement requirement : catalog.requirements()) {
            if (requirement.appliesTo(info.componentType()) && !requirement.isComponentSpecific()) {
                records.add(new RequirementRecord(requirement, verdict(verdicts.get(requirement.id())),
                        steps(requirement, store.stepRuns().forRequirement(requirement.id()))));
            }
        }
        List<String> identity = new ArrayList<>();
        store.target().ifPresent(target -> {
            addIfSet(identity, "Address", target.address());
            addIfSet(identity, "SSH host key", target.hostKeyFingerprint());
            // One line: the whole os-release is in the evidence, the cover names the system.
            addIfSet(identity, "OS release", org.fr3workbench.domain.OsRelease.summary(target.osRelease()));
            addIfSet(identity, "Serial number", target.serialNumber());
        });
        AssessmentSummary summary = new AssessmentSummary(store.fileId(), info.product(), info.firmwareVersion(),
                info.componentType(), identity, info.assessor(), info.organization(),
                info.startDate().map(d -> d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()).orElse(store.createdAt()),
                info.endDate().map(d -> d.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
                info.targetLevel(), capability.achieved(), overall(catalog, info, verdicts), info.catalogVersion());
        String head = store.journal().head().map(JournalEntry::hash).orElse("");
        return new DossierInput(summary, records, evidence(store), head);
    }

    private static void addIfSet(List<String> lines, String label, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(label + ": " + value);
        }
    }

    static OverallResult overall(Catalog catalog, AssessmentInfo info, Map<String, Verdict> verdicts) {
        boolean incomplete = false;
        for (Requirement required : catalog.requiredFor(info.componentType(), info.targetLevel())) {
            Verdict verdict = verdicts.get(required.id());
            if (verdict == null || verdict.decision() == VerdictDecision.NOT_ASSESSED) {
                incomplete = true;
            } else if (!verdict.decision().satisfies()) {
                return OverallResult.FAILED;
            }
        }
        return incomplete ? OverallResult.INCOMPLETE : OverallResult.PASSED;
    }

    private static RequirementVerdict verdict(Verdict verdict) {
        if (verdict == null) {
            return new RequirementVerdict(VerdictKind.NOT_ASSESSED, "", "", Optional.empty());
        }
        VerdictKind kind = switch (verdict.decision()) {
            case MET -> VerdictKind.MET;
            case NOT_MET -> VerdictKind.NOT_MET;
            case NOT_APPLICABLE -> VerdictKind.NOT_APPLICABLE;
            case NOT_ASSESSED -> VerdictKind.NOT_ASSESSED;
        };
        return new RequirementVerdict(kind, verdict.rationale(), verdict.actor(), Optional.of(verdict.decidedAt()));
    }

    /** The planned steps with the outcome of their latest run, if any. */
    private static List<StepRecord> steps(Requirement requirement, List<StepRun> runs) {
        Map<String, StepRun> latest = new LinkedHashMap<>();
        for (StepRun run : runs) {
            latest.merge(run.stepId(), run, (a, b) -> b.startedAt().isAfter(a.startedAt()) ? b : a);
        }
        List<StepRecord> steps = new ArrayList<>();
        for (PlannedStep step : requirement.steps()) {
            StepRun run = latest.get(step.id());
            steps.add(new StepRecord(step.id(), step.title(), step.kind(),
                    run == null ? Optional.empty() : run.outcome(),
                    run == null ? "" : run.reason(), run == null ? Optional.empty() : run.endedAt()));
        }
        return steps;
    }

    private static List<EvidenceItem> evidence(AssessmentStore store) {
        List<EvidenceItem> items = new ArrayList<>();
        long offset = 0;
        while (true) {
            List<Evidence> page = store.evidence().page(EvidenceQuery.all(), offset, PAGE);
            for (Evidence evidence : page) {
                long id = evidence.id();
                items.add(new EvidenceItem(String.format("E-%04d", id), kind(evidence), evidence.name(), evidence.mediaType(),
                        evidence.caption(), evidence.capturedAt(), evidence.sha256(), evidence.size(), evidence.requirementId(),
                        "", () -> store.evidence().open(id)));
            }
            if (page.size() < PAGE) {
                return items;
            }
            offset += PAGE;
        }
    }

    private static EvidenceKind kind(Evidence evidence) {
        return switch (evidence.kind()) {
            case TRANSCRIPT -> EvidenceKind.TRANSCRIPT;
            case CONSOLE_LOG -> EvidenceKind.CONSOLE_LOG;
            case SCREENSHOT -> EvidenceKind.SCREENSHOT;
            case PHOTO -> EvidenceKind.PHOTO;
            case FILE, STRUCTURED_RESULT, NOTE -> EvidenceKind.FILE;
        };
    }
}
