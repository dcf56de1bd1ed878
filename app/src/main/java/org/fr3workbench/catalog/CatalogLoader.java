package org.fr3workbench.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fr3workbench.domain.Catalog;

/**
 * Reads and validates the FR 3 requirement catalog (YAML, format in {@code docs/catalog-format.md}).
 *
 * <p>Every problem is reported as a {@link CatalogException} naming the file, line and column: YAML
 * syntax errors, unknown fields, duplicate keys or ids, a bad security level, a missing title, an id
 * whose prefix does not match its component types, a step of an unknown kind.
 */
public final class CatalogLoader {

    /** The schema version this loader reads. */
    public static final int SCHEMA_VERSION = 1;

    /** The catalog shipped inside the application. */
    public static final String BUNDLED_RESOURCE = "/assets/catalog/fr3.yaml";

    private final ObjectMapper mapper;

    public CatalogLoader() {
        YAMLFactory factory = YAMLFactory.builder()
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper = new ObjectMapper(factory)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .addHandler(new UnknownFieldHandler());
    }

    /** Reports an unknown field where it stands, not where Jackson finishes the enclosing entry. */
    private static final class UnknownFieldHandler extends DeserializationProblemHandler {
        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             JsonDeserializer<?> deserializer, Object bean, String name)
                throws IOException {
            throw UnrecognizedPropertyException.from(parser, bean == null ? Object.class : bean, name,
                    deserializer.getKnownPropertyNames());
        }
    }

    /** Loads the catalog bundled with the application; a broken bundle is a build defect. */
    public Catalog loadBundled() {
        try (InputStream in = CatalogLoader.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled catalog " + BUNDLED_RESOURCE + " is missing from the application");
            }
            return load("fr3.yaml", in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CatalogException e) {
            throw new IllegalStateException("The bundled catalog is invalid: " + e.getMessage(), e);
        }
    }

    /** Loads a catalog file, e.g. one an assessor adapted. */
    public Catalog load(Path file) throws CatalogException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return load(file.toString(), in);
        }
    }

    /**
     * Loads a catalog from a stream.
     *
     * @param sourceName the file name used in error messages
     */
    public Catalog load(String sourceName, InputStream in) throws CatalogException, IOException {
        CatalogValidator validator = new CatalogValidator(sourceName);
        try (JsonParser parser = mapper.createParser(in)) {
            return read(parser, validator);
        } catch (UnrecognizedPropertyException e) {
            throw at(sourceName, e.getLocation(), "unknown field '" + e.getPropertyName() + "'"
                    + (e.getKnownPropertyIds() == null ? "" : " (known fields: " + e.getKnownPropertyIds() + ")"));
        } catch (JsonProcessingException e) {
            throw at(sourceName, e.getLocation(), describe(e));
        }
    }

    private Catalog read(JsonParser parser, CatalogValidator validator) throws IOException, CatalogException {
        JsonToken first = parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw at(validator.source(), parser.currentTokenLocation(),
                    "expected a mapping with schema, version, source, families and requirements at the top");
        }
        Integer schema = null;
        String version = null;
        String source = null;
        Map<String, String> families = new LinkedHashMap<>();
        List<CatalogValidator.Located<RequirementDto>> entries = new ArrayList<>();
        JsonLocation top = parser.currentTokenLocation();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonLocation fieldLocation = parser.currentTokenLocation();
            parser.nextToken();
            switch (field) {
                case "schema" -> {
                    if (!parser.currentToken().isNumeric()) {
                        throw at(validator.source(), fieldLocation, "schema must be a number, found '" + parser.getText() + "'");
                    }
                    schema = parser.getIntValue();
                    if (schema != SCHEMA_VERSION) {
                        throw at(validator.source(), fieldLocation, "schema version " + schema
                                + " is not supported; this version of FR3 Workbench reads schema " + SCHEMA_VERSION);
                    }
                }
                case "version" -> version = parser.getValueAsString();
                case "source" -> source = parser.getValueAsString();
                case "families" -> families.putAll(mapper.readValue(parser,
                        mapper.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, String.class)));
                case "requirements" -> readEntries(parser, validator, entries);
                default -> throw at(validator.source(), fieldLocation, "unknown field '" + field
                        + "' (known fields: schema, version, source, families, requirements)");
            }
        }
        if (schema == null) {
            throw at(validator.source(), top, "missing field 'schema'");
        }
        if (version == null || version.isBlank()) {
            throw at(validator.source(), top, "missing field 'version'");
        }
        if (source == null || source.isBlank()) {
            throw at(validator.source(), top, "missing field 'source'");
        }
        return validator.validate(schema, version, source, families, entries);
    }

    private void readEntries(JsonParser parser, CatalogValidator validator,
                             List<CatalogValidator.Located<RequirementDto>> entries) throws IOException, CatalogException {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw at(validator.source(), parser.currentTokenLocation(), "requirements must be a list");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation location = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw at(validator.source(), location, "each requirement must be a mapping with id, title, types, sl, cip and steps");
            }
            RequirementDto dto = mapper.readValue(parser, RequirementDto.class);
            entries.add(new CatalogValidator.Located<>(dto, location.getLineNr(), location.getColumnNr()));
        }
    }

    static CatalogException at(String source, JsonLocation location, String problem) {
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        return new CatalogException(source, line, column, problem);
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (e.getClass().getName().contains("yaml") || message.contains("mapping values") || message.contains("expected")) {
            return "YAML syntax error: " + firstLine(message);
        }
        if (message.startsWith("Duplicate field")) {
            return "duplicate key: " + firstLine(message).replace("Duplicate field", "").trim();
        }
        return firstLine(message);
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
