package org.fr3workbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Expectation;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ProcedureParameter;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.ShellCommand;
import org.fr3workbench.domain.Step;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The procedures packed into the application: every planned step of every catalog entry, with the CIP facts. */
class BundledProceduresTest {

    private static Catalog catalog;
    private static ProcedureLibrary library;

    @BeforeAll
    static void load() {
        catalog = new CatalogLoader().loadBundled();
        library = ProcedureFixtures.loader().loadBundled(catalog);
    }

    @Test
    void everyPlannedStepOfEveryEntryHasItsProcedureInCatalogOrder() {
        assertThat(library.procedures()).hasSize(47);
        int steps = 0;
        for (Requirement requirement : catalog.requirements()) {
            Procedure procedure = library.procedure(requirement.id()).orElseThrow();
            assertThat(procedure.steps()).extracting(Step::planned).as(requirement.id())
                    .containsExactlyElementsOf(requirement.steps());
            steps += procedure.steps().size();
            if (requirement.isComponentSpecific()) {
                assertThat(procedure.steps()).as("umbrella %s", requirement.id()).isEmpty();
            }
        }
        assertThat(steps).isGreaterThan(200);
    }

    @Test
    void stepsCarryWhatTheirKindNeeds() {
        for (Procedure procedure : library.procedures().values()) {
            for (Step step : procedure.steps()) {
                String where = procedure.requirementId() + " / " + step.id();
                switch (step) {
                    case Step.Command command -> assertThat(command.commands()).as(where).isNotEmpty();
                    case Step.Instruction instruction -> assertThat(instruction.text() + instruction.checklist()).as(where)
                            .isNotBlank();
                    case Step.Probe probe -> assertThat(ProbeArguments.PROBES).as(where).contains(probe.probe());
                    case Step.Input input -> assertThat(input.parameters()).as(where).isNotEmpty();
                    case Step.Capture capture -> assertThat(capture.text()).as(where).isNotBlank();
                }
            }
        }
    }

    @Test
    void cipTestCasesAreReproducedAsCommandsWithCleanup() {
        Map<String, String> cases = Map.of("CR 3.4", "aide-tamper", "CR 3.4 RE(1)", "unprivileged-write",
                "CR 3.4 RE(2)", "aide-report-journal", "CR 3.9", "audit-delete");
        cases.forEach((requirement, stepId) -> {
            Step.Command step = (Step.Command) library.procedure(requirement).orElseThrow().step(stepId).orElseThrow();
            assertThat(step.planned().cipTestCase()).as(stepId).startsWith("TC_CR3.");
            assertThat(step.text()).contains(step.planned().cipTestCase());
            assertThat(step.cleanup()).as("cleanup of %s", stepId).isNotEmpty();
        });
        Step.Command tamper = command("CR 3.4", "aide-tamper");
        assertThat(tamper.commands()).extracting(ShellCommand::expectations).flatExtracting(list -> list)
                .contains(new Expectation.Contains("AIDE found NO differences between database and filesystem. Looks okay!!", false),
                        new Expectation.Contains("AIDE found differences between database and filesystem!!", false));
        Step.Command write = command("CR 3.4 RE(1)", "unprivileged-write");
        assertThat(write.commands()).filteredOn(c -> c.label().contains("must fail"))
                .hasSize(2).allSatisfy(c -> {
                    assertThat(c.asUser()).isEqualTo("{{test-user}}");
                    assertThat(c.expectations()).containsExactly(new Expectation.ExitCodeNotIn(java.util.Set.of(0)));
                });
        Step.Command delete = command("CR 3.9", "audit-delete");
        assertThat(delete.commands()).anySatisfy(c -> {
            assertThat(c.template()).isEqualTo("rm -rf {{audit-log}}");
            assertThat(c.asUser()).isEqualTo("{{test-user}}");
        });
    }

    @Test
    void theMarkerScanReferencesTheMarkerInItsExpectation() {
        Step.Command mark = command("CR 3.7", "mark-start");
        assertThat(mark.commands().getFirst().captureAs()).isEqualTo("t0");
        Step.Probe login = (Step.Probe) library.procedure("CR 3.7").orElseThrow().step("failed-logins").orElseThrow();
        assertThat(login.arguments()).containsEntry("password", "{{marker}}");
        Step.Command scan = command("CR 3.7", "journal-scan");
        assertThat(scan.commands().getFirst().template()).contains("{{log-command}}", "{{t0}}");
        assertThat(scan.commands().getFirst().expectations()).contains(new Expectation.Absent("{{marker}}", false));
        assertThat(library.parameters().get("marker").kind()).isEqualTo(ProcedureParameter.Kind.MARKER);
    }

    @Test
    void suiteListsResolveThroughTheBsiPolicy() {
        Step.Command suites = command("CR 3.1", "enabled-suites");
        List<Expectation.AllLinesAllowed> lists = suites.commands().stream().flatMap(c -> c.expectations().stream())
                .filter(Expectation.AllLinesAllowed.class::isInstance).map(Expectation.AllLinesAllowed.class::cast).toList();
        assertThat(lists).hasSize(2);
        assertThat(lists.get(0).allowed()).containsExactlyInAnyOrder("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
                "TLS_AES_128_CCM_SHA256");
        assertThat(lists.get(1).allowed()).contains("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384")
                .doesNotContain("TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_RSA_WITH_AES_128_GCM_SHA256");
    }

    @Test
    void devicePathsAreParametersWithTheCipDefaults() {
        Map<String, String> defaults = library.defaults();
        assertThat(defaults).containsEntry("aide-config", "/etc/aide/aide.conf")
                .containsEntry("aide-db", "/var/lib/aide/aide.db")
                .containsEntry("aide-db-dir", "/var/lib/aide")
                .containsEntry("audit-log", "/var/log/audit/audit.log")
                .containsEntry("tls-port", "4433")
                .containsEntry("swupdate-config", "/etc/swupdate.cfg")
                .containsKeys("aide-test-dir", "test-user", "log-command", "device-host", "device-port");
        assertThat(library.parameters().get("device-host").kind()).isEqualTo(ProcedureParameter.Kind.CONNECTION);
        assertThat(library.parameters().get("update-image").kind()).isEqualTo(ProcedureParameter.Kind.LOCAL_FILE);
    }

    @Test
    void everyIntrusiveStepHasACleanupOrSaysWhyNone() {
        for (Procedure procedure : library.procedures().values()) {
            for (Step step : procedure.steps()) {
                List<ShellCommand> cleanup = switch (step) {
                    case Step.Command command -> command.cleanup();
                    case Step.Probe probe -> probe.cleanup();
                    default -> List.of();
                };
                if (!step.intrusive()) {
                    assertThat(cleanup).as(procedure.requirementId() + " / " + step.id()).isEmpty();
                }
            }
        }
        assertThat(command("CR 3.1", "test-server").cleanup()).extracting(ShellCommand::template)
                .anySatisfy(t -> assertThat(t).contains("kill")).anySatisfy(t -> assertThat(t).contains("rm -rf {{tls-work-dir}}"));
        PlannedStep planned = command("CR 3.8", "test-server").planned();
        assertThat(planned.intrusive()).isTrue();
    }

    private static Step.Command command(String requirement, String step) {
        return (Step.Command) library.procedure(requirement).orElseThrow().step(step).orElseThrow();
    }
}
