package org.fr3workbench.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fr3workbench.domain.PlannedStep;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.Step;

/** Reads the {@code requirements} of one procedure file and joins each entry with its catalog requirement. */
final class ProcedureFileReader {

    private static final Set<String> REQUIREMENT = Set.of("id", "steps");

    private final YamlFields yaml;
    private final String family;
    private final ProcedureStepReader steps;

    ProcedureFileReader(YamlFields yaml, String family, ProcedureStepReader steps) {
        this.yaml = yaml;
        this.family = family;
        this.steps = steps;
    }

    /** Adds a procedure for every requirement of the file to {@code into}. */
    void read(YamlNode root, Map<String, Requirement> catalog, Placeholders names, Map<String, Procedure> into)
            throws CatalogException {
        YamlNode list = root.map().get("requirements");
        if (list.list() == null) {
            throw yaml.fail(list, "requirements must be a list");
        }
        for (YamlNode entry : list.list()) {
            yaml.fields(entry, REQUIREMENT, "a requirement");
            YamlNode idNode = yaml.required(entry, "id", "a requirement");
            String id = yaml.text(idNode, "requirement id");
            Requirement requirement = catalog.get(id);
            if (requirement == null) {
                throw yaml.fail(idNode, "the catalog has no requirement '" + id + "'");
            }
            if (!requirement.family().equals(family)) {
                throw yaml.fail(idNode, id + " belongs to family " + requirement.family() + ", not to " + family
                        + " (move it to " + requirement.family() + ".yaml)");
            }
            if (into.containsKey(id)) {
                throw yaml.fail(idNode, id + " has its procedure listed twice");
            }
            into.put(id, procedure(requirement, entry, idNode, names.forRequirement()));
        }
    }

    private Procedure procedure(Requirement requirement, YamlNode entry, YamlNode idNode, Placeholders names)
            throws CatalogException {
        YamlNode stepList = entry.map().get("steps");
        List<YamlNode> nodes = stepList == null || stepList.value() == null ? List.of() : stepList.list();
        if (nodes == null) {
            throw yaml.fail(stepList, "steps must be a list");
        }
        Map<String, PlannedStep> planned = new HashMap<>();
        requirement.steps().forEach(s -> planned.put(s.id(), s));
        Map<String, Step> read = new HashMap<>();
        int lastIndex = -1;
        for (YamlNode node : nodes) {
            if (node.map() == null) {
                throw yaml.fail(node, "each step must be a mapping with at least 'id'");
            }
            YamlNode stepId = yaml.required(node, "id", "a step");
            String id = yaml.text(stepId, "step id");
            PlannedStep step = planned.get(id);
            if (step == null) {
                throw yaml.fail(stepId, requirement.id() + " has no step '" + id + "' (its steps: "
                        + String.join(", ", requirement.steps().stream().map(PlannedStep::id).toList()) + ")");
            }
            if (read.containsKey(id)) {
                throw yaml.fail(stepId, "step '" + id + "' of " + requirement.id() + " is listed twice");
            }
            int index = requirement.steps().indexOf(step);
            if (index < lastIndex) {
                throw yaml.fail(stepId, "step '" + id + "' comes earlier in the catalog: list the steps of "
                        + requirement.id() + " in the catalog's order");
            }
            lastIndex = index;
            read.put(id, steps.read(step, node, names));
        }
        List<Step> ordered = new ArrayList<>();
        for (PlannedStep step : requirement.steps()) {
            Step found = read.get(step.id());
            if (found == null) {
                throw yaml.fail(idNode, requirement.id() + " step '" + step.id() + "' (" + step.kind().name().toLowerCase(
                        java.util.Locale.ROOT) + ") has no procedure entry");
            }
            ordered.add(found);
        }
        return new Procedure(requirement.id(), ordered);
    }
}
