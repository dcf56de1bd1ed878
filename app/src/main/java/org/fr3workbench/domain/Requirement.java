package org.fr3workbench.domain;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One IEC 62443-4-2 FR 3 requirement or requirement enhancement, for one family member
 * (CR for all component types, or EDR/HDR/NDR/SAR for one).
 *
 * @param id               e.g. {@code CR 3.4 RE(1)}, {@code EDR 3.10}
 * @param title            the requirement's title
 * @param family           the base requirement number, e.g. {@code 3.4}
 * @param componentTypes   the component types it applies to (all four for a CR)
 * @param minLevel         lowest SL-C at which it is required; empty for a component-specific
 *                         umbrella CR that is never assessed itself
 * @param cipPosition      what the CIP platform assessment says
 * @param cipReason        why, in our own words
 * @param integratorAction what the product maker must still do, in our own words
 * @param note             errata or coverage remark ("not mentioned by the CIP document"), or empty
 * @param steps            the planned procedure
 */
public record Requirement(String id, String title, String family, Set<ComponentType> componentTypes,
                          Optional<SecurityLevel> minLevel, CipPosition cipPosition, String cipReason,
                          String integratorAction, String note, List<PlannedStep> steps) {

    public Requirement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(family, "family");
        componentTypes = Collections.unmodifiableSet(EnumSet.copyOf(componentTypes));
        Objects.requireNonNull(minLevel, "minLevel");
        Objects.requireNonNull(cipPosition, "cipPosition");
        cipReason = Objects.requireNonNullElse(cipReason, "");
        integratorAction = Objects.requireNonNullElse(integratorAction, "");
        note = Objects.requireNonNullElse(note, "");
        steps = List.copyOf(steps);
    }

    /** The prefix of the id: CR, EDR, HDR, NDR or SAR. */
    public String prefix() {
        return id.substring(0, id.indexOf(' '));
    }

    /** Whether this is a requirement enhancement, i.e. its id ends with {@code RE(n)}. */
    public boolean isEnhancement() {
        return id.contains("RE(");
    }

    /** A component-specific umbrella CR (CR 3.2, 3.11 ...) that is assessed through its family members. */
    public boolean isComponentSpecific() {
        return minLevel.isEmpty();
    }

    public boolean appliesTo(ComponentType type) {
        return componentTypes.contains(type);
    }

    /** Whether it must be assessed for a component of the given type at the given target level. */
    public boolean requiredFor(ComponentType type, SecurityLevel level) {
        return appliesTo(type) && minLevel.map(min -> min.atMost(level)).orElse(false);
    }
}
