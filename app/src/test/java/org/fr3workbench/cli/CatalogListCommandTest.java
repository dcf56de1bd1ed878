package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.fr3workbench.App;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.junit.jupiter.api.Test;

class CatalogListCommandTest {

    private final App app = new App();
    private final Catalog catalog = app.catalog();

    private static List<JsonNode> entries(String json) throws Exception {
        JsonNode root = new ObjectMapper().readTree(json);
        List<JsonNode> list = new ArrayList<>();
        root.get("requirements").forEach(list::add);
        assertThat(root.get("count").asInt()).isEqualTo(list.size());
        return list;
    }

    @Test
    void jsonListsEveryCatalogEntryWithItsFields() throws Exception {
        CliRun run = CliRun.of(app, "catalog", "list", "--json");

        assertThat(run.exitCode()).isZero();
        List<JsonNode> entries = entries(run.out());
        assertThat(entries).extracting(e -> e.get("id").asText())
                .containsExactlyElementsOf(catalog.requirements().stream().map(Requirement::id).toList());
        for (JsonNode entry : entries) {
            Requirement requirement = catalog.find(entry.get("id").asText()).orElseThrow();
            assertThat(entry.get("title").asText()).isEqualTo(requirement.title());
            assertThat(entry.get("componentTypes")).isNotEmpty();
            assertThat(entry.get("cipPosition").asText()).isIn("met", "na", "not-assessed", "not-covered");
            assertThat(entry.has("sl")).isTrue();
            if (!requirement.isComponentSpecific()) {
                assertThat(entry.get("sl").asInt()).isEqualTo(requirement.minLevel().orElseThrow().number());
            }
        }
    }

    @Test
    void componentTypeFilterKeepsOnlyEntriesForThatType() throws Exception {
        CliRun run = CliRun.of(app, "catalog", "list", "--component-type", "edr", "--json");

        assertThat(run.exitCode()).isZero();
        List<JsonNode> entries = entries(run.out());
        long expected = catalog.requirements().stream().filter(r -> r.appliesTo(ComponentType.EDR)).count();
        assertThat(entries).hasSize((int) expected);
        assertThat(entries).allSatisfy(e -> assertThat(e.get("componentTypes").toString()).contains("EDR"));
        assertThat(entries).noneSatisfy(e -> assertThat(e.get("id").asText()).startsWith("HDR"));
    }

    @Test
    void maxSlFilterDropsEntriesRequiredOnlyAtHigherLevels() throws Exception {
        CliRun run = CliRun.of(app, "catalog", "list", "--max-sl", "1", "--json");

        assertThat(run.exitCode()).isZero();
        List<JsonNode> entries = entries(run.out());
        assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.get("sl").asInt()).isEqualTo(1));
        long expected = catalog.requirements().stream()
                .filter(r -> r.minLevel().map(l -> l.number() == 1).orElse(false)).count();
        assertThat(entries).hasSize((int) expected);
    }

    @Test
    void textTableHasAHeaderAndOneLinePerEntry() {
        CliRun run = CliRun.of(app, "catalog", "list");

        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines[0]).startsWith("ID").contains("SL", "TYPES", "CIP", "TITLE");
        assertThat(lines).hasSize(catalog.requirements().size() + 2);
        assertThat(lines[lines.length - 1]).isEqualTo(catalog.requirements().size() + " requirement(s)");
    }

    @Test
    void badFlagsExitWithUsage() {
        CliRun unknownOption = CliRun.of(app, "catalog", "list", "--bogus");
        assertThat(unknownOption.exitCode()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("Unknown option: '--bogus'", "Usage: fr3 catalog list");

        CliRun badLevel = CliRun.of(app, "catalog", "list", "--max-sl", "5");
        assertThat(badLevel.exitCode()).isEqualTo(2);
        assertThat(badLevel.err()).contains("5 is not a security level (1 to 4)", "Usage:");

        CliRun badType = CliRun.of(app, "catalog", "list", "--component-type", "PLC");
        assertThat(badType.exitCode()).isEqualTo(2);
        assertThat(badType.err()).contains("'PLC'", "Usage:");

        CliRun noCommand = CliRun.of(app, "catalog");
        assertThat(noCommand.exitCode()).isEqualTo(2);
    }

    @Test
    void versionNamesTheProductAndJava() {
        CliRun run = CliRun.of(app, "--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("FR3 Workbench ").contains("Java 25");
    }
}
