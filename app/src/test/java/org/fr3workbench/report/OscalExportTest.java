package org.fr3workbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fr3workbench.report.model.DossierInput;
import org.fr3workbench.report.model.EvidenceItem;
import org.fr3workbench.report.model.RequirementRecord;
import org.fr3workbench.report.model.VerdictKind;
import org.junit.jupiter.api.Test;

/** The OSCAL export validates against NIST's OSCAL 1.1.2 assessment-results JSON schema and carries every verdict and hash. */
class OscalExportTest {

    private static final Instant GENERATED = Instant.parse("2026-11-28T01:00:00Z");
    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode export(DossierInput input) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        OscalExport.write(input, GENERATED, "FR3 Workbench test", out);
        return mapper.readTree(out.toByteArray());
    }

    @Test
    void theExportIsAValidOscalAssessmentResultsDocument() throws IOException {
        JsonNode doc = export(SampleDossier.create());
        List<Error> errors = OscalSchema.validate(doc);
        assertThat(errors).as(errors.toString()).isEmpty();
        JsonNode ar = doc.get("assessment-results");
        assertThat(ar.at("/metadata/oscal-version").asText()).isEqualTo("1.1.2");
        assertThat(ar.at("/metadata/last-modified").asText()).isEqualTo("2026-11-28T01:00:00Z");
        assertThat(ar.at("/import-ap/href").asText()).startsWith("#");
        String plan = ar.at("/import-ap/href").asText().substring(1);
        assertThat(uuids(ar.at("/back-matter/resources"))).contains(plan);
    }

    @Test
    void everyVerdictBecomesAFindingWithTheMatchingTargetStatus() throws IOException {
        DossierInput input = SampleDossier.create();
        JsonNode result = export(input).at("/assessment-results/results/0");
        JsonNode findings = result.get("findings");
        assertThat(findings).hasSize(input.requirements().size());
        Set<String> observations = uuids(result.get("observations"));
        Set<String> kinds = new HashSet<>();
        for (int i = 0; i < input.requirements().size(); i++) {
            RequirementRecord r = input.requirements().get(i);
            JsonNode f = findings.get(i);
            VerdictKind kind = r.verdict().kind();
            kinds.add(kind.name());
            assertThat(f.at("/target/target-id").asText()).isEqualTo(OscalExport.controlId(r.requirement().id()));
            assertThat(f.at("/target/status/state").asText()).isEqualTo(
                    kind == VerdictKind.MET || kind == VerdictKind.NOT_APPLICABLE ? "satisfied" : "not-satisfied");
            assertThat(f.at("/target/status/reason").asText()).isEqualTo(
                    kind == VerdictKind.MET ? "pass" : kind == VerdictKind.NOT_MET ? "fail" : "other");
            assertThat(prop(f, "verdict")).isEqualTo(JsonExport.token(kind.name()));
            assertThat(prop(f, "requirement-id")).isEqualTo(r.requirement().id());
            assertThat(observations).contains(f.at("/related-observations/0/observation-uuid").asText());
        }
        assertThat(kinds).contains("MET", "NOT_MET", "NOT_APPLICABLE");
        assertThat(result.at("/reviewed-controls/control-selections/0/include-controls")).hasSize(input.requirements().size());
    }

    @Test
    void everyEvidenceItemIsABackMatterResourceWithItsSha256AndIsReferencedByAnObservation() throws IOException {
        DossierInput input = SampleDossier.create();
        JsonNode ar = export(input).get("assessment-results");
        List<String> hrefs = new ArrayList<>();
        ar.at("/results/0/observations").forEach(o -> o.path("relevant-evidence").forEach(e -> hrefs.add(e.get("href").asText())));
        for (EvidenceItem e : input.evidence()) {
            JsonNode resource = null;
            for (JsonNode r : ar.at("/back-matter/resources")) {
                if (e.id().equals(prop(r, "evidence-id"))) {
                    resource = r;
                }
            }
            assertThat(resource).as(e.id()).isNotNull();
            assertThat(resource.at("/rlinks/0/hashes/0/algorithm").asText()).isEqualTo("SHA-256");
            assertThat(resource.at("/rlinks/0/hashes/0/value").asText()).isEqualTo(e.sha256());
            assertThat(resource.at("/rlinks/0/href").asText()).isEqualTo(EvidenceEmbedder.fileName(e));
            assertThat(hrefs).contains("#" + resource.get("uuid").asText());
        }
    }

    @Test
    void theSameAssessmentGivesTheSameDocument() throws IOException {
        assertThat(export(SampleDossier.create())).isEqualTo(export(SampleDossier.create()));
        assertThat(OscalExport.controlId("CR 3.4 RE(1)")).isEqualTo("cr-3.4-re-1");
        assertThat(OscalExport.controlId("EDR 3.10")).isEqualTo("edr-3.10");
        assertThat(OscalExport.uuid("a")).matches("[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isNotEqualTo(OscalExport.uuid("b"));
    }

    @Test
    void theSchemaRejectsABrokenDocument() throws IOException {
        ObjectNode doc = (ObjectNode) export(SampleDossier.create());
        ObjectNode ar = (ObjectNode) doc.get("assessment-results");
        ar.remove("import-ap");
        ((ObjectNode) ar.at("/results/0/findings/0/target/status")).put("state", "met");
        ((ObjectNode) ar.at("/results/0")).put("uuid", "not-a-uuid");
        List<Error> errors = OscalSchema.validate(doc);
        assertThat(errors.stream().map(Error::toString).toList())
                .anySatisfy(m -> assertThat(m).contains("import-ap"))
                .anySatisfy(m -> assertThat(m).contains("/results/0/findings/0/target/status/state"))
                .anySatisfy(m -> assertThat(m).contains("/results/0/uuid"));
    }

    private static Set<String> uuids(JsonNode array) {
        Set<String> ids = new HashSet<>();
        array.forEach(n -> ids.add(n.get("uuid").asText()));
        return ids;
    }

    private static String prop(JsonNode node, String name) {
        for (JsonNode p : node.path("props")) {
            if (p.get("name").asText().equals(name)) {
                assertThat(p.get("ns").asText()).isEqualTo(OscalExport.NS);
                return p.get("value").asText();
            }
        }
        return null;
    }
}
