package org.fr3workbench.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code details} of a journal entry: a flat JSON object whose keys are the columns of the
 * record the change wrote, in a fixed order, with text, whole numbers or null as values. The
 * journal hash covers the stored text as it is; verify reads the values back and compares them
 * with the records. (Jackson's streaming API: no object mapping needed for flat objects.)
 */
final class Details {

    private static final JsonFactory JSON = new JsonFactory();

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Adds a column: a {@code String}, a whole number or {@code null}. */
    Details put(String column, Object value) {
        if (value != null && !(value instanceof String) && !(value instanceof Long) && !(value instanceof Integer)) {
            throw new IllegalArgumentException("journal details hold text, whole numbers or null, not " + value.getClass());
        }
        values.put(column, value);
        return this;
    }

    String json() {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                out.writeFieldName(entry.getKey());
                switch (entry.getValue()) {
                    case null -> out.writeNull();
                    case String s -> out.writeString(s);
                    case Long n -> out.writeNumber(n);
                    case Integer n -> out.writeNumber(n);
                    default -> throw new IllegalStateException("checked in put");
                }
            }
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("journal details cannot be written as JSON", e);
        }
        return text.toString();
    }

    /**
     * The stored details as column to text (numbers as decimal text, JSON null as null).
     *
     * @throws IllegalArgumentException if the text is not a flat JSON object
     */
    static Map<String, String> parse(String json) {
        Map<String, String> result = new LinkedHashMap<>();
        try (JsonParser in = JSON.createParser(json)) {
            if (in.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("its details are not a JSON object");
            }
            for (JsonToken token = in.nextToken(); token != JsonToken.END_OBJECT; token = in.nextToken()) {
                if (token != JsonToken.FIELD_NAME) {
                    throw new IllegalArgumentException("its details are not a flat JSON object");
                }
                String name = in.currentName();
                JsonToken value = in.nextToken();
                if (value == null || value.isStructStart()) {
                    throw new IllegalArgumentException("its details are not a flat JSON object");
                }
                result.put(name, value == JsonToken.VALUE_NULL ? null : in.getText());
            }
            if (in.nextToken() != null) {
                throw new IllegalArgumentException("its details have text after the JSON object");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("its details are not JSON: " + e.getMessage(), e);
        }
        return result;
    }
}
