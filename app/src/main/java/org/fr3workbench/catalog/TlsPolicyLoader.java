package org.fr3workbench.catalog;

import com.fasterxml.jackson.core.JsonLocation;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.fr3workbench.domain.TlsPolicy;

/**
 * Reads TLS policy files (YAML, format in {@code docs/tls-scanner.md}): the bundled BSI TR-02102-2 and CIP
 * profiles or a file the user passes. Every problem is a {@link CatalogException} naming file, line and column.
 */
public final class TlsPolicyLoader {

    /** The schema version this loader reads. */
    public static final int SCHEMA_VERSION = 1;

    /** Names of the bundled policies, the first is the default. */
    public static final List<String> BUNDLED = List.of("bsi-tr-02102-2", "cip");

    private static final Set<String> FIELDS = Set.of("schema", "id", "title", "version", "date", "source", "note", "protocols",
            "suites", "groups", "certificate", "minDhBits", "requireSecureRenegotiation", "forbidCompression");
    private static final Set<String> CERTIFICATE_FIELDS = Set.of("minRsaBits", "minEcBits", "forbiddenSignatureHashes",
            "checkValidity");
    private static final Set<String> PROTOCOLS = Set.of("SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final Set<String> HASHES = Set.of("MD2", "MD4", "MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private final YAMLFactory yaml = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private final Predicate<String> knownSuite;
    private final Predicate<String> knownGroup;

    /**
     * @param knownSuite tells whether a name is an IANA cipher suite name (the registry lives in the probe layer)
     * @param knownGroup tells whether a name is a named group the scanner knows
     */
    public TlsPolicyLoader(Predicate<String> knownSuite, Predicate<String> knownGroup) {
        this.knownSuite = knownSuite;
        this.knownGroup = knownGroup;
    }

    /** A bundled policy by name ({@link #BUNDLED}); a broken bundle is a build defect. */
    public TlsPolicy loadBundled(String name) {
        if (!BUNDLED.contains(name)) {
            throw new IllegalArgumentException("no bundled TLS policy '" + name + "' (known: " + String.join(", ", BUNDLED) + ")");
        }
        String resource = "/assets/policy/" + name + ".yaml";
        try (InputStream in = TlsPolicyLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The bundled policy " + resource + " is missing from the application");
            }
            return load(name + ".yaml", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CatalogException e) {
            throw new IllegalStateException("The bundled policy is invalid: " + e.getMessage(), e);
        }
    }

    /** Loads a policy file. */
    public TlsPolicy load(Path file) throws CatalogException, IOException {
        return load(file.toString(), Files.readAllBytes(file));
    }

    /** Loads a policy from bytes; {@code sourceName} is used in error messages. */
    public TlsPolicy load(String sourceName, byte[] bytes) throws CatalogException, IOException {
        YamlNode root;
        try (JsonParser parser = yaml.createParser(bytes)) {
            root = YamlNode.read(parser);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            String problem = message.startsWith("Duplicate field") ? "duplicate key " + message.substring("Duplicate field".length()).trim()
                    : "YAML syntax error: " + message;
            throw CatalogLoader.at(sourceName, e.getLocation(), firstLine(problem));
        }
        if (root == null || root.map() == null) {
            throw new CatalogException(sourceName, 1, 1, "expected a mapping with schema, id, title, version, date, source,"
                    + " protocols and suites");
        }
        return new Checker(sourceName).check(root);
    }

    /** Reads and checks the fields, naming the place of every problem. */
    private final class Checker {
        private final String source;

        Checker(String source) {
            this.source = source;
        }

        TlsPolicy check(YamlNode root) throws CatalogException {
            Map<String, YamlNode> top = fields(root, FIELDS);
            YamlNode schemaNode = required(root, "schema");
            if (!(schemaNode.value() instanceof Integer schema)) {
                throw fail(schemaNode, "schema must be a number");
            }
            if (schema != SCHEMA_VERSION) {
                throw fail(schemaNode, "schema version " + schema + " is not supported; this version reads schema " + SCHEMA_VERSION);
            }
            String id = text(required(root, "id"), "id");
            if (!ID.matcher(id).matches()) {
                throw fail(top.get("id"), "id '" + id + "' must be lower-case letters, digits, '.' and '-'");
            }
            String date = text(required(root, "date"), "date");
            if (!DATE.matcher(date).matches()) {
                throw fail(top.get("date"), "date '" + date + "' must be YYYY-MM or YYYY-MM-DD");
            }
            List<String> protocols = names(required(root, "protocols"), PROTOCOLS::contains, "protocol", PROTOCOLS.toString());
            if (protocols.isEmpty()) {
                throw fail(top.get("protocols"), "protocols must list at least one allowed protocol");
            }
            YamlNode suitesNode = required(root, "suites");
            Map<String, List<String>> suites = new LinkedHashMap<>();
            if (suitesNode.map() == null) {
                throw fail(suitesNode, "suites must map protocol names to lists of cipher suites");
            }
            for (Map.Entry<String, JsonLocation> key : suitesNode.keyLocations().entrySet()) {
                if (!protocols.contains(key.getKey())) {
                    throw CatalogLoader.at(source, key.getValue(), "suites for '" + key.getKey()
                            + "', which is not listed under protocols");
                }
            }
            for (Map.Entry<String, YamlNode> entry : suitesNode.map().entrySet()) {
                suites.put(entry.getKey(), names(entry.getValue(), knownSuite, "cipher suite",
                        "an IANA name such as TLS_AES_128_GCM_SHA256"));
            }
            List<String> groups = top.containsKey("groups")
                    ? names(top.get("groups"), knownGroup, "group", "an IANA name such as secp256r1") : List.of();
            return new TlsPolicy(id, text(required(root, "title"), "title"), text(required(root, "version"), "version"), date,
                    text(required(root, "source"), "source"), protocols, suites, groups, certificate(top.get("certificate")),
                    bits(top.get("minDhBits")), flag(top.get("requireSecureRenegotiation")), flag(top.get("forbidCompression")));
        }

        private TlsPolicy.CertificateRules certificate(YamlNode node) throws CatalogException {
            if (node == null) {
                return new TlsPolicy.CertificateRules(0, 0, List.of(), true);
            }
            Map<String, YamlNode> fields = fields(node, CERTIFICATE_FIELDS);
            List<String> hashes = fields.containsKey("forbiddenSignatureHashes")
                    ? names(fields.get("forbiddenSignatureHashes"), HASHES::contains, "hash", HASHES.toString()) : List.of();
            return new TlsPolicy.CertificateRules(bits(fields.get("minRsaBits")), bits(fields.get("minEcBits")), hashes,
                    flag(fields.get("checkValidity")));
        }

        /** The entries of a mapping whose keys must all be in {@code allowed}. */
        private Map<String, YamlNode> fields(YamlNode node, Set<String> allowed) throws CatalogException {
            if (node.map() == null) {
                throw fail(node, "expected a mapping");
            }
            for (Map.Entry<String, JsonLocation> key : node.keyLocations().entrySet()) {
                if (!allowed.contains(key.getKey())) {
                    throw CatalogLoader.at(source, key.getValue(), "unknown field '" + key.getKey() + "' (known: "
                            + String.join(", ", allowed.stream().sorted().toList()) + ")");
                }
            }
            return node.map();
        }

        private YamlNode required(YamlNode parent, String field) throws CatalogException {
            YamlNode node = parent.map().get(field);
            if (node == null || node.value() == null) {
                throw fail(parent, "missing field '" + field + "'");
            }
            return node;
        }

        private String text(YamlNode node, String field) throws CatalogException {
            if (!(node.value() instanceof String text) || text.isBlank()) {
                throw fail(node, field + " must be a non-empty text");
            }
            return text.strip();
        }

        private List<String> names(YamlNode node, Predicate<String> known, String what, String expected) throws CatalogException {
            if (node.list() == null) {
                throw fail(node, "expected a list of " + what + " names");
            }
            List<String> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (YamlNode element : node.list()) {
                String value = element.value() instanceof String s ? s.strip() : String.valueOf(element.value());
                if (!known.test(value)) {
                    throw fail(element, "unknown " + what + " '" + value + "' (expected " + expected + ")");
                }
                if (!seen.add(value)) {
                    throw fail(element, what + " '" + value + "' is listed twice");
                }
                out.add(value);
            }
            return List.copyOf(out);
        }

        private int bits(YamlNode node) throws CatalogException {
            if (node == null) {
                return 0;
            }
            if (!(node.value() instanceof Integer value) || value < 0 || value > 65536) {
                throw fail(node, "bits must be a number between 0 and 65536, found '" + node.value() + "'");
            }
            return value;
        }

        private boolean flag(YamlNode node) throws CatalogException {
            if (node == null) {
                return true;
            }
            if (!(node.value() instanceof Boolean value)) {
                throw fail(node, "expected true or false, found '" + node.value() + "'");
            }
            return value;
        }

        private CatalogException fail(YamlNode node, String problem) {
            return CatalogLoader.at(source, node.location(), problem);
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
