package org.fr3workbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.fr3workbench.domain.AssessmentInfo;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.store.AssessmentFileException;
import org.fr3workbench.store.AssessmentFiles;
import org.fr3workbench.store.AssessmentStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code fr3 new FILE --product NAME --component-type T --target-sl N --assessor NAME}. */
@Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Create an assessment file (*.fr3). An existing file is never overwritten.")
final class NewCommand implements Callable<Integer> {

    private final Supplier<AssessmentFiles> files;
    private final Supplier<Catalog> catalog;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The assessment file to create, e.g. x200.fr3.")
    private Path file;

    @Option(names = "--product", required = true, paramLabel = "NAME", description = "The product under assessment.")
    private String product;

    @Option(names = "--component-type", required = true, paramLabel = "TYPE",
            description = "IEC 62443-4-2 component type: ${COMPLETION-CANDIDATES}.")
    private ComponentType componentType;

    @Option(names = "--target-sl", required = true, paramLabel = "N", description = "Target security level, 1 to 4.")
    private int targetSl;

    @Option(names = "--assessor", required = true, paramLabel = "NAME", description = "The assessor's name.")
    private String assessor;

    @Option(names = "--organization", paramLabel = "NAME", description = "The assessing organization.")
    private String organization;

    @Option(names = "--firmware", paramLabel = "VERSION", description = "The firmware or software version under assessment.")
    private String firmware;

    @Option(names = "--start-date", paramLabel = "YYYY-MM-DD", description = "First day of the assessment.")
    private LocalDate startDate;

    @Option(names = "--end-date", paramLabel = "YYYY-MM-DD", description = "Last day of the assessment.")
    private LocalDate endDate;

    @Option(names = "--actor", paramLabel = "NAME", description = "Who creates the file (default: the assessor).")
    private String actor;

    NewCommand(Supplier<AssessmentFiles> files, Supplier<Catalog> catalog) {
        this.files = files;
        this.catalog = catalog;
    }

    @Override
    public Integer call() {
        SecurityLevel level = SecurityLevel.of(targetSl).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "Invalid value for option '--target-sl': " + targetSl + " is not a security level (1 to 4)"));
        AssessmentInfo info;
        try {
            info = AssessmentInfo.of(product, componentType, level, assessor, catalog.get().version())
                    .withFirmwareVersion(firmware).withOrganization(organization)
                    .withDates(Optional.ofNullable(startDate), Optional.ofNullable(endDate));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Invalid assessment: " + e.getMessage());
        }
        String who = actor == null || actor.isBlank() ? info.assessor() : actor.strip();
        try (AssessmentStore store = files.get().create(file, info, who)) {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Created %s: %s%s (%s, target %s), assessor %s, catalog %s%n", store.file(), info.product(),
                    info.firmwareVersion().isEmpty() ? "" : " " + info.firmwareVersion(), info.componentType(),
                    info.targetLevel(), info.assessor(), info.catalogVersion());
            out.flush();
            return 0;
        } catch (AssessmentFileException e) {
            throw new InputException(e.getMessage(), e);
        }
    }
}
