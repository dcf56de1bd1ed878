package org.fr3workbench.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The probes this version offers, by name. */
public final class ProbeRegistry {

    private final Map<String, StepProbe> probes = new LinkedHashMap<>();

    public ProbeRegistry(List<StepProbe> probes) {
        for (StepProbe probe : probes) {
            if (this.probes.putIfAbsent(probe.name(), probe) != null) {
                throw new IllegalArgumentException("two probes are named '" + probe.name() + "'");
            }
        }
    }

    public Optional<StepProbe> find(String name) {
        return Optional.ofNullable(probes.get(name));
    }

    /** The registered names, in registration order. */
    public Set<String> names() {
        return java.util.Collections.unmodifiableSet(probes.keySet());
    }
}
