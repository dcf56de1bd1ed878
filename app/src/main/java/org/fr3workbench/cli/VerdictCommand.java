package org.fr3workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.Verdict;
import org.fr3workbench.domain.VerdictDecision;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fr3 verdict FILE ID --met|--not-met|--na|--not-assessed --rationale TEXT}. */
@Command(name = "verdict", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Record the verdict on a requirement; earlier verdicts stay in its history.")
final class VerdictCommand implements Callable<Integer> {

    private final Supplier<AssessmentFiles> files;
    private final Supplier<Catalog> catalog;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file.")
    private Path file;

    @Parameters(index = "1", paramLabel = "ID", description = "A requirement id from the catalog, e.g. \"CR 3.4 RE(1)\".")
    private String id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Decision decision;

    @Option(names = "--rationale", required = true, paramLabel = "TEXT",
            description = "Why; mandatory, and must not be empty for --na.")
    private String rationale;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who decides (default: the assessment's assessor).")
    private String actor;

    /** Exactly one decision. */
    static final class Decision {
        @Option(names = "--met", description = "The requirement is met.")
        boolean met;
        @Option(names = "--not-met", description = "The requirement is not met.")
        boolean notMet;
        @Option(names = "--na", description = "Not applicable (the rationale says why).")
        boolean notApplicable;
        @Option(names = "--not-assessed", description = "Not assessed (resets an earlier verdict).")
        boolean notAssessed;

        VerdictDecision value() {
            if (met) {
                return VerdictDecision.MET;
            }
            if (notMet) {
                return VerdictDecision.NOT_MET;
            }
            return notApplicable ? VerdictDecision.NOT_APPLICABLE : VerdictDecision.NOT_ASSESSED;
        }
    }

    VerdictCommand(Supplier<AssessmentFiles> files, Supplier<Catalog> catalog) {
        this.files = files;
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        Requirement requirement = AssessmentAccess.requirement(catalog.get(), id);
        VerdictDecision value = decision.value();
        if (value.needsRationale() && rationale.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--na needs a rationale: say why " + requirement.id() + " does not apply");
        }
        try (AssessmentStore store = AssessmentAccess.open(files.get(), file, AssessmentFiles.Access.READ_WRITE)) {
            String who = AssessmentAccess.actor(actor, store);
            Verdict verdict = AssessmentAccess.change(() -> store.verdicts().set(requirement.id(), value, rationale, who));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %s (by %s at %s)%n", verdict.requirementId(), verdict.decision().label(), verdict.actor(),
                    verdict.decidedAt());
            out.flush();
            return 0;
        }
    }
}
