package org.fr3workbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code details} of a journal entry: a JSON object whose keys are the columns of the record
 * the change wrote, in a fixed order. The journal hash covers the stored text as it is; verify
 * reads the values back and compares them with the records.
 */
final class Details {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> values = new LinkedHashMap<>();

    Details put(String column, Object value) {
        values.put(column, value);
        return this;
    }

    String json() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("journal details cannot be written as JSON", e);
        }
    }

    /**
     * The stored details as column to text (numbers as decimal text, JSON null as null).
     *
     * @throws IllegalArgumentException if the text is not a JSON object
     */
    static Map<String, String> parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("its details are not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("its details are not a JSON object");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            result.put(field.getKey(), value.isNull() ? null : value.asText());
        }
        return result;
    }
}
