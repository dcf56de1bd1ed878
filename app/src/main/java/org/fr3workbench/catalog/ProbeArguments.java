package org.fr3workbench.catalog;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import org.fr3workbench.domain.ProcedureParameter;

/**
 * The built-in probes a procedure may name and the arguments each takes (docs/procedure-format.md, "Probes").
 * An argument written as plain text (no placeholder) is checked against the values the probe accepts.
 */
final class ProbeArguments {

    /** A probe's arguments: required ones, optional ones, and the literal values some of them accept. */
    private record Spec(Set<String> required, Set<String> optional, Map<String, Set<String>> values) {
    }

    /** Known probe names, as the engine's {@code ProbeRegistry} registers them. */
    static final Set<String> PROBES = Set.of("tls-scan", "failed-login", "update-authenticity", "boot-console");

    private static final Map<String, Spec> SPECS = Map.of(
            "tls-scan", new Spec(Set.of("target", "via"), Set.of("policy"),
                    Map.of("via", Set.of("device", "direct"), "policy", Set.copyOf(TlsPolicyLoader.BUNDLED))),
            "failed-login", new Spec(Set.of("user", "password"), Set.of(), Map.of()),
            "update-authenticity", new Spec(Set.of("image", "mode"), Set.of("case"),
                    Map.of("mode", Set.of("check", "install"), "case", Set.of("all", "valid", "payload-bit-flip",
                            "description-altered", "signature-removed", "truncated", "zeroed", "unknown-key"))),
            "boot-console", new Spec(Set.of("case"), Set.of("timeout"),
                    Map.of("case", Set.of("unsigned-kernel", "unsigned-bootloader", "wrong-key", "forbidden-key",
                            "corrupt-rootfs", "restore-boot"))));

    private ProbeArguments() {
    }

    static void check(YamlFields yaml, YamlNode probeNode, YamlNode with, String probe, Map<String, String> arguments,
                      Map<String, ProcedureParameter> parameters) throws CatalogException {
        Spec spec = SPECS.get(probe);
        if (spec == null) {
            throw yaml.fail(probeNode, "unknown probe '" + probe + "' (known: " + String.join(", ", sorted(PROBES)) + ")");
        }
        for (String required : spec.required()) {
            if (!arguments.containsKey(required)) {
                throw yaml.fail(with == null ? probeNode : with, "probe '" + probe + "' needs the argument '" + required + "'");
            }
        }
        for (Map.Entry<String, String> argument : arguments.entrySet()) {
            String name = argument.getKey();
            YamlNode node = with.map().get(name);
            if (!spec.required().contains(name) && !spec.optional().contains(name)) {
                throw yaml.failAt(yaml.keyLocation(with, name), "probe '" + probe + "' has no argument '" + name + "' (known: "
                        + String.join(", ", sorted(union(spec.required(), spec.optional()))) + ")");
            }
            Set<String> values = spec.values().get(name);
            String value = argument.getValue();
            if (values != null && !value.contains("{{") && !values.contains(value)) {
                throw yaml.fail(node, "argument '" + name + "' of probe '" + probe + "' must be one of "
                        + String.join(", ", sorted(values)) + ", found '" + value + "'");
            }
        }
        if ("failed-login".equals(probe)) {
            requireKind(yaml, with.map().get("password"), arguments.get("password"), parameters, ProcedureParameter.Kind.MARKER,
                    "the failed-login password must be one marker parameter, e.g. {{marker}}, never a real secret");
        }
        if ("update-authenticity".equals(probe)) {
            requireKind(yaml, with.map().get("image"), arguments.get("image"), parameters, ProcedureParameter.Kind.LOCAL_FILE,
                    "the update image must be one local-file parameter, e.g. {{update-image}}");
        }
    }

    private static void requireKind(YamlFields yaml, YamlNode node, String value, Map<String, ProcedureParameter> parameters,
                                    ProcedureParameter.Kind kind, String problem) throws CatalogException {
        Matcher matcher = Placeholders.PLACEHOLDER.matcher(value);
        ProcedureParameter parameter = matcher.matches() ? parameters.get(matcher.group(1)) : null;
        if (parameter == null || parameter.kind() != kind) {
            throw yaml.fail(node, problem);
        }
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
