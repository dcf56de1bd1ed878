package org.fr3workbench.ui.steps;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Expectation;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ProcedureParameter;
import org.fr3workbench.domain.ShellCommand;
import org.fr3workbench.domain.Step;

/**
 * A procedure for CR 3.4 whose commands run on any Linux machine (printf, echo), for the step runner's tests and the
 * screenshot tour until the bundled procedure files are loaded: one passing command, one failing expectation, an
 * intrusive command with a cleanup and a manual check with a checklist (kinds as the catalog plans them).
 */
public final class SampleProcedures {

    private SampleProcedures() {
    }

    /** @param marker a file the tamper probe's cleanup removes */
    public static ProcedureLibrary cr34(Catalog catalog, Path marker) {
        return cr34(catalog, marker, "echo 'database_in=file:/var/lib/aide/aide.db'; echo '/usr R'; echo '/etc R'");
    }

    /**
     * The same procedure with another command for its second step ("aide-policy"), e.g. a slow one to cancel.
     *
     * @param marker        a file the tamper probe's cleanup removes
     * @param policyCommand the shell command of the second step
     */
    public static ProcedureLibrary cr34(Catalog catalog, Path marker, String policyCommand) {
        List<PlannedStep> planned = catalog.find("CR 3.4").orElseThrow().steps();
        ShellCommand installed = new ShellCommand("", "printf 'Package: aide\\nStatus: install ok installed\\nVersion: 0.18.3-1\\n'",
                "", Duration.ofSeconds(30), List.of(new Expectation.ExitCodeIn(Set.of(0)),
                new Expectation.Contains("install ok installed", false)), "");
        ShellCommand check = new ShellCommand("check", "echo config {{aide-config}}; echo 'AIDE found differences between "
                + "database and filesystem!!'; echo 'Changed entries: 1'", "", Duration.ofSeconds(30),
                List.of(new Expectation.ExitCodeIn(Set.of(0)), new Expectation.Contains("Looks okay!!", false)), "");
        List<Step> steps = List.of(
                new Step.Command(planned.get(0), "AIDE and its Debian configuration must be installed; the package database "
                        + "shows them.", List.of(), "", List.of(installed), List.of()),
                new Step.Command(planned.get(1), "Shows the AIDE policy so that it is kept as evidence.", List.of(), "",
                        List.of(ShellCommand.of(policyCommand)), List.of()),
                new Step.Instruction(planned.get(2), "Read the policy and check that it covers the product's software, "
                        + "configuration and keys.", List.of("binaries under /usr", "configuration under /etc",
                        "the product's application")),
                new Step.Command(planned.get(3), "Builds a clean database, changes a watched test file and checks that AIDE "
                        + "reports the change; the test file is restored afterwards.", List.of(), "",
                        List.of(ShellCommand.of("touch " + marker + " && echo 'AIDE found differences between database and "
                                + "filesystem!!'")), List.of(ShellCommand.of("rm -f " + marker))),
                new Step.Command(planned.get(4), "Runs an AIDE check against the installed database; no differences are "
                        + "expected on a freshly initialised system.", List.of(), "", List.of(check), List.of()));
        return new ProcedureLibrary("sample", Map.of("aide-config", new ProcedureParameter("aide-config",
                "AIDE configuration file", "/etc/aide/aide.conf", ProcedureParameter.Kind.TEXT)),
                Map.of("CR 3.4", new Procedure("CR 3.4", steps)));
    }
}
