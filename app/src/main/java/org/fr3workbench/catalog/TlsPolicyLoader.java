package org.fr3workbench.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
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

    private static final Set<String> PROTOCOLS = Set.of("SSLv3", "TLSv1.0", "TLSv1.1", "TLSv1.2", "TLSv1.3");
    private static final Set<String> HASHES = Set.of("MD2", "MD4", "MD5", "SHA1", "SHA224", "SHA256", "SHA384", "SHA512");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}(-\\d{2})?");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");

    private final ObjectMapper mapper;
    private final Predicate<String> knownSuite;
    private final Predicate<String> knownGroup;

    /**
     * @param knownSuite tells whether a name is an IANA cipher suite name (the registry lives in the probe layer)
     * @param knownGroup tells whether a name is a named group the scanner knows
     */
    public TlsPolicyLoader(Predicate<String> knownSuite, Predicate<String> knownGroup) {
        this.knownSuite = knownSuite;
        this.knownGroup = knownGroup;
        YAMLFactory factory = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
        mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
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
    public TlsPolicy load(String sourceName, byte[] yaml) throws CatalogException, IOException {
        TlsPolicyDto dto;
        YamlLocations locations;
        try (JsonParser parser = mapper.createParser(yaml)) {
            dto = mapper.readValue(parser, TlsPolicyDto.class);
        } catch (UnrecognizedPropertyException e) {
            throw CatalogLoader.at(sourceName, locate(yaml, e), "unknown field '" + e.getPropertyName() + "'"
                    + (e.getKnownPropertyIds() == null ? "" : " (known fields: " + e.getKnownPropertyIds() + ")"));
        } catch (JsonProcessingException e) {
            throw CatalogLoader.at(sourceName, e.getLocation(), firstLine(e.getOriginalMessage()));
        }
        if (dto == null) {
            throw new CatalogException(sourceName, 1, 1, "the policy file is empty");
        }
        try (JsonParser parser = mapper.createParser(yaml)) {
            locations = YamlLocations.read(parser);
        }
        return new Checker(sourceName, locations).check(dto);
    }

    /** Where the unknown field starts (Jackson reports the position after its value). */
    private JsonLocation locate(byte[] yaml, UnrecognizedPropertyException e) throws IOException {
        StringBuilder path = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference ref : e.getPath()) {
            path.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        try (JsonParser parser = mapper.createParser(yaml)) {
            JsonLocation location = YamlLocations.read(parser).keyAt(path.toString());
            return location != null ? location : e.getLocation();
        }
    }

    /** Semantic checks with locations. */
    private final class Checker {
        private final String source;
        private final YamlLocations locations;

        Checker(String source, YamlLocations locations) {
            this.source = source;
            this.locations = locations;
        }

        TlsPolicy check(TlsPolicyDto dto) throws CatalogException {
            if (dto.schema() == null) {
                throw fail("", "missing field 'schema'");
            }
            if (dto.schema() != SCHEMA_VERSION) {
                throw fail("/schema", "schema version " + dto.schema() + " is not supported; this version reads schema " + SCHEMA_VERSION);
            }
            String id = required(dto.id(), "id");
            if (!ID.matcher(id).matches()) {
                throw fail("/id", "id '" + id + "' must be lower-case letters, digits, '.' and '-'");
            }
            String date = required(dto.date(), "date");
            if (!DATE.matcher(date).matches()) {
                throw fail("/date", "date '" + date + "' must be YYYY-MM or YYYY-MM-DD");
            }
            List<String> protocols = names(dto.protocols(), "/protocols", PROTOCOLS::contains, "protocol", PROTOCOLS.toString());
            if (protocols.isEmpty()) {
                throw fail("/protocols", "protocols must list at least one allowed protocol");
            }
            Map<String, List<String>> suites = new LinkedHashMap<>();
            if (dto.suites() == null) {
                throw fail("", "missing field 'suites'");
            }
            for (Map.Entry<String, List<String>> entry : dto.suites().entrySet()) {
                String path = "/suites/" + entry.getKey();
                if (!protocols.contains(entry.getKey())) {
                    throw fail(path, "suites for '" + entry.getKey() + "', which is not listed under protocols");
                }
                suites.put(entry.getKey(), names(entry.getValue(), path, knownSuite,
                        "cipher suite", "an IANA name such as TLS_AES_128_GCM_SHA256"));
            }
            List<String> groups = names(dto.groups(), "/groups", knownGroup, "group", "an IANA name such as secp256r1");
            TlsPolicyDto.CertificateDto cert = dto.certificate() == null
                    ? new TlsPolicyDto.CertificateDto(0, 0, List.of(), true) : dto.certificate();
            List<String> hashes = names(cert.forbiddenSignatureHashes(), "/certificate/forbiddenSignatureHashes",
                    HASHES::contains, "hash", HASHES.toString());
            TlsPolicy.CertificateRules rules = new TlsPolicy.CertificateRules(bits(cert.minRsaBits(), "/certificate/minRsaBits"),
                    bits(cert.minEcBits(), "/certificate/minEcBits"), hashes, cert.checkValidity() == null || cert.checkValidity());
            return new TlsPolicy(id, required(dto.title(), "title"), required(dto.version(), "version"), date,
                    required(dto.source(), "source"), protocols, suites, groups, rules, bits(dto.minDhBits(), "/minDhBits"),
                    dto.requireSecureRenegotiation() == null || dto.requireSecureRenegotiation(),
                    dto.forbidCompression() == null || dto.forbidCompression());
        }

        private List<String> names(List<String> values, String path, Predicate<String> known, String what, String expected)
                throws CatalogException {
            if (values == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (value == null || !known.test(value.strip())) {
                    throw fail(path + "/" + i, "unknown " + what + " '" + value + "' (expected " + expected + ")");
                }
                if (!seen.add(value.strip())) {
                    throw fail(path + "/" + i, what + " '" + value + "' is listed twice");
                }
                out.add(value.strip());
            }
            return out;
        }

        private int bits(Integer value, String path) throws CatalogException {
            if (value == null) {
                return 0;
            }
            if (value < 0 || value > 65536) {
                throw fail(path, "bits must be between 0 and 65536, found " + value);
            }
            return value;
        }

        private String required(String value, String field) throws CatalogException {
            if (value == null || value.isBlank()) {
                throw fail("", "missing field '" + field + "'");
            }
            return value.strip();
        }

        private CatalogException fail(String path, String problem) {
            JsonLocation location = locations.at(path);
            return CatalogLoader.at(source, location, problem);
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
