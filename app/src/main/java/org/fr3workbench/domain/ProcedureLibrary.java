package org.fr3workbench.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every requirement's procedure and the parameters they share, as loaded from {@code assets/procedures/}.
 *
 * @param version    content version of the procedure files
 * @param parameters by id, in file order
 * @param procedures by requirement id, in catalog order
 */
public record ProcedureLibrary(String version, Map<String, ProcedureParameter> parameters, Map<String, Procedure> procedures) {
    public ProcedureLibrary {
        Objects.requireNonNull(version, "version");
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        procedures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(procedures));
    }

    public Optional<Procedure> procedure(String requirementId) {
        return Optional.ofNullable(procedures.get(requirementId));
    }

    /** The parameters' defaults, to be overridden by the assessor's values. */
    public Map<String, String> defaults() {
        Map<String, String> values = new LinkedHashMap<>();
        parameters.values().forEach(p -> values.put(p.id(), p.defaultValue()));
        return values;
    }

    public List<ProcedureParameter> parameterList() {
        return List.copyOf(parameters.values());
    }
}
