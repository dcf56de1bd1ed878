package org.fr3workbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.CipPosition;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.StepLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog packed into the application against the fact sheet (shared/reference/fr3-facts.md §1):
 * every FR 3 requirement and enhancement, each component-type variant on its own, with its lowest SL
 * and the CIP position, and the CIP document's errata corrected rather than copied.
 */
class BundledCatalogTest {

    /** Id | lowest SL ("-" = component-specific umbrella) | CIP position, in catalog order (fact sheet §1). */
    private static final String EXPECTED = """
            CR 3.1          | 1 | met
            CR 3.1 RE(1)    | 2 | met
            CR 3.2          | - | na
            SAR 3.2         | 1 | na
            EDR 3.2         | 1 | na
            HDR 3.2         | 1 | na
            NDR 3.2         | 1 | na
            HDR 3.2 RE(1)   | 2 | na
            CR 3.3          | 1 | na
            CR 3.3 RE(1)    | 4 | na
            CR 3.4          | 1 | met
            CR 3.4 RE(1)    | 2 | met
            CR 3.4 RE(2)    | 3 | na
            CR 3.5          | 1 | met
            CR 3.6          | 1 | na
            CR 3.7          | 1 | met
            CR 3.8          | 2 | met
            CR 3.9          | 2 | met
            CR 3.9 RE(1)    | 4 | na
            EDR 3.10        | 1 | met
            HDR 3.10        | 1 | na
            NDR 3.10        | 1 | met
            EDR 3.10 RE(1)  | 2 | met
            HDR 3.10 RE(1)  | 2 | not-assessed
            NDR 3.10 RE(1)  | 2 | met
            CR 3.11         | - | na
            EDR 3.11        | 2 | na
            HDR 3.11        | 2 | na
            NDR 3.11        | 2 | na
            EDR 3.11 RE(1)  | 3 | na
            HDR 3.11 RE(1)  | 3 | na
            NDR 3.11 RE(1)  | 3 | na
            CR 3.12         | - | na
            EDR 3.12        | 2 | met
            HDR 3.12        | 2 | na
            NDR 3.12        | 2 | met
            CR 3.13         | - | na
            EDR 3.13        | 2 | met
            HDR 3.13        | 2 | na
            NDR 3.13        | 2 | met
            CR 3.14         | - | na
            EDR 3.14        | 1 | met
            HDR 3.14        | 1 | not-covered
            NDR 3.14        | 1 | met
            EDR 3.14 RE(1)  | 2 | met
            HDR 3.14 RE(1)  | 2 | not-covered
            NDR 3.14 RE(1)  | 2 | met
            """;

    private static Catalog catalog;

    @BeforeAll
    static void load() {
        catalog = new CatalogLoader().loadBundled();
    }

    private record Row(String id, String sl, String position) {
    }

    private static List<Row> expectedRows() {
        return EXPECTED.lines().map(line -> line.split("\\|"))
                .map(cells -> new Row(cells[0].strip(), cells[1].strip(), cells[2].strip()))
                .toList();
    }

    @Test
    void listsExactlyTheFortySevenEntriesInDocumentOrder() {
        List<String> expectedIds = expectedRows().stream().map(Row::id).toList();

        assertThat(expectedIds).hasSize(47);
        assertThat(catalog.requirements()).extracting(Requirement::id).containsExactlyElementsOf(expectedIds);
    }

    @Test
    void everyEntryHasTheSecurityLevelAndCipPositionOfTheFactSheet() {
        Map<String, Requirement> byId = catalog.byId();
        for (Row row : expectedRows()) {
            Requirement requirement = byId.get(row.id());
            String level = requirement.minLevel().map(SecurityLevel::number).map(String::valueOf).orElse("-");
            String position = requirement.cipPosition().name().toLowerCase(Locale.ROOT).replace('_', '-');

            assertThat(level).as("SL of %s", row.id()).isEqualTo(row.sl());
            assertThat(position).as("CIP position of %s", row.id()).isEqualTo(row.position());
        }
    }

    @Test
    void listsTheFourteenFamiliesWithTheirTitles() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("3.1", "Communication integrity");
        expected.put("3.2", "Protection from malicious code");
        expected.put("3.3", "Security functionality verification");
        expected.put("3.4", "Software and information integrity");
        expected.put("3.5", "Input validation");
        expected.put("3.6", "Deterministic output");
        expected.put("3.7", "Error handling");
        expected.put("3.8", "Session integrity");
        expected.put("3.9", "Protection of audit information");
        expected.put("3.10", "Support for updates");
        expected.put("3.11", "Physical tamper resistance and detection");
        expected.put("3.12", "Provisioning product supplier roots of trust");
        expected.put("3.13", "Provisioning asset owner roots of trust");
        expected.put("3.14", "Integrity of the boot process");

