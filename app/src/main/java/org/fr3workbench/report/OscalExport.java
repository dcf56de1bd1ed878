package org.fr3workbench.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.StepKind;
import org.fr3workbench.report.model.AssessmentSummary;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.RequirementRecord;
import org.fr3workbench.report.model.StepRecord;
import org.fr3workbench.report.model.VerdictKind;

/**
 * The assessment as an OSCAL assessment-results document ({@code fr3 export FILE --oscal OUT.json}):
 * one result, one finding and one observation per requirement, each evidence item a back-matter
 * resource with its SHA-256. UUIDs are version-5 (name-based) so that the same assessment state
 * always gives the same document. Mapping and limits: docs/dossier.md.
 */
public final class OscalExport {

    /** The OSCAL version the document is written against (and validated with in the tests). */
    public static final String OSCAL_VERSION = "1.1.2";
    /** Namespace of FR3 Workbench's own props. */
    public static final String NS = "https://fr3workbench.org/ns/oscal";
    private static final UUID NAMESPACE = UUID.fromString("6f1c1f9e-3b8e-5a0e-9a51-0f7e3c2d4b10");

    private final DossierInput input;
    private final Instant generatedAt;
    private final String generator;

    private OscalExport(DossierInput input, Instant generatedAt, String generator) {
        this.input = input;
        this.generatedAt = generatedAt;
        this.generator = generator;
    }

    public static void write(DossierInput input, Instant generatedAt, String generator, OutputStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        mapper.writeValue(out, toMap(input, generatedAt, generator));
    }

    /** The document as nested maps and lists. */
    public static Map<String, Object> toMap(DossierInput input, Instant generatedAt, String generator) {
        return map("assessment-results", new OscalExport(input, generatedAt, generator).assessmentResults());
    }

    private Map<String, Object> assessmentResults() {
        AssessmentSummary a = input.assessment();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("uuid", uuid("document", a.assessmentId(), input.journalHead()));
        root.put("metadata", metadata(a));
        Map<String, Object> importAp = new LinkedHashMap<>();
        importAp.put("href", "#" + uuid("plan", a.assessmentId()));
        importAp.put("remarks", "FR3 Workbench does not write an OSCAL assessment plan. The plan is the FR 3 catalog "
                + a.catalogVersion() + " (requirements, CIP positions and procedures), named by the back-matter resource "
                + "this reference points to.");
        root.put("import-ap", importAp);
        root.put("results", List.of(result(a)));
        root.put("back-matter", map("resources", resources(a)));
        return root;
    }

