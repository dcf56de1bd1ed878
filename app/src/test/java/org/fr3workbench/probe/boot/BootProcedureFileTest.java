package org.fr3workbench.probe.boot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fr3workbench.engine.CommandTemplate;
import org.fr3workbench.probe.TextPattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guided boot procedure data keeps the structure documented in docs/authenticity-tests.md. */
class BootProcedureFileTest {

    static final Set<String> KINDS = Set.of("instruction", "command", "capture", "probe", "input");
    static JsonNode procedure;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = BootProcedureFileTest.class.getResourceAsStream("/assets/procedures/boot-authenticity.yaml")) {
            assertThat(in).as("bundled in the jar").isNotNull();
            procedure = new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    @Test
    void hasTheFourCasesEachWithChangeWatchRestoreAndConfirm() {
        assertThat(procedure.get("schema").asInt()).isEqualTo(1);
        List<String> ids = new ArrayList<>();
        procedure.get("cases").forEach(c -> ids.add(c.get("id").asText()));
        assertThat(ids).containsExactly("unsigned-kernel", "unsigned-bootloader", "wrong-key", "forbidden-key");
        Set<String> confirmations = new HashSet<>();
        procedure.get("confirmations").forEach(c -> confirmations.add(c.get("id").asText()));
        for (JsonNode c : procedure.get("cases")) {
            assertThat(c.get("change")).as(c.get("id").asText()).isNotEmpty();
            assertThat(c.get("restore")).isNotEmpty();
            assertThat(c.get("watch").get("probe").asText()).isEqualTo("boot-console");
            assertThat(c.get("watch").get("expect").asText()).isEqualTo("refused");
            c.get("confirm").forEach(id -> assertThat(confirmations).contains(id.asText()));
            assertThat(c.get("change")).anySatisfy(step -> assertThat(step.path("intrusive").asBoolean()).isTrue());
        }
    }

    @Test
    void everyStepHasIdKindAndTitleAndEveryPlaceholderIsADeclaredParameter() {
        Set<String> parameters = new HashSet<>();
        procedure.get("parameters").forEach(p -> parameters.add(p.get("id").asText()));
        List<JsonNode> steps = new ArrayList<>();
        procedure.get("prepare").forEach(steps::add);
        procedure.get("confirmations").forEach(steps::add);
        procedure.get("cases").forEach(c -> {
            c.get("change").forEach(steps::add);
            c.get("restore").forEach(steps::add);
        });
        assertThat(steps).hasSizeGreaterThan(20);
        for (JsonNode step : steps) {
            assertThat(step.hasNonNull("id") && step.hasNonNull("title")).as(step.toString()).isTrue();
            assertThat(KINDS).contains(step.get("kind").asText());
            if (step.get("kind").asText().equals("command")) {
                assertThat(step.has("command") || step.has("upload")).as(step.get("id").asText()).isTrue();
            }
        }
        List<String> used = new ArrayList<>();
        collectTexts(procedure, used);
        for (String text : used) {
            assertThat(parameters).as("placeholders in: " + text).containsAll(new CommandTemplate(text).parameters());
        }
    }

    @Test
    void expectedConsoleMessagesArePatternsOfTheBootRefusalList() {
        Set<String> known = new HashSet<>(BootConsolePatterns.loadBundled().refusals().stream().map(TextPattern::id).toList());
        for (JsonNode c : procedure.get("cases")) {
            c.get("expected-console").forEach(id -> assertThat(known).contains(id.asText()));
        }
    }

    private static void collectTexts(JsonNode node, List<String> out) {
        if (node.isTextual()) {
            out.add(node.asText());
        }
        node.forEach(child -> collectTexts(child, out));
    }
}