        assertThat(catalog.families()).containsExactlyEntriesOf(expected);
    }

    @Test
    void hostBootIntegrityIsMarkedNotCoveredWithANote() {
        for (String id : List.of("HDR 3.14", "HDR 3.14 RE(1)")) {
            Requirement requirement = catalog.find(id).orElseThrow();

            assertThat(requirement.cipPosition()).as(id).isEqualTo(CipPosition.NOT_COVERED);
            assertThat(requirement.note()).as("note of %s", id).containsIgnoringCase("does not mention");
            assertThat(requirement.steps()).as("steps of %s", id).isNotEmpty();
        }
    }

    @Test
    void everyAssessedEntryHasAPlannedProcedureWithReasonAndIntegratorAction() {
        for (Requirement requirement : catalog.requirements()) {
            assertThat(requirement.cipReason()).as("reason of %s", requirement.id()).isNotBlank();
            assertThat(requirement.integratorAction()).as("integrator action of %s", requirement.id()).isNotBlank();
            if (!requirement.isComponentSpecific()) {
                assertThat(requirement.steps()).as("steps of %s", requirement.id()).isNotEmpty();
            }
            assertThat(requirement.steps()).extracting(PlannedStep::title)
                    .as("step titles of %s are one line", requirement.id())
                    .allSatisfy(title -> assertThat(title).doesNotContain("\n"));
        }
    }

    @Test
    void cipTestCasesSitOnTheirRequirementsAsIntrusiveSteps() {
        Map<String, String> expected = Map.of(
                "TC_CR3.4_1", "CR 3.4",
                "TC_CR3.4-RE1_1", "CR 3.4 RE(1)",
                "TC_CR3.4-RE2_1", "CR 3.4 RE(2)",
                "TC_CR3.9_1", "CR 3.9");
        Map<String, String> found = new LinkedHashMap<>();
        for (Requirement requirement : catalog.requirements()) {
            for (PlannedStep step : requirement.steps()) {
                if (!step.cipTestCase().isEmpty()) {
                    assertThat(found.put(step.cipTestCase(), requirement.id())).as("%s used once", step.cipTestCase()).isNull();
                    assertThat(step.intrusive()).as("%s changes the device", step.cipTestCase()).isTrue();
                }
            }
        }

        assertThat(found).containsExactlyInAnyOrderEntriesOf(expected);
    }

    @Test
    void bootRefusalTestsAreIntrusiveConsoleProbes() {
        for (String id : List.of("EDR 3.14", "HDR 3.14", "NDR 3.14")) {
            List<PlannedStep> steps = catalog.find(id).orElseThrow().steps();

            assertThat(steps).extracting(PlannedStep::id)
                    .contains("unsigned-kernel", "unsigned-bootloader", "wrong-key", "forbidden-key", "restore-boot");
            assertThat(steps).filteredOn(step -> step.location() == StepLocation.CONSOLE)
                    .as("console steps of %s", id)
                    .isNotEmpty()
                    .allSatisfy(step -> assertThat(step.intrusive()).isTrue());
        }
    }

    @Test
    void cipDocumentErrataAreCorrectedNotCopied() {
        for (Requirement requirement : catalog.requirements()) {
            String text = allText(requirement);

            assertThat(text).as("text of %s", requirement.id()).doesNotContain("EDR-1.10", "NDR-1.10", "NDR-3.1 ");
        }
        assertThat(catalog.find("HDR 3.2 RE(1)").orElseThrow().note()).contains("HDR-3.2", "5.2");
        assertThat(catalog.find("EDR 3.10").orElseThrow().note()).contains("1.10", "3.10");
        assertThat(catalog.find("NDR 3.10").orElseThrow().note()).contains("1.10", "3.10");
        assertThat(catalog.find("HDR 3.12").orElseThrow().note()).contains("NDR 3.12");
        assertThat(catalog.find("HDR 3.13").orElseThrow().note()).containsIgnoringCase("heading");
        assertThat(catalog.find("CR 3.1").orElseThrow().note()).contains("TLS 1.2", "TLS 1.3");
    }

    private static String allText(Requirement requirement) {
        return Stream.concat(
                        Stream.of(requirement.title(), requirement.cipReason(), requirement.integratorAction(), requirement.note()),
                        requirement.steps().stream().map(PlannedStep::title))
                .reduce("", (a, b) -> a + "\n" + b) + "\n";
    }
}
