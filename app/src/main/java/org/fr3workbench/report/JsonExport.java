package org.fr3workbench.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.report.model.AssessmentSummary;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.RequirementRecord;
import org.fr3workbench.report.model.StepRecord;

/**
 * The machine-readable export of a dossier's content ({@code fr3 export FILE --json OUT.json}).
 * The schema is documented in docs/dossier.md; field order is stable. Evidence content is not
 * included, only its metadata and SHA-256.
 */
public final class JsonExport {

    public static final String FORMAT = "fr3-dossier";
    public static final int VERSION = 1;

    private JsonExport() {
    }

    public static void write(DossierInput input, OutputStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writeValue(out, toMap(input));
    }

    /** The export as nested maps and lists (what {@link #write} serialises). */
    public static Map<String, Object> toMap(DossierInput input) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("assessment", assessment(input.assessment()));
        root.put("journalHead", input.journalHead());
        List<Object> requirements = new ArrayList<>();
        for (RequirementRecord r : input.requirements()) {
            requirements.add(requirement(r, input.evidenceOf(r.id())));
        }
        root.put("requirements", requirements);
        root.put("evidence", input.evidence().stream().map(JsonExport::evidence).toList());
        return root;
    }

    private static Map<String, Object> assessment(AssessmentSummary a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.assessmentId());
        m.put("product", a.product());
        m.put("firmware", a.firmware());
        m.put("componentType", a.componentType().name());
        m.put("deviceIdentity", a.deviceIdentity());
        m.put("assessor", a.assessor());
        m.put("organization", a.organization());
        m.put("started", a.started().toString());
        m.put("finished", time(a.finished()));
        m.put("targetSl", a.targetSl().number());
        m.put("achievedSlC", a.achievedSlC().map(SecurityLevel::number).orElse(null));
        m.put("result", token(a.result().name()));
        m.put("catalogVersion", a.catalogVersion());
        return m;
    }

    private static Map<String, Object> requirement(RequirementRecord r, List<EvidenceItem> evidence) {
        Requirement q = r.requirement();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", q.id());
        m.put("title", q.title());
        m.put("family", q.family());
        m.put("componentTypes", q.componentTypes().stream().map(Enum::name).toList());
        m.put("sl", q.minLevel().map(SecurityLevel::number).orElse(null));
        Map<String, Object> cip = new LinkedHashMap<>();
        cip.put("position", token(q.cipPosition().name()));
        cip.put("reason", q.cipReason());
        cip.put("integratorAction", q.integratorAction());
        m.put("cip", cip);
        m.put("note", q.note());
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("value", token(r.verdict().kind().name()));
        verdict.put("rationale", r.verdict().rationale());
        verdict.put("actor", r.verdict().actor());
        verdict.put("decidedAt", time(r.verdict().decidedAt()));
        m.put("verdict", verdict);
        m.put("steps", r.steps().stream().map(JsonExport::step).toList());
        m.put("evidence", evidence.stream().map(EvidenceItem::id).toList());
        return m;
    }

    private static Map<String, Object> step(StepRecord s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("title", s.title());
        m.put("kind", token(s.kind().name()));
        m.put("outcome", s.outcome().map(o -> token(o.name())).orElse(null));
        m.put("reason", s.reason());
        m.put("ranAt", time(s.ranAt()));
        return m;
    }

    private static Map<String, Object> evidence(EvidenceItem e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("kind", token(e.kind().name()));
        m.put("name", e.name());
        m.put("mediaType", e.mediaType());
        m.put("caption", e.caption());
        m.put("capturedAt", e.capturedAt().toString());
        m.put("sha256", e.sha256());
        m.put("size", e.size());
        m.put("requirement", e.requirementId());
        m.put("step", e.stepId());
        return m;
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }

    /** An enum constant as a JSON token: {@code NOT_MET -> not-met}. */
    static String token(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
