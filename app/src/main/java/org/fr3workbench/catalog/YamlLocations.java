package org.fr3workbench.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a YAML document starts, by JSON-pointer-like path ({@code /suites/TLSv1.2/3}), so
 * that a check made after binding can still name the line and column of the offending value.
 */
final class YamlLocations {

    private final Map<String, JsonLocation> locations = new HashMap<>();
    private final Map<String, JsonLocation> keys = new HashMap<>();

    private YamlLocations() {
    }

    /** Reads the whole document from the parser and records the start of every value. */
    static YamlLocations read(JsonParser parser) throws IOException {
        YamlLocations result = new YamlLocations();
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> indexes = new ArrayDeque<>();
        JsonToken token;
        while ((token = parser.nextToken()) != null) {
            if (token == JsonToken.FIELD_NAME) {
                path.removeLast();
                path.addLast(parser.currentName());
                result.keys.put(render(path), parser.currentTokenLocation());
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                path.removeLast();
                indexes.removeLast();
                continue;
            }
            if (!indexes.isEmpty() && indexes.peekLast()[0] >= 0) {
                path.removeLast();
                path.addLast(String.valueOf(indexes.peekLast()[0]++));
            }
            result.locations.put(render(path), parser.currentTokenLocation());
            if (token == JsonToken.START_OBJECT) {
                path.addLast("");
                indexes.addLast(new int[] {-1});
            } else if (token == JsonToken.START_ARRAY) {
                path.addLast("");
                indexes.addLast(new int[] {0});
            }
        }
        return result;
    }

    /** The location of the value at the path, or of the nearest enclosing value, or null. */
    JsonLocation at(String path) {
        String p = path;
        while (true) {
            JsonLocation location = locations.get(p);
            if (location != null || p.isEmpty()) {
                return location;
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    /** The location of the key of a mapping entry, or null. */
    JsonLocation keyAt(String path) {
        return keys.get(path);
    }

    private static String render(Deque<String> path) {
        StringBuilder out = new StringBuilder();
        for (String part : path) {
            out.append('/').append(part);
        }
        return out.toString();
    }
}
