package org.fr3workbench.catalog;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.fr3workbench.domain.Expectation;
import org.fr3workbench.domain.TlsPolicy;

/** Reads the {@code expect} mapping of a command (docs/procedure-format.md, "Expectations"). */
final class ExpectationReader {

    private static final Set<String> KEYS = Set.of("exit", "exit-not", "contains", "contains-regex", "absent", "absent-regex",
            "number", "all-allowed");
    private static final Map<String, Expectation.Comparison> OPERATORS = Map.of("==", Expectation.Comparison.EQ,
            "!=", Expectation.Comparison.NE, "<", Expectation.Comparison.LT, "<=", Expectation.Comparison.LE,
            ">", Expectation.Comparison.GT, ">=", Expectation.Comparison.GE);
    private static final Map<String, String> LISTS = Map.of("tls13", "TLSv1.3", "tls12", "TLSv1.2");
    /** The policy {@code all-allowed} uses when it names none. */
    static final String DEFAULT_POLICY = "bsi-tr-02102-2";

    private final YamlFields yaml;
    private final Function<String, TlsPolicy> policies;

    /** @param policies a bundled TLS policy by id, or null when there is none of that id */
    ExpectationReader(YamlFields yaml, Function<String, TlsPolicy> policies) {
        this.yaml = yaml;
        this.policies = policies;
    }

    List<Expectation> read(YamlNode expect, Placeholders names) throws CatalogException {
        if (expect == null) {
            return List.of();
        }
        Map<String, YamlNode> fields = yaml.fields(expect, KEYS, "expect");
        if (fields.isEmpty()) {
            throw yaml.fail(expect, "expect must name at least one expectation (or leave it out: the assessor judges)");
        }
        List<Expectation> out = new ArrayList<>();
        for (Map.Entry<String, YamlNode> entry : fields.entrySet()) {
            YamlNode node = entry.getValue();
            switch (entry.getKey()) {
                case "exit" -> out.add(new Expectation.ExitCodeIn(codes(node)));
                case "exit-not" -> out.add(new Expectation.ExitCodeNotIn(codes(node)));
                case "contains" -> {
                    for (String text : texts(node, "contains", names)) {
                        out.add(new Expectation.Contains(text, false));
                    }
                }
                case "absent" -> {
                    for (String text : texts(node, "absent", names)) {
                        out.add(new Expectation.Absent(text, false));
                    }
                }
                case "contains-regex" -> {
                    for (String text : regexes(node, "contains-regex", names, 0)) {
                        out.add(new Expectation.Contains(text, true));
                    }
                }
                case "absent-regex" -> {
                    for (String text : regexes(node, "absent-regex", names, 0)) {
                        out.add(new Expectation.Absent(text, true));
                    }
                }
                case "number" -> out.add(number(node, names));
                case "all-allowed" -> out.add(allAllowed(node, names));
                default -> throw new IllegalStateException(entry.getKey());
            }
        }
        return List.copyOf(out);
    }

    private Set<Integer> codes(YamlNode node) throws CatalogException {
        List<YamlNode> elements = node.list() != null ? node.list() : List.of(node);
        if (elements.isEmpty()) {
            throw yaml.fail(node, "an exit code list must not be empty");
        }
        Set<Integer> codes = new LinkedHashSet<>();
        for (YamlNode element : elements) {
            if (!(element.value() instanceof Integer code) || code < 0 || code > 255) {
                throw yaml.fail(element, "exit code must be a number from 0 to 255, found '" + element.value() + "'");
            }
            codes.add(code);
        }
        return codes;
    }

    private List<String> texts(YamlNode node, String what, Placeholders names) throws CatalogException {
        List<String> texts = yaml.texts(node, what);
        for (String text : texts) {
            String problem = names.problem(text);
            if (problem != null) {
                throw yaml.fail(node, problem);
            }
        }
        return texts;
    }

    private List<String> regexes(YamlNode node, String what, Placeholders names, int groups) throws CatalogException {
        List<String> texts = texts(node, what, names);
        for (String text : texts) {
            compile(node, text, groups);
        }
        return texts;
    }

    private void compile(YamlNode node, String regex, int groups) throws CatalogException {
        Pattern pattern;
        try {
            pattern = Pattern.compile(Placeholders.neutralised(regex), Pattern.MULTILINE);
        } catch (PatternSyntaxException e) {
            throw yaml.fail(node, "regular expression does not compile: " + e.getDescription() + " in /" + regex + "/");
        }
        if (pattern.matcher("").groupCount() < groups) {
            throw yaml.fail(node, "regular expression /" + regex + "/ needs a group ( ) around the value it picks");
        }
    }

    private Expectation number(YamlNode node, Placeholders names) throws CatalogException {
        Map<String, YamlNode> fields = yaml.fields(node, Set.of("pattern", "op", "value"), "number");
        String pattern = regexes(yaml.required(node, "pattern", "number"), "pattern", names, 1).getFirst();
        YamlNode opNode = yaml.required(node, "op", "number");
        Expectation.Comparison comparison = OPERATORS.get(yaml.text(opNode, "op"));
        if (comparison == null) {
            throw yaml.fail(opNode, "unknown comparison '" + opNode.value() + "' (known: ==, !=, <, <=, >, >=)");
        }
        YamlNode valueNode = yaml.required(node, "value", "number");
        if (!(fields.get("value").value() instanceof Number value)) {
            throw yaml.fail(valueNode, "value must be a number, found '" + valueNode.value() + "'");
        }
        return new Expectation.NumberCompare(pattern, comparison, value.doubleValue());
    }

    private Expectation allAllowed(YamlNode node, Placeholders names) throws CatalogException {
        Map<String, YamlNode> fields = yaml.fields(node, Set.of("pattern", "list", "policy"), "all-allowed");
        String pattern = regexes(yaml.required(node, "pattern", "all-allowed"), "pattern", names, 1).getFirst();
        YamlNode listNode = yaml.required(node, "list", "all-allowed");
        String protocol = LISTS.get(yaml.text(listNode, "list"));
        if (protocol == null) {
            throw yaml.fail(listNode, "unknown list '" + listNode.value() + "' (known: tls13, tls12)");
        }
        String policyId = fields.containsKey("policy") ? yaml.text(fields.get("policy"), "policy") : DEFAULT_POLICY;
        TlsPolicy policy = policies.apply(policyId);
        if (policy == null) {
            throw yaml.fail(fields.getOrDefault("policy", node), "unknown TLS policy '" + policyId + "' (known: "
                    + String.join(", ", TlsPolicyLoader.BUNDLED) + ")");
        }
        List<String> allowed = policy.suites().get(protocol);
        if (allowed == null || allowed.isEmpty()) {
            throw yaml.fail(listNode, "the TLS policy '" + policyId + "' allows no " + protocol + " suites");
        }
        return new Expectation.AllLinesAllowed(pattern, allowed, policy.title() + " " + policy.version() + ", "
                + protocol.replace("TLSv", "TLS ") + " suites");
    }
}
