package org.fr3workbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import org.fr3workbench.report.model.DossierInput;
import org.junit.jupiter.api.Test;

class JsonExportTest {

    @Test
    void exportHoldsEveryRequirementStepAndEvidenceItem() throws Exception {
        DossierInput input = SampleDossier.create();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JsonExport.write(input, out);
        JsonNode json = new ObjectMapper().readTree(out.toByteArray());
        assertThat(json.path("format").asText()).isEqualTo("fr3-dossier");
        assertThat(json.path("version").asInt()).isEqualTo(1);
        assertThat(json.path("assessment").path("targetSl").asInt()).isEqualTo(2);
        assertThat(json.path("assessment").path("achievedSlC").asInt()).isEqualTo(1);
        assertThat(json.path("assessment").path("result").asText()).isEqualTo("failed");
        assertThat(json.path("journalHead").asText()).isEqualTo(input.journalHead());
        assertThat(json.path("requirements")).hasSize(input.requirements().size());
        JsonNode first = json.path("requirements").get(0);
        assertThat(first.path("id").asText()).isEqualTo(input.requirements().get(0).id());
        assertThat(first.path("cip").path("position").asText()).isIn("met", "na", "not-assessed", "not-covered");
        assertThat(first.path("verdict").path("value").asText()).isIn("met", "not-met", "not-applicable", "not-assessed");
        assertThat(first.path("steps")).hasSize(input.requirements().get(0).steps().size());
        assertThat(json.path("evidence")).hasSize(input.evidence().size());
        assertThat(json.path("evidence").get(0).path("sha256").asText()).isEqualTo(input.evidence().get(0).sha256());
    }
}
