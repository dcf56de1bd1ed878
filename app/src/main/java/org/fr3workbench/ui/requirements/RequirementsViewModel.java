package org.fr3workbench.ui.requirements;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;

/**
 * State of the requirements navigator: filters, search, the grouped result and the selection.
 * Plain JavaFX properties, no nodes, so it is tested without a window.
 */
public final class RequirementsViewModel {

    private final Catalog catalog;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<ComponentType> componentType = new SimpleObjectProperty<>();
    private final ObjectProperty<SecurityLevel> targetLevel = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Map<NavItem.Family, List<NavItem.Entry>>> groups =
            new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyIntegerWrapper visibleCount = new ReadOnlyIntegerWrapper();
    private final ObjectProperty<Requirement> selected = new SimpleObjectProperty<>();

    public RequirementsViewModel(Catalog catalog) {
        this.catalog = catalog;
        search.addListener((obs, old, now) -> refresh());
        componentType.addListener((obs, old, now) -> refresh());
        targetLevel.addListener((obs, old, now) -> refresh());
        refresh();
    }

    /** Text matched against id and title, case-insensitively; blank shows everything. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Show only entries for this component type; {@code null} shows all. */
    public ObjectProperty<ComponentType> componentTypeProperty() {
        return componentType;
    }

    /** Show only entries required at this target level or below; {@code null} shows all. */
    public ObjectProperty<SecurityLevel> targetLevelProperty() {
        return targetLevel;
    }

    /** The visible entries grouped by family, in catalog order. */
    public ReadOnlyObjectProperty<Map<NavItem.Family, List<NavItem.Entry>>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty visibleCountProperty() {
        return visibleCount.getReadOnlyProperty();
    }

    public int totalCount() {
        return catalog.requirements().size();
    }

    /** The requirement whose details are shown; {@code null} for none. */
    public ObjectProperty<Requirement> selectedProperty() {
        return selected;
    }

    /** Selects a requirement by id; false when it is not in the catalog. */
    public boolean select(String id) {
        return catalog.find(id).map(r -> {
            selected.set(r);
            return true;
        }).orElse(false);
    }

    boolean matches(Requirement requirement) {
        ComponentType type = componentType.get();
        if (type != null && !requirement.appliesTo(type)) {
            return false;
        }
        SecurityLevel level = targetLevel.get();
        if (level != null && !requirement.minLevel().map(min -> min.atMost(level)).orElse(false)) {
            return false;
        }
        String text = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return true;
        }
        return requirement.id().toLowerCase(Locale.ROOT).contains(text)
                || requirement.title().toLowerCase(Locale.ROOT).contains(text)
                || normalisedId(requirement).contains(text.replace(" ", "").replace("-", ""));
    }

    /** "cr3.4re(1)" so that "CR-3.4", "cr3.4" and "3.4 RE" find the entry too. */
    private static String normalisedId(Requirement requirement) {
        return requirement.id().toLowerCase(Locale.ROOT).replace(" ", "");
    }

    private void refresh() {
        Map<String, List<NavItem.Entry>> byFamily = new LinkedHashMap<>();
        for (Requirement requirement : catalog.requirements()) {
            if (matches(requirement)) {
                byFamily.computeIfAbsent(requirement.family(), f -> new ArrayList<>()).add(new NavItem.Entry(requirement));
            }
        }
        Map<NavItem.Family, List<NavItem.Entry>> result = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, List<NavItem.Entry>> family : byFamily.entrySet()) {
            String title = catalog.families().getOrDefault(family.getKey(), "");
            result.put(new NavItem.Family(family.getKey(), title, family.getValue().size()), List.copyOf(family.getValue()));
            count += family.getValue().size();
        }
        visibleCount.set(count);
        groups.set(java.util.Collections.unmodifiableMap(result));
        Requirement current = selected.get();
        if (current != null && !matches(current)) {
            selected.set(null);
        }
    }
}
