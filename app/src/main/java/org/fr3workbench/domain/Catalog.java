package org.fr3workbench.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The requirement catalog: all FR 3 requirements in document order, with the catalog's identity.
 *
 * @param schemaVersion the data format version
 * @param version       the content version (recorded in every assessment)
 * @param source        what the CIP positions were taken from
 * @param requirements  the entries, in catalog order
 * @param families      base requirement number to its title, e.g. {@code 3.4 -> Software and information integrity}
 */
public record Catalog(int schemaVersion, String version, String source, List<Requirement> requirements,
                      Map<String, String> families) {

    public Catalog {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        requirements = List.copyOf(requirements);
        families = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(families));
    }

    public Optional<Requirement> find(String id) {
        return requirements.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** Entries that apply to a component type and are required at or below a level. */
    public List<Requirement> requiredFor(ComponentType type, SecurityLevel level) {
        return requirements.stream().filter(r -> r.requiredFor(type, level)).toList();
    }

    public Map<String, Requirement> byId() {
        return requirements.stream().collect(Collectors.toMap(Requirement::id, Function.identity(),
                (a, b) -> a, LinkedHashMap::new));
    }
}
