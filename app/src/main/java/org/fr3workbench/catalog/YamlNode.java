package org.fr3workbench.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value read with Jackson's streaming parser, with the line and column where it starts: a mapping
 * (keys keep their own locations), a list, or a scalar. Small files such as TLS policies are read this way
 * instead of through data binding, which costs far more start-up time than the file is worth (see
 * docs/benchmarks.md, "TLS scan").
 *
 * @param value a {@code Map<String, YamlNode>}, a {@code List<YamlNode>}, a String, Number, Boolean or null
 * @param location where the value starts
 * @param keyLocations for a mapping: where each key starts
 */
record YamlNode(Object value, JsonLocation location, Map<String, JsonLocation> keyLocations) {

    /** Reads the next complete value from the parser (the parser stands before it). */
    static YamlNode read(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        return token == null ? null : readCurrent(parser);
    }

    private static YamlNode readCurrent(JsonParser parser) throws IOException {
        JsonLocation location = parser.currentTokenLocation();
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, YamlNode> map = new LinkedHashMap<>();
                Map<String, JsonLocation> keys = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    keys.put(key, parser.currentTokenLocation());
                    parser.nextToken();
                    map.put(key, readCurrent(parser));
                }
                return new YamlNode(Collections.unmodifiableMap(map), location, Collections.unmodifiableMap(keys));
            }
            case START_ARRAY -> {
                List<YamlNode> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readCurrent(parser));
                }
                return new YamlNode(Collections.unmodifiableList(list), location, Map.of());
            }
            case VALUE_STRING -> {
                return new YamlNode(parser.getText(), location, Map.of());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode(parser.getNumberValue(), location, Map.of());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode(token == JsonToken.VALUE_TRUE, location, Map.of());
            }
            case VALUE_NULL -> {
                return new YamlNode(null, location, Map.of());
            }
            default -> throw new IOException("unexpected YAML token " + token);
        }
    }

    /** The entries of a mapping, or null if this is not a mapping. */
    @SuppressWarnings("unchecked")
    Map<String, YamlNode> map() {
        return value instanceof Map<?, ?> map ? (Map<String, YamlNode>) map : null;
    }

    /** The elements of a list, or null if this is not a list. */
    @SuppressWarnings("unchecked")
    List<YamlNode> list() {
        return value instanceof List<?> list ? (List<YamlNode>) list : null;
    }
}
