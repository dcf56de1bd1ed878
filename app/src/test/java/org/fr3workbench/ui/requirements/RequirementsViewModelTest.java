package org.fr3workbench.ui.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import org.fr3workbench.catalog.CatalogLoader;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The navigator's state as a plain object: filters, search, grouping, selection. */
class RequirementsViewModelTest {

    private RequirementsViewModel model;

    @BeforeEach
    void setUp() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/catalog/valid-minimal.yaml")) {
            Catalog catalog = new CatalogLoader().load("valid-minimal.yaml", in);
            model = new RequirementsViewModel(catalog);
        }
    }

    private List<String> visibleIds() {
        return model.groupsProperty().get().values().stream().flatMap(List::stream)
                .map(entry -> entry.requirement().id()).toList();
    }

    @Test
    void showsEverythingGroupedByFamilyAtFirst() {
        assertThat(visibleIds()).containsExactly("CR 3.1", "CR 3.2", "EDR 3.2");
        assertThat(model.groupsProperty().get().keySet()).extracting(NavItem.Family::number).containsExactly("3.1", "3.2");
        assertThat(model.visibleCountProperty().get()).isEqualTo(3);
        assertThat(model.totalCount()).isEqualTo(3);
    }

    @Test
    void componentTypeFilterHidesOtherTypes() {
        model.componentTypeProperty().set(ComponentType.HDR);
        assertThat(visibleIds()).containsExactly("CR 3.1", "CR 3.2");

        model.componentTypeProperty().set(null);
        assertThat(visibleIds()).hasSize(3);
    }

    @Test
    void targetLevelFilterHidesComponentSpecificUmbrellas() {
        model.targetLevelProperty().set(SecurityLevel.SL1);
        assertThat(visibleIds()).containsExactly("CR 3.1", "EDR 3.2");
    }

    @Test
    void searchMatchesIdOrTitleIgnoringCaseAndSpacing() {
        model.searchProperty().set("edr3.2");
        assertThat(visibleIds()).containsExactly("EDR 3.2");
        model.searchProperty().set("COMMUNICATION");
        assertThat(visibleIds()).containsExactly("CR 3.1");
        model.searchProperty().set("no such thing");
        assertThat(visibleIds()).isEmpty();
        assertThat(model.visibleCountProperty().get()).isZero();
    }

    @Test
    void selectionIsClearedWhenAFilterHidesIt() {
        assertThat(model.select("EDR 3.2")).isTrue();
        assertThat(model.selectedProperty().get()).extracting(Requirement::id).isEqualTo("EDR 3.2");

        model.componentTypeProperty().set(ComponentType.NDR);
        assertThat(model.selectedProperty().get()).isNull();
        assertThat(model.select("CR 9.9")).isFalse();
    }
}