    private Map<String, Object> metadata(AssessmentSummary a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", line("IEC 62443-4-2 FR 3 assessment results: " + a.product() + " " + a.firmware()));
        m.put("last-modified", generatedAt.toString());
        m.put("version", a.assessmentId() + " journal " + input.journalHead().substring(0, Math.min(16, input.journalHead().length())));
        m.put("oscal-version", OSCAL_VERSION);
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "generator", generator);
        prop(props, "assessment-id", a.assessmentId());
        prop(props, "journal-head", input.journalHead());
        m.put("props", props);
        m.put("roles", List.of(map("id", "assessor", "title", "Assessor")));
        List<Object> parties = new ArrayList<>();
        String assessor = uuid("party", a.assessor());
        parties.add(party(assessor, "person", a.assessor()));
        List<String> partyUuids = new ArrayList<>(List.of(assessor));
        if (!clean(a.organization()).isEmpty()) {
            String organization = uuid("party", a.organization());
            parties.add(party(organization, "organization", a.organization()));
            partyUuids.add(organization);
        }
        m.put("parties", parties);
        m.put("responsible-parties", List.of(map("role-id", "assessor", "party-uuids", partyUuids)));
        return m;
    }

    private Map<String, Object> result(AssessmentSummary a) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("uuid", uuid("result", a.assessmentId()));
        r.put("title", line("FR 3 System Integrity, " + a.componentType().name() + ", target SL " + a.targetSl().number()));
        r.put("description", "Assessment " + a.assessmentId() + " of " + a.product() + " " + a.firmware() + " by "
                + a.assessor() + " against IEC 62443-4-2 FR 3 with FR3 Workbench. Overall: " + a.result().label() + ".");
        r.put("start", a.started().toString());
        a.finished().ifPresent(f -> r.put("end", f.toString()));
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "component-type", a.componentType().name());
        prop(props, "target-sl", String.valueOf(a.targetSl().number()));
        prop(props, "achieved-sl-c", a.achievedSlC().map(l -> String.valueOf(l.number())).orElse("none"));
        prop(props, "overall-result", JsonExport.token(a.result().name()));
        prop(props, "catalog-version", a.catalogVersion());
        a.deviceIdentity().forEach(line -> prop(props, "device-identity", line));
        r.put("props", props);
        List<Object> controls = input.requirements().stream()
                .map(q -> (Object) map("control-id", controlId(q.requirement().id()))).toList();
        r.put("reviewed-controls", map("control-selections", List.of(controls.isEmpty()
                ? map("include-all", map()) : map("include-controls", controls))));
        List<Object> observations = new ArrayList<>();
        List<Object> findings = new ArrayList<>();
        for (RequirementRecord q : input.requirements()) {
            String observation = uuid("observation", a.assessmentId(), q.requirement().id());
            observations.add(observation(observation, q));
            findings.add(finding(q, observation));
        }
        List<EvidenceItem> general = input.evidence().stream().filter(e -> input.requirements().stream()
                .noneMatch(q -> q.requirement().id().equals(e.requirementId()))).toList();
        if (!general.isEmpty()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("uuid", uuid("observation", a.assessmentId(), "general"));
            o.put("title", "Further evidence");
            o.put("description", "Evidence recorded in the assessment that belongs to no single requirement.");
            o.put("methods", List.of("EXAMINE"));
            o.put("relevant-evidence", general.stream().map(this::evidence).toList());
            o.put("collected", general.getLast().capturedAt().toString());
            observations.add(o);
        }
        if (!observations.isEmpty()) {
            r.put("observations", observations);
        }
        if (!findings.isEmpty()) {
            r.put("findings", findings);
        }
        return r;
    }

    private Map<String, Object> observation(String id, RequirementRecord q) {
        Requirement req = q.requirement();
        List<EvidenceItem> evidence = input.evidenceOf(req.id());
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("uuid", id);
        o.put("title", line(req.id() + " " + req.title()));
        StringBuilder text = new StringBuilder("Procedure steps and their outcomes:");
        if (q.steps().isEmpty()) {
            text.append("\n\n(no steps recorded)");
        }
        for (StepRecord s : q.steps()) {
            text.append("\n\n- ").append(s.title()).append(": ")
                    .append(s.outcome().map(out -> JsonExport.token(out.name())).orElse("not run"));
            if (!clean(s.reason()).isEmpty()) {
                text.append(" (").append(clean(s.reason())).append(')');
            }
        }
        o.put("description", text.toString());
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "requirement-id", req.id());
        o.put("props", props);
        boolean automatic = q.steps().stream().anyMatch(s -> s.outcome().isPresent()
                && (s.kind() == StepKind.COMMAND || s.kind() == StepKind.PROBE));
        o.put("methods", List.of(automatic ? "TEST" : "EXAMINE"));
        if (!evidence.isEmpty()) {
            o.put("relevant-evidence", evidence.stream().map(this::evidence).toList());
        }
        Instant collected = q.steps().stream().flatMap(s -> s.ranAt().stream()).max(Instant::compareTo)
                .or(() -> evidence.stream().map(EvidenceItem::capturedAt).max(Instant::compareTo))
                .or(() -> q.verdict().decidedAt())
                .orElse(input.assessment().started());
        o.put("collected", collected.toString());
        return o;
    }

    private Map<String, Object> evidence(EvidenceItem e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("href", "#" + uuid("evidence", input.assessment().assessmentId(), e.id()));
        m.put("description", line(e.id() + " " + e.kind().label() + ": " + (clean(e.caption()).isEmpty() ? e.name() : e.caption())));
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "evidence-id", e.id());
        prop(props, "sha256", e.sha256());
        m.put("props", props);
        return m;
    }

    private Map<String, Object> finding(RequirementRecord q, String observation) {
        Requirement req = q.requirement();
        VerdictKind verdict = q.verdict().kind();
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("uuid", uuid("finding", input.assessment().assessmentId(), req.id()));
        f.put("title", line(req.id() + " " + req.title()));
        String rationale = clean(q.verdict().rationale());
        f.put("description", verdict.label() + (rationale.isEmpty() ? "." : ": " + q.verdict().rationale()));
        List<Map<String, Object>> props = new ArrayList<>();
        prop(props, "requirement-id", req.id());
        prop(props, "verdict", JsonExport.token(verdict.name()));
        prop(props, "cip-position", JsonExport.token(req.cipPosition().name()));
        req.minLevel().map(SecurityLevel::number).ifPresent(sl -> prop(props, "sl", String.valueOf(sl)));
        prop(props, "decided-by", q.verdict().actor());
        q.verdict().decidedAt().ifPresent(t -> prop(props, "decided-at", t.toString()));
        f.put("props", props);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("state", verdict == VerdictKind.MET || verdict == VerdictKind.NOT_APPLICABLE ? "satisfied" : "not-satisfied");
        status.put("reason", switch (verdict) {
            case MET -> "pass";
            case NOT_MET -> "fail";
            case NOT_APPLICABLE, NOT_ASSESSED -> "other";
        });
        if (verdict == VerdictKind.NOT_APPLICABLE || verdict == VerdictKind.NOT_ASSESSED) {
            status.put("remarks", verdict.label() + (rationale.isEmpty() ? "" : ": " + q.verdict().rationale()));
        }
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("type", "objective-id");
        target.put("target-id", controlId(req.id()));
        target.put("status", status);
        f.put("target", target);
        f.put("related-observations", List.of(map("observation-uuid", observation)));
        return f;
    }

    private List<Object> resources(AssessmentSummary a) {
        List<Object> resources = new ArrayList<>();
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("uuid", uuid("plan", a.assessmentId()));
        plan.put("title", "FR3 Workbench catalog " + a.catalogVersion() + " (stands in for an OSCAL assessment plan)");
        plan.put("description", "The requirements of IEC 62443-4-2 FR 3 with the CIP platform's position and the procedures "
                + "that were run; shipped with FR3 Workbench.");
        resources.add(plan);
        for (EvidenceItem e : input.evidence()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("uuid", uuid("evidence", a.assessmentId(), e.id()));
            r.put("title", line(e.id() + " " + e.name()));
            if (!clean(e.caption()).isEmpty()) {
                r.put("description", e.caption());
            }
            List<Map<String, Object>> props = new ArrayList<>();
            prop(props, "evidence-id", e.id());
            prop(props, "kind", JsonExport.token(e.kind().name()));
            prop(props, "size", String.valueOf(e.size()));
            prop(props, "captured-at", e.capturedAt().toString());
            prop(props, "requirement-id", e.requirementId());
            prop(props, "step-id", e.stepId());
            r.put("props", props);
            Map<String, Object> rlink = new LinkedHashMap<>();
            rlink.put("href", EvidenceEmbedder.fileName(e));
            rlink.put("media-type", clean(e.mediaType()).isEmpty() ? "application/octet-stream" : clean(e.mediaType()));
            rlink.put("hashes", List.of(map("algorithm", "SHA-256", "value", e.sha256())));
            r.put("rlinks", List.of(rlink));
            resources.add(r);
        }
        return resources;
    }

    /** An ordered map from key-value pairs (Map.of has no stable order, the export must have one). */
    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> party(String uuid, String type, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uuid", uuid);
        p.put("type", type);
        p.put("name", clean(name));
        return p;
    }

    /** Adds an FR3 prop unless the value is blank (OSCAL string values must not be empty or padded). */
    private static void prop(List<Map<String, Object>> props, String name, String value) {
        String v = clean(value);
        if (!v.isEmpty()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", name);
            p.put("ns", NS);
            p.put("value", v);
            props.add(p);
        }
    }

    /** A requirement id as an OSCAL token: {@code CR 3.4 RE(1)} becomes {@code cr-3.4-re-1}. */
    static String controlId(String requirementId) {
        String token = requirementId.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}.]+", "-").replaceAll("^-+|-+$", "");
        return token.isEmpty() || !Character.isLetter(token.charAt(0)) ? "r-" + token : token;
    }

    /** One line, whitespace runs collapsed, trimmed. */
    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static String line(String text) {
        String cleaned = clean(text);
        return cleaned.isEmpty() ? "(untitled)" : cleaned;
    }

    /** A name-based (version 5, SHA-1) UUID from the parts, in FR3 Workbench's namespace. */
    static String uuid(String... parts) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer ns = ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(ns.array());
            sha1.update(String.join("\u001F", parts).getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha1.digest();
            hash[6] = (byte) ((hash[6] & 0x0F) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3F) | 0x80);
            ByteBuffer b = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(b.getLong(), b.getLong()).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
