package org.fr3workbench.ui.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fr3workbench.device.Cancellation;
import org.fr3workbench.device.DeviceChannel;
import org.fr3workbench.device.connect.DeviceConnections;
import org.fr3workbench.domain.Expectation;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ProcedureParameter;
import org.fr3workbench.domain.ShellCommand;
import org.fr3workbench.domain.Step;
import org.fr3workbench.domain.StepKind;
import org.fr3workbench.domain.StepLocation;
import org.fr3workbench.domain.StepOutcome;
import org.fr3workbench.domain.TargetIdentity;
import org.fr3workbench.engine.ProbeRegistry;
import org.fr3workbench.engine.StepRunner;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import org.fr3workbench.store.StoreFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GUI's engine service keeps the assessor's parameter values in the assessment file: a changed value is stored and
 * used, a reopened file brings it back, the device host comes from the recorded target, and a bad value stores nothing.
 */
class EngineStepServiceTest {

    @TempDir
    Path dir;

    private static final Step ECHO = new Step.Command(new PlannedStep("echo", StepKind.COMMAND, "Echo the values",
            StepLocation.LAPTOP, false, ""), "", List.of(), "", List.of(new ShellCommand("", "echo dir={{work-dir}} "
            + "host={{device-host}} marker={{marker}}", "", Duration.ofSeconds(30), List.of(new Expectation.ExitCodeIn(
            java.util.Set.of(0))), "")), List.of());
    private static final ProcedureLibrary LIBRARY = new ProcedureLibrary("test", Map.of(
            "work-dir", new ProcedureParameter("work-dir", "Working directory", "/var/tmp", ProcedureParameter.Kind.TEXT),
            "marker", new ProcedureParameter("marker", "Marker", "", ProcedureParameter.Kind.MARKER),
            "update-image", new ProcedureParameter("update-image", "Update image", "", ProcedureParameter.Kind.LOCAL_FILE)),
            Map.of("CR 3.4", new Procedure("CR 3.4", List.of(ECHO))));

    @Test
    void changedValuesAreStoredUsedAndComeBackWhenTheFileIsReopened() throws Exception {
        Path file = dir.resolve("a.fr3");
        ExecutorService io = Executors.newCachedThreadPool();
        try (DeviceChannel laptop = new DeviceConnections(dir, Clock.systemUTC(), io).local()) {
            try (AssessmentStore store = StoreFixture.create(file)) {
                store.setTarget(new TargetIdentity("ssh://root@192.0.2.7:2222", "SHA256:x", "", ""), "Alice");
                EngineStepService service = service(store, laptop);
                assertThat(service.storedValues()).isEmpty();

                StepService.Report report = service.run(new StepService.Request("CR 3.4", ECHO,
                        Map.of("work-dir", "/srv/product", "marker", "ignored"), "Alice"), events(), Cancellation.create());

                assertThat(report.outcome()).isEqualTo(StepOutcome.PASS);
                assertThat(report.commands().getFirst().renderedCommand()).contains("dir=/srv/product", "host=192.0.2.7")
                        .containsPattern("marker=fr3-marker-[0-9a-f]{16}");
                assertThat(store.parameters().values()).containsExactly(Map.entry("work-dir", "/srv/product"));

                assertThatThrownBy(() -> service.run(new StepService.Request("CR 3.4", ECHO,
                        Map.of("work-dir", "/srv/other", "update-image", dir.resolve("missing.swu").toString()), "Alice"),
                        events(), Cancellation.create())).hasMessageContaining("update-image").hasMessageContaining("not a readable file");
                assertThat(store.parameters().values()).as("nothing stored").containsExactly(Map.entry("work-dir", "/srv/product"));
            }
            try (AssessmentStore reopened = StoreFixture.files().open(file, AssessmentFiles.Access.READ_WRITE)) {
                assertThat(service(reopened, laptop).storedValues()).containsExactly(Map.entry("work-dir", "/srv/product"));
            }
        } finally {
            io.shutdownNow();
        }
    }

    private static EngineStepService service(AssessmentStore store, DeviceChannel laptop) {
        return new EngineStepService(new StepRunner(store, new ProbeRegistry(List.of()), Clock.systemUTC()), () -> LIBRARY,
                laptop, Optional::empty, store);
    }

    private static StepService.Events events() {
        return new StepService.Events() {
        };
    }
}
