package org.fr3workbench.catalog;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.fr3workbench.domain.Catalog;
import org.fr3workbench.domain.Procedure;
import org.fr3workbench.domain.ProcedureLibrary;
import org.fr3workbench.domain.ProcedureParameter;
import org.fr3workbench.domain.Requirement;
import org.fr3workbench.domain.TlsPolicy;

/**
 * Reads the procedure files ({@code assets/procedures/requirements/*.yaml}, format in {@code docs/procedure-format.md})
 * and joins them with the catalog into a {@link ProcedureLibrary}. Every inconsistency is a {@link CatalogException}
 * naming the file, line and column: unknown keys, a step the catalog does not plan or a planned step without an
 * entry, an unknown placeholder, probe or TLS list, a regular expression that does not compile, a bad duration, an
 * intrusive step without cleanup.
 */
public final class ProcedureLoader {

    /** The schema version this loader reads. */
    public static final int SCHEMA_VERSION = 1;

    /** Where the bundled files live in the application, one per catalog family ({@code 3.4.yaml}). */
    public static final String BUNDLED_DIRECTORY = "/assets/procedures/requirements/";

    /** Parameters the engine fills from the connection; they need no declaration. */
    public static final List<ProcedureParameter> BUILT_IN = List.of(
            new ProcedureParameter("device-host", "Host name or address of the device (from the connection)", "",
                    ProcedureParameter.Kind.CONNECTION),
            new ProcedureParameter("device-port", "SSH port of the device (from the connection)", "",
                    ProcedureParameter.Kind.CONNECTION));

    private static final Set<String> TOP = Set.of("schema", "family", "version", "parameters", "requirements");
    private static final Set<String> PARAMETER = Set.of("id", "title", "default", "kind");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Map<String, ProcedureParameter.Kind> KINDS = Map.of("text", ProcedureParameter.Kind.TEXT,
            "local-file", ProcedureParameter.Kind.LOCAL_FILE, "marker", ProcedureParameter.Kind.MARKER);

    private final YAMLFactory yaml = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final TlsPolicyLoader policyLoader;

    /** @param policyLoader resolves the TLS policies that {@code all-allowed} expectations name */
    public ProcedureLoader(TlsPolicyLoader policyLoader) {
        this.policyLoader = policyLoader;
    }

    /** A procedure file's name (for messages) and content. */
    record Source(String name, byte[] content) {
    }

    /** The procedures bundled with the application, one file per catalog family; a broken bundle is a build defect. */
    public ProcedureLibrary loadBundled(Catalog catalog) {
        List<Source> sources = new ArrayList<>();
        for (String family : catalog.families().keySet()) {
            String resource = BUNDLED_DIRECTORY + family + ".yaml";
            try (InputStream in = ProcedureLoader.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled procedure file " + resource + " is missing from the application");
                }
                sources.add(new Source(family + ".yaml", in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            return load(catalog, sources);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CatalogException e) {
            throw new IllegalStateException("The bundled procedures are invalid: " + e.getMessage(), e);
        }
    }

    /** Loads every {@code *.yaml} file of a directory, e.g. procedures an assessor adapted. */
    public ProcedureLibrary load(Catalog catalog, Path dir) throws CatalogException, IOException {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                sources.add(new Source(file.toString(), Files.readAllBytes(file)));
            }
        }
        if (sources.isEmpty()) {
            throw new CatalogException(dir.toString(), 1, 1, "no procedure files (*.yaml) in this directory");
        }
        return load(catalog, sources);
    }

    /** A parsed file with its checked top-level fields. */
    private record ParsedFile(YamlFields yaml, YamlNode root, String family) {
    }

    ProcedureLibrary load(Catalog catalog, List<Source> sources) throws CatalogException, IOException {
        List<ParsedFile> files = new ArrayList<>();
        Map<String, ParsedFile> byFamily = new HashMap<>();
        String version = null;
        for (Source source : sources) {
            ParsedFile file = parse(source, catalog);
            ParsedFile earlier = byFamily.putIfAbsent(file.family(), file);
            if (earlier != null) {
                throw file.yaml().fail(file.root().map().get("family"), "family " + file.family()
                        + " already has its procedures in " + earlier.yaml().source());
            }
            YamlNode versionNode = file.yaml().required(file.root(), "version", "a procedure file");
            String fileVersion = file.yaml().text(versionNode, "version");
            if (version != null && !version.equals(fileVersion)) {
                throw file.yaml().fail(versionNode, "version '" + fileVersion + "' differs from '" + version
                        + "' of the other procedure files");
            }
            version = fileVersion;
            files.add(file);
        }
        Map<String, ProcedureParameter> parameters = parameters(files);
        Map<String, Procedure> procedures = new HashMap<>();
        Map<String, Requirement> requirements = catalog.byId();
        PolicyCache policies = new PolicyCache();
        for (ParsedFile file : files) {
            new ProcedureFileReader(file.yaml(), file.family(), new ProcedureStepReader(file.yaml(), policies, parameters))
                    .read(file.root(), requirements, new Placeholders(parameters.keySet()), procedures);
        }
        Map<String, Procedure> ordered = new LinkedHashMap<>();
        for (Requirement requirement : catalog.requirements()) {
            Procedure procedure = procedures.get(requirement.id());
            if (procedure == null && !requirement.steps().isEmpty()) {
                ParsedFile file = byFamily.get(requirement.family());
                if (file == null) {
                    throw new CatalogException(requirement.family() + ".yaml", 1, 1, "no procedure file for family "
                            + requirement.family() + " (" + requirement.id() + " has " + requirement.steps().size() + " steps)");
                }
                throw file.yaml().failAt(file.yaml().keyLocation(file.root(), "requirements"), requirement.id()
                        + " has no procedure: list it under requirements with an entry for each of its steps");
            }
            ordered.put(requirement.id(), procedure == null ? new Procedure(requirement.id(), List.of()) : procedure);
        }
        return new ProcedureLibrary(version, parameters, ordered);
    }

