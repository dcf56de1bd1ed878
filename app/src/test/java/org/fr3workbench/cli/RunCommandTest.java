package org.fr3workbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fr3workbench.App;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ProcedureParameter;
import org.fr3workbench.domain.StepLocation;
import org.fr3workbench.engine.Steps;
import org.fr3workbench.testsupport.OpenSshServer;
import org.fr3workbench.testsupport.TestSecrets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fr3 run} end to end: connect to a real OpenSSH sshd, run a small procedure built in code. */
@Tag("peer")
class RunCommandTest {

    @TempDir
    static Path serverDir;
    private static OpenSshServer sshd;

    @TempDir
    Path dir;

    static ProcedureLibrary library() {
        ProcedureParameter greeting = new ProcedureParameter("greeting", "Word to print", "hello", ProcedureParameter.Kind.TEXT);
        ProcedureParameter marker = new ProcedureParameter("login-marker", "Marker", "", ProcedureParameter.Kind.MARKER);
        Procedure cr34 = new Procedure("CR 3.4", List.of(
                Steps.command("say", StepLocation.DEVICE, Steps.cmd("greet", "echo {{greeting}} from $(id -un)",
                        List.of(Steps.contains("from " + sshd.user())))),
                Steps.command("marker", StepLocation.DEVICE, Steps.cmd("marker", "echo {{login-marker}}",
                        List.of(new org.fr3workbench.domain.Expectation.Contains("^fr3-marker-[0-9a-f]{16}$", true)))),
                Steps.instruction("look-at-it"),
                Steps.command("change", StepLocation.DEVICE, true, List.of(), List.of(Steps.cmd("touch", "true", List.of())),
                        List.of(Steps.cmd("undo", "true", List.of())))));
        Procedure cr37 = new Procedure("CR 3.7", List.of(
                Steps.command("must-fail", StepLocation.DEVICE, Steps.cmd("exit three", "exit 3", List.of(Steps.exit(0))))));
        return new ProcedureLibrary("test", Map.of("greeting", greeting, "login-marker", marker),
                Map.of("CR 3.4", cr34, "CR 3.7", cr37));
    }

    private final App app = new App(name -> Map.of("DEVICE_PASSWORD", TestSecrets.SSH_PASSWORD).get(name),
            RunCommandTest::library);

    @BeforeAll
    static void startSshd() throws Exception {
        sshd = OpenSshServer.start(serverDir.resolve("sshd"));
    }

    @AfterAll
    static void stopSshd() throws Exception {
        if (sshd != null) {
            sshd.close();
        }
    }

    private Path connected() throws Exception {
        return connected(app, dir.resolve("run.fr3"), sshd);
    }

    /** A new assessment file connected (host key pinned) to the sshd fixture, logging in with its client key. */
    static Path connected(App app, Path file, OpenSshServer sshd) throws Exception {
        assertThat(CliRun.of(app, "new", file.toString(), "--product", "Lab device", "--component-type", "EDR",
                "--target-sl", "2", "--assessor", "Dana Assessor").exitCode()).isZero();
        CliRun connect = CliRun.of(app, "connect", file.toString(), "ssh://" + sshd.user() + "@127.0.0.1:" + sshd.port(),
                "--identity", sshd.clientKey().toString(), "--host-key", sshd.hostFingerprint());
        assertThat(connect.exitCode()).as(connect.err()).isZero();
        return file;
    }

    @Test
    void runsTheAutomaticStepsPrintsALineEachAndATable() throws Exception {
        Path file = connected();
        CliRun run = CliRun.of(app, "run", file.toString(), "--requirement", "CR 3.4", "--password-env", "DEVICE_PASSWORD",
                "--param", "greeting=hi; rm -rf /");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("CR 3.4  say  PASS  greet: output contains 'from " + sshd.user() + "'",
                "CR 3.4  marker  PASS", "CR 3.4  look-at-it  needs the assessor  instruction: Title of look-at-it",
                "CR 3.4  change  SKIPPED  not allowed to change the device", "REQUIREMENT");

        CliRun all = CliRun.of(app, "run", file.toString(), "--auto-only", "--allow-intrusive", "--json",
                "--password-env", "DEVICE_PASSWORD");
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("\"outcome\" : \"fail\"", "\"step\" : \"change\"", "\"failed\" : 1")
                .doesNotContain("look-at-it", "needs the assessor");

        CliRun verify = CliRun.of(app, "verify", file.toString());
        assertThat(verify.exitCode()).as(verify.out()).isZero();
    }

    @Test
    void aParamIsStoredInTheFileAndUsedByLaterRuns() throws Exception {
        Path file = connected();
        CliRun first = CliRun.of(app, "run", file.toString(), "--requirement", "CR 3.4", "--auto-only",
                "--password-env", "DEVICE_PASSWORD", "--param", "greeting=stored-$(word)");
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        CliRun second = CliRun.of(app, "run", file.toString(), "--requirement", "CR 3.4", "--auto-only",
                "--password-env", "DEVICE_PASSWORD");
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();

        CliRun marker = CliRun.of(app, "run", file.toString(), "--param", "login-marker=fixed");
        assertThat(marker.exitCode()).isEqualTo(2);
        assertThat(marker.err()).contains("'login-marker' is a marker");
        CliRun host = CliRun.of(app, "run", file.toString(), "--param", "device-host=192.0.2.1");
        assertThat(host.exitCode()).isEqualTo(2);
        try (org.fr3workbench.store.AssessmentStore store = app.assessmentFiles().open(file,
                org.fr3workbench.store.AssessmentFiles.Access.READ_ONLY)) {
            assertThat(store.parameters().values()).containsExactly(Map.entry("greeting", "stored-$(word)"));
            List<org.fr3workbench.domain.Evidence> greetings = store.evidence().page(
                    org.fr3workbench.store.EvidenceQuery.forRequirement("CR 3.4"), 0, 100).stream()
                    .filter(e -> e.name().contains("greet")).toList();
            assertThat(greetings).hasSize(2);
            for (org.fr3workbench.domain.Evidence greeting : greetings) {
                try (java.io.InputStream in = store.evidence().open(greeting.id())) {
                    assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                            .contains("stored-$(word) from " + sshd.user());
                }
            }
            assertThat(store.verify(org.fr3workbench.store.ProgressMonitor.NONE).discrepancies()).isEmpty();
        }
    }

    @Test
    void badInputIsRefusedWithExitTwo() throws Exception {
        Path file = connected();
        CliRun unknownRequirement = CliRun.of(app, "run", file.toString(), "--requirement", "CR 9.9");
        assertThat(unknownRequirement.exitCode()).isEqualTo(2);
        assertThat(unknownRequirement.err()).contains("unknown requirement 'CR 9.9'");
        CliRun malformed = CliRun.of(app, "run", file.toString(), "--param", "greeting");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).contains("--param 'greeting' is not NAME=VALUE");
        CliRun unknownParam = CliRun.of(app, "run", file.toString(), "--param", "colour=red");
        assertThat(unknownParam.exitCode()).isEqualTo(2);
        assertThat(unknownParam.err()).contains("unknown parameter 'colour'");
        CliRun noProcedure = CliRun.of(app, "run", file.toString(), "--requirement", "CR 3.1");
        assertThat(noProcedure.exitCode()).isEqualTo(2);
    }
}
