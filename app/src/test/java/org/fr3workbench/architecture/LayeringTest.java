package org.fr3workbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package layers of docs/architecture.md, enforced. */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.fr3workbench");
    }

    @Test
    void layersDependOneWayOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("domain").definedBy("org.fr3workbench.domain..")
                .layer("catalog").definedBy("org.fr3workbench.catalog..")
                .layer("device").definedBy("org.fr3workbench.device..")
                .layer("store").definedBy("org.fr3workbench.store..")
                .layer("probe").definedBy("org.fr3workbench.probe..")
                .layer("engine").definedBy("org.fr3workbench.engine..")
                .layer("report").definedBy("org.fr3workbench.report..")
                .layer("ui").definedBy("org.fr3workbench.ui..")
                .layer("cli").definedBy("org.fr3workbench.cli..")
                .layer("root").definedBy("org.fr3workbench")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("root")
                .whereLayer("ui").mayOnlyBeAccessedByLayers("root")
                .whereLayer("report").mayOnlyBeAccessedByLayers("ui", "cli", "root")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("report", "ui", "cli", "root")
                .whereLayer("probe").mayOnlyBeAccessedByLayers("engine", "report", "ui", "cli", "root")
                .whereLayer("store").mayOnlyBeAccessedByLayers("probe", "engine", "report", "ui", "cli", "root")
                .whereLayer("device").mayOnlyBeAccessedByLayers("probe", "engine", "report", "ui", "cli", "root")
                .whereLayer("catalog").mayOnlyBeAccessedByLayers("probe", "engine", "report", "ui", "cli", "root")
                .withOptionalLayers(true)
                .check(classes);
    }

    @Test
    void domainImportsNoLibrariesAndNoIo() {
        noClasses().that().resideInAPackage("org.fr3workbench.domain..")
                .should().dependOnClassesThat().resideOutsideOfPackages(
                        "org.fr3workbench.domain..", "java.lang..", "java.util..", "java.time..", "java.math..")
                .check(classes);
    }

    @Test
    void javafxOnlyInTheUi() {
        noClasses().that().resideOutsideOfPackage("org.fr3workbench.ui..")
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.fr3workbench.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noUntrackedThreads() {
        noClasses().should().callConstructor(Thread.class)
                .orShould().callConstructor(Thread.class, Runnable.class)
                .orShould().callConstructor(Thread.class, Runnable.class, String.class)
                .because("blocking work goes through an injected Executor (docs/architecture.md)")
                .check(classes);
    }
}
