package org.fr3workbench.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.CipPosition;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.StepKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CatalogLoaderTest {

    private final CatalogLoader loader = new CatalogLoader();

    private Catalog load(String resource) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/catalog/" + resource)) {
            assertThat(in).as("test fixture %s", resource).isNotNull();
            return loader.load(resource, in);
        }
    }

    @Test
    void readsAValidCatalog() throws Exception {
        Catalog catalog = load("valid-minimal.yaml");

        assertThat(catalog.version()).isEqualTo("test.1");
        assertThat(catalog.requirements()).extracting(Requirement::id).containsExactly("CR 3.1", "CR 3.2", "EDR 3.2");
        Requirement cr31 = catalog.find("CR 3.1").orElseThrow();
        assertThat(cr31.componentTypes()).containsExactly(ComponentType.values());
        assertThat(cr31.minLevel()).contains(SecurityLevel.SL1);
        assertThat(cr31.cipPosition()).isEqualTo(CipPosition.MET);
        assertThat(cr31.steps()).singleElement().satisfies(step -> assertThat(step.kind()).isEqualTo(StepKind.COMMAND));
        Requirement umbrella = catalog.find("CR 3.2").orElseThrow();
        assertThat(umbrella.isComponentSpecific()).isTrue();
        assertThat(umbrella.requiredFor(ComponentType.EDR, SecurityLevel.SL4)).isFalse();
        Requirement edr = catalog.find("EDR 3.2").orElseThrow();
        assertThat(edr.requiredFor(ComponentType.EDR, SecurityLevel.SL1)).isTrue();
        assertThat(edr.requiredFor(ComponentType.HDR, SecurityLevel.SL4)).isFalse();
        assertThat(edr.steps().get(1).cipTestCase()).isEqualTo("TC_X");
        assertThat(catalog.families()).containsEntry("3.2", "Protection from malicious code");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown-field.yaml     | 9  | unknown field 'titel'
            duplicate-id.yaml      | 20 | duplicate id 'CR 3.1' (first defined at line 8)
            bad-sl.yaml            | 8  | entry 'CR 3.1': sl must be between 1 and 4, found 7
            missing-title.yaml     | 20 | entry 'EDR 3.2': missing title
            syntax-error.yaml      | 12 | YAML syntax error
            type-mismatch.yaml     | 20 | entry 'EDR 3.2': an EDR entry applies to EDR only, found [HDR]
            unknown-step-kind.yaml | 20 | step 'policy': kind 'ritual' is not one of instruction, command, probe, capture, input
            newer-schema.yaml      | 1  | schema version 2 is not supported
            duplicate-key.yaml     | 12 | duplicate key
            """)
    void refusesABrokenCatalogNamingFileLineColumnAndProblem(String file, int line, String problem) {
        assertThatThrownBy(() -> load("broken/" + file))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.source()).isEqualTo("broken/" + file);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isPositive();
                    assertThat(e.problem()).contains(problem);
                    assertThat(e.getMessage()).startsWith("broken/" + file + ":" + line + ":" + e.column() + ": ");
                });
    }

    @Test
    void refusesAnEmptyDocument() {
        assertThatThrownBy(() -> loader.load("empty.yaml", InputStream.nullInputStream()))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("empty.yaml");
    }
}
