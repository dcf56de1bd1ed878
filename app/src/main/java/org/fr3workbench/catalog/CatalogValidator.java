package org.fr3workbench.catalog;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.CipPosition;
import org.fr3workbench.domain.ComponentType;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.SecurityLevel;
import org.fr3workbench.domain.StepKind;
import org.fr3workbench.domain.StepLocation;

/** Checks the entries of a catalog for consistency and builds the domain {@link Catalog}. */
final class CatalogValidator {

    /** {@code CR 3.4}, {@code EDR 3.10 RE(1)}. */
    private static final Pattern ID = Pattern.compile("(CR|SAR|EDR|HDR|NDR) (3\\.(\\d{1,2}))( RE\\((\\d)\\))?");
    private static final Pattern STEP_ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final String COMPONENT_SPECIFIC = "component-specific";

    /** A value with the line and column where it starts in the file. */
    record Located<T>(T value, int line, int column) {
    }

    private final String source;

    CatalogValidator(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    Catalog validate(int schema, String version, String source, Map<String, String> families,
                     List<Located<RequirementDto>> entries) throws CatalogException {
        if (entries.isEmpty()) {
            throw new CatalogException(this.source, 1, 1, "the catalog has no requirements");
        }
        Map<String, Located<RequirementDto>> seen = new HashMap<>();
        List<Requirement> requirements = new ArrayList<>();
        for (Located<RequirementDto> entry : entries) {
            Requirement requirement = toRequirement(entry, families);
            Located<RequirementDto> earlier = seen.putIfAbsent(requirement.id(), entry);
            if (earlier != null) {
                throw fail(entry, "duplicate id '" + requirement.id() + "' (first defined at line " + earlier.line() + ")");
            }
            requirements.add(requirement);
        }
        return new Catalog(schema, version, source, requirements, families);
    }

    private Requirement toRequirement(Located<RequirementDto> entry, Map<String, String> families)
            throws CatalogException {
        RequirementDto dto = entry.value();
        if (dto.id == null || dto.id.isBlank()) {
            throw fail(entry, "missing id");
        }
        String id = dto.id.trim();
        Matcher matcher = ID.matcher(id);
        if (!matcher.matches()) {
            throw fail(entry, "id '" + id + "' is not of the form 'CR 3.4', 'EDR 3.10 RE(1)'");
        }
        String what = "entry '" + id + "': ";
        if (dto.title == null || dto.title.isBlank()) {
            throw fail(entry, what + "missing title");
        }
        String family = matcher.group(2);
        if (!families.containsKey(family)) {
            throw fail(entry, what + "family " + family + " is not listed under 'families'");
        }
        Set<ComponentType> types = componentTypes(entry, what, matcher.group(1));
        Optional<SecurityLevel> level = level(entry, what, matcher.group(1));
        CipPosition position = position(entry, what);
        List<PlannedStep> steps = steps(entry, what, level.isPresent());
        RequirementDto.CipDto cip = dto.cip;
        return new Requirement(id, dto.title.trim(), family, types, level, position,
                trim(cip.reason), trim(cip.integrator), trim(dto.note), steps);
    }

    private Set<ComponentType> componentTypes(Located<RequirementDto> entry, String what, String prefix)
            throws CatalogException {
        List<String> names = entry.value().types;
        if (names == null || names.isEmpty()) {
            throw fail(entry, what + "missing types (one or more of SAR, EDR, HDR, NDR)");
        }
        Set<ComponentType> types = EnumSet.noneOf(ComponentType.class);
        for (String name : names) {
            ComponentType type = ComponentType.parse(name).orElseThrow(() ->
                    fail(entry, what + "unknown component type '" + name + "' (expected SAR, EDR, HDR or NDR)"));
            if (!types.add(type)) {
                throw fail(entry, what + "component type " + type + " is listed twice");
            }
        }
        if (prefix.equals("CR") && types.size() != ComponentType.values().length) {
            throw fail(entry, what + "a CR applies to all component types (SAR, EDR, HDR, NDR), found " + types);
        }
        if (!prefix.equals("CR") && !types.equals(EnumSet.of(ComponentType.valueOf(prefix)))) {
            throw fail(entry, what + "an " + prefix + " entry applies to " + prefix + " only, found " + types);
        }
        return types;
    }

    private Optional<SecurityLevel> level(Located<RequirementDto> entry, String what, String prefix)
            throws CatalogException {
        Object sl = entry.value().sl;
        if (sl == null) {
            throw fail(entry, what + "missing sl (1 to 4, or '" + COMPONENT_SPECIFIC + "' for an umbrella CR)");
        }
        if (sl instanceof Integer number) {
            return Optional.of(SecurityLevel.of(number).orElseThrow(() ->
                    fail(entry, what + "sl must be between 1 and 4, found " + number)));
        }
        if (COMPONENT_SPECIFIC.equals(sl) && prefix.equals("CR")) {
            return Optional.empty();
        }
        throw fail(entry, what + "sl must be between 1 and 4"
                + (prefix.equals("CR") ? " or '" + COMPONENT_SPECIFIC + "'" : "") + ", found '" + sl + "'");
    }

    private CipPosition position(Located<RequirementDto> entry, String what) throws CatalogException {
        RequirementDto.CipDto cip = entry.value().cip;
        if (cip == null || cip.position == null) {
            throw fail(entry, what + "missing cip.position (met, na, not-assessed or not-covered)");
        }
        try {
            return CipPosition.valueOf(cip.position.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw fail(entry, what + "unknown cip.position '" + cip.position + "' (met, na, not-assessed or not-covered)");
        }
    }

    private List<PlannedStep> steps(Located<RequirementDto> entry, String what, boolean assessed)
            throws CatalogException {
        List<RequirementDto.StepDto> dtos = entry.value().steps == null ? List.of() : entry.value().steps;
        if (assessed && dtos.isEmpty()) {
            throw fail(entry, what + "an assessed requirement needs at least one planned step");
        }
        Set<String> ids = new HashSet<>();
        List<PlannedStep> steps = new ArrayList<>();
        for (int i = 0; i < dtos.size(); i++) {
            RequirementDto.StepDto step = dtos.get(i);
            String where = what + "step " + (i + 1) + ": ";
            if (step.id == null || !STEP_ID.matcher(step.id).matches()) {
                throw fail(entry, where + "id must be lower-case words joined by '-', found '" + step.id + "'");
            }
            where = what + "step '" + step.id + "': ";
            if (!ids.add(step.id)) {
                throw fail(entry, where + "duplicate step id");
            }
            if (step.title == null || step.title.isBlank()) {
                throw fail(entry, where + "missing title");
            }
            StepKind kind = enumValue(StepKind.class, step.kind, entry, where + "kind");
            StepLocation location = enumValue(StepLocation.class, step.where, entry, where + "where");
            steps.add(new PlannedStep(step.id, kind, step.title.trim(), location,
                    Boolean.TRUE.equals(step.intrusive), trim(step.tc)));
        }
        return steps;
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, String text, Located<RequirementDto> entry, String what)
            throws CatalogException {
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name().toLowerCase(Locale.ROOT));
        }
        if (text == null) {
            throw fail(entry, what + " is missing (one of " + String.join(", ", allowed) + ")");
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
                return constant;
            }
        }
        throw fail(entry, what + " '" + text + "' is not one of " + String.join(", ", allowed));
    }

    private CatalogException fail(Located<RequirementDto> entry, String problem) {
        return new CatalogException(source, entry.line(), entry.column(), problem);
    }

    private static String trim(String text) {
        return text == null ? "" : text.strip();
    }
}