    /** Resolves bundled TLS policies once each; unknown ids give null. */
    private final class PolicyCache implements Function<String, TlsPolicy> {
        private final Map<String, TlsPolicy> loaded = new HashMap<>();

        @Override
        public TlsPolicy apply(String id) {
            if (!TlsPolicyLoader.BUNDLED.contains(id)) {
                return null;
            }
            return loaded.computeIfAbsent(id, policyLoader::loadBundled);
        }
    }

    private ParsedFile parse(Source source, Catalog catalog) throws CatalogException, IOException {
        YamlFields fields = new YamlFields(source.name());
        YamlNode root;
        try (JsonParser parser = yaml.createParser(source.content())) {
            root = YamlNode.read(parser);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            String problem = message.startsWith("Duplicate field") ? "duplicate key " + message.substring("Duplicate field".length()).trim()
                    : "YAML syntax error: " + message;
            int newline = problem.indexOf('\n');
            throw CatalogLoader.at(source.name(), e.getLocation(), newline < 0 ? problem : problem.substring(0, newline));
        }
        if (root == null || root.map() == null) {
            throw new CatalogException(source.name(), 1, 1, "expected a mapping with schema, family, version, parameters and"
                    + " requirements");
        }
        fields.fields(root, TOP, "a procedure file");
        YamlNode schemaNode = fields.required(root, "schema", "a procedure file");
        if (!(schemaNode.value() instanceof Integer schema) || schema != SCHEMA_VERSION) {
            throw fields.fail(schemaNode, "schema '" + schemaNode.value() + "' is not supported; this version reads schema "
                    + SCHEMA_VERSION);
        }
        YamlNode familyNode = fields.required(root, "family", "a procedure file");
        String family = fields.text(familyNode, "family");
        if (!catalog.families().containsKey(family)) {
            throw fields.fail(familyNode, "the catalog has no family '" + family + "' (known: "
                    + String.join(", ", catalog.families().keySet()) + ")");
        }
        fields.required(root, "requirements", "a procedure file");
        return new ParsedFile(fields, root, family);
    }

    /** Built-in parameters first, then every file's declarations: one namespace. */
    private Map<String, ProcedureParameter> parameters(List<ParsedFile> files) throws CatalogException {
        Map<String, ProcedureParameter> parameters = new LinkedHashMap<>();
        Map<String, String> declaredIn = new HashMap<>();
        BUILT_IN.forEach(p -> parameters.put(p.id(), p));
        for (ParsedFile file : files) {
            YamlFields y = file.yaml();
            YamlNode list = file.root().map().get("parameters");
            if (list == null || list.value() == null) {
                continue;
            }
            if (list.list() == null) {
                throw y.fail(list, "parameters must be a list");
            }
            for (YamlNode node : list.list()) {
                Map<String, YamlNode> f = y.fields(node, PARAMETER, "a parameter");
                YamlNode idNode = y.required(node, "id", "a parameter");
                String id = y.text(idNode, "parameter id");
                if (!NAME.matcher(id).matches()) {
                    throw y.fail(idNode, "parameter id '" + id + "' must be lower-case words joined by '-'");
                }
                if (BUILT_IN.stream().anyMatch(p -> p.id().equals(id))) {
                    throw y.fail(idNode, "'" + id + "' is a built-in parameter filled from the connection: do not declare it");
                }
                if (parameters.containsKey(id)) {
                    throw y.fail(idNode, "parameter '" + id + "' is already declared in " + declaredIn.get(id));
                }
                String kindText = f.containsKey("kind") ? y.text(f.get("kind"), "kind") : "text";
                ProcedureParameter.Kind kind = KINDS.get(kindText);
                if (kind == null) {
                    throw y.fail(f.get("kind"), "unknown parameter kind '" + kindText + "' (known: text, local-file, marker;"
                            + " connection parameters are built in)");
                }
                String defaultValue = f.containsKey("default") ? y.scalar(f.get("default"), "default") : "";
                if (defaultValue != null && defaultValue.contains("{{")) {
                    throw y.fail(f.get("default"), "a default is a plain value, not a template");
                }
                parameters.put(id, new ProcedureParameter(id, y.text(y.required(node, "title", "a parameter"), "title"),
                        defaultValue, kind));
                declaredIn.put(id, y.source() + ":" + idNode.location().getLineNr());
            }
        }
        return parameters;
    }
}
