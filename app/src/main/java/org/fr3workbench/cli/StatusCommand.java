package org.fr3workbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.StepRun;
import org.fr3workbench.domain.StepRunState;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.engine.SecurityLevelCapability;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.EvidenceQuery;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fr3 status FILE [--json]}: assessment info, verdicts, counts and SL-C(FR 3). */
@Command(name = "status", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Show an assessment: info, verdicts, evidence and step-run counts, and the achieved SL-C(FR 3).")
final class StatusCommand implements Callable<Integer> {

    private final Supplier<AssessmentFiles> files;
    private final Supplier<Catalog> catalog;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file.")
    private Path file;

    @Option(names = "--json", description = "Print JSON (fields in docs/assessment-file.md).")
    private boolean json;

    StatusCommand(Supplier<AssessmentFiles> files, Supplier<Catalog> catalog) {
        this.files = files;
        this.catalog = catalog;
    }

    @Override
    public Integer call() throws JsonProcessingException {
        Map<String, Object> status;
        try (AssessmentStore store = AssessmentAccess.open(files.get(), file, AssessmentFiles.Access.READ_ONLY)) {
            status = new StatusReport(catalog.get(), store).toMap();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(status));
        } else {
            StatusText.print(out, status);
        }
        out.flush();
        return 0;
    }

    /** Collects the status as the ordered map that {@code --json} prints and the text view reads. */
    static final class StatusReport {
        private final Catalog catalog;
        private final AssessmentStore store;

        StatusReport(Catalog catalog, AssessmentStore store) {
            this.catalog = catalog;
            this.store = store;
        }

        Map<String, Object> toMap() {
            AssessmentInfo info = store.info();
            Map<String, Verdict> current = store.verdicts().current();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("file", store.file().toString());
            root.put("assessment", assessment(info));
            root.put("target", store.target().map(t -> {
                Map<String, Object> target = new LinkedHashMap<>();
                target.put("address", t.address());
                target.put("hostKeyFingerprint", t.hostKeyFingerprint());
                target.put("osRelease", t.osRelease());
                target.put("serialNumber", t.serialNumber());
                return target;
            }).orElse(null));
            List<Map<String, Object>> verdicts = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (VerdictDecision d : VerdictDecision.values()) {
                counts.put(d.code(), 0);
            }
            int required = 0;
            for (Requirement r : catalog.requirements()) {
                if (!r.appliesTo(info.componentType()) || r.isComponentSpecific()) {
                    continue;
                }
                Verdict v = current.get(r.id());
                VerdictDecision decision = v == null ? VerdictDecision.NOT_ASSESSED : v.decision();
                boolean requiredAtTarget = r.requiredFor(info.componentType(), info.targetLevel());
                if (requiredAtTarget) {
                    required++;
                    counts.merge(decision.code(), 1, Integer::sum);
                }
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("requirement", r.id());
                entry.put("title", r.title());
                entry.put("sl", r.minLevel().map(SecurityLevel::number).orElse(null));
                entry.put("requiredAtTarget", requiredAtTarget);
                entry.put("decision", decision.code());
                entry.put("rationale", v == null ? "" : v.rationale());
                entry.put("actor", v == null ? null : v.actor());
                entry.put("at", v == null ? null : v.decidedAt().toString());
                verdicts.add(entry);
            }
            root.put("verdicts", verdicts);
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("requiredAtTarget", required);
            totals.putAll(counts);
            List<StepRun> runs = store.stepRuns().all();
            totals.put("stepRuns", runs.size());
            totals.put("stepRunsInterrupted", runs.stream().filter(r -> r.state() == StepRunState.INTERRUPTED).count());
            totals.put("evidence", store.evidence().count(EvidenceQuery.all()));
            totals.put("evidenceBytes", store.evidence().totalBytes());
            totals.put("journalEntries", store.journal().size());
            root.put("counts", totals);
            root.put("slc", capability(info, current));
            root.put("journalHead", store.journal().head().map(e -> e.hash()).orElse(null));
            return root;
        }

        private static Map<String, Object> assessment(AssessmentInfo info) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("product", info.product());
            a.put("firmwareVersion", info.firmwareVersion());
            a.put("componentType", info.componentType().name());
            a.put("targetSl", info.targetLevel().number());
            a.put("assessor", info.assessor());
            a.put("organization", info.organization());
            a.put("catalogVersion", info.catalogVersion());
            a.put("startDate", info.startDate().map(Object::toString).orElse(null));
            a.put("endDate", info.endDate().map(Object::toString).orElse(null));
            return a;
        }

        private Map<String, Object> capability(AssessmentInfo info, Map<String, Verdict> current) {
            SecurityLevelCapability.Result result = new SecurityLevelCapability(catalog).compute(info.componentType(), current);
            Map<String, Object> slc = new LinkedHashMap<>();
            slc.put("achieved", result.achieved().map(SecurityLevel::number).orElse(0));
            slc.put("target", info.targetLevel().number());
            slc.put("targetReached", result.achieved().map(a -> info.targetLevel().atMost(a)).orElse(false));
            slc.put("nextLevel", result.nextLevel().map(SecurityLevel::number).orElse(null));
            slc.put("blockers", result.blockers().stream().map(b -> {
                Map<String, Object> blocker = new LinkedHashMap<>();
                blocker.put("requirement", b.requirementId());
                blocker.put("title", b.title());
                blocker.put("sl", b.requiredFrom().number());
                blocker.put("decision", b.decision().code());
                return blocker;
            }).toList());
            return slc;
        }
    }
}
