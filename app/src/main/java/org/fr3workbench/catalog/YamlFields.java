package org.fr3workbench.catalog;

import com.fasterxml.jackson.core.JsonLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Typed access to {@link YamlNode} values of one file; every problem names the file, line and column. */
final class YamlFields {

    private final String source;

    YamlFields(String source) {
        this.source = source;
    }

    String source() {
        return source;
    }

    /** The entries of a mapping whose keys must all be in {@code allowed}. */
    Map<String, YamlNode> fields(YamlNode node, Set<String> allowed, String what) throws CatalogException {
        if (node == null || node.map() == null) {
            throw fail(node, what + " must be a mapping");
        }
        for (Map.Entry<String, JsonLocation> key : node.keyLocations().entrySet()) {
            if (!allowed.contains(key.getKey())) {
                throw failAt(key.getValue(), "unknown key '" + key.getKey() + "' in " + what + " (known: "
                        + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
        return node.map();
    }

    YamlNode required(YamlNode parent, String key, String what) throws CatalogException {
        YamlNode node = parent.map().get(key);
        if (node == null || node.value() == null) {
            throw fail(parent, what + " needs '" + key + "'");
        }
        return node;
    }

    /** A scalar as text (numbers and booleans as written); {@code null} when absent. */
    String scalar(YamlNode node, String what) throws CatalogException {
        if (node == null || node.value() == null) {
            return null;
        }
        if (node.map() != null || node.list() != null) {
            throw fail(node, what + " must be a single value");
        }
        return String.valueOf(node.value());
    }

    String text(YamlNode node, String what) throws CatalogException {
        String text = scalar(node, what);
        if (text == null || text.isBlank()) {
            throw fail(node, what + " must be a non-empty text");
        }
        return text.strip();
    }

    /** A text or a list of texts. */
    List<String> texts(YamlNode node, String what) throws CatalogException {
        List<String> out = new ArrayList<>();
        if (node.list() != null) {
            for (YamlNode element : node.list()) {
                out.add(text(element, what));
            }
            if (out.isEmpty()) {
                throw fail(node, what + " must not be an empty list");
            }
        } else {
            out.add(text(node, what));
        }
        return out;
    }

    /** The location of a key of a mapping (or of the mapping itself when the key is missing). */
    JsonLocation keyLocation(YamlNode mapping, String key) {
        JsonLocation location = mapping.keyLocations().get(key);
        return location == null ? mapping.location() : location;
    }

    CatalogException fail(YamlNode node, String problem) {
        return failAt(node == null ? null : node.location(), problem);
    }

    CatalogException failAt(JsonLocation location, String problem) {
        return CatalogLoader.at(source, location, problem);
    }
}
