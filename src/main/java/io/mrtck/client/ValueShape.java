package io.mrtck.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What of a value's order is part of the value, read from a table's schema JSON: a RECORD
 * (and a row) has its fields in schema order and an ARRAY its elements in order; the
 * members of a JSON object and the keys of a MAP have no order (a real region returns a
 * replicated document's members in another order than written).
 */
public sealed interface ValueShape {
    /** A JSON value: objects unordered at every depth, arrays in order. */
    ValueShape JSON = new Json();
    /** A scalar, compared as the SDK renders it. */
    ValueShape ATOMIC = new Atomic();

    record Json() implements ValueShape {
    }

    record Atomic() implements ValueShape {
    }

    record ArrayOf(ValueShape element) implements ValueShape {
    }

    record MapOf(ValueShape element) implements ValueShape {
    }

    /** Fields in schema order. */
    record RecordOf(Map<String, ValueShape> fields) implements ValueShape {
        public RecordOf {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }
    }

    /**
     * The shape of a table's rows from its schema JSON ({@code getTable}); when the schema
     * cannot be read, {@link #JSON}: every object unordered, which never reports an order
     * difference as a divergence.
     */
    static ValueShape ofTableSchema(String schemaJson) {
        try {
            JsonNode schema = new ObjectMapper().readTree(schemaJson == null ? "" : schemaJson);
            return schema != null && schema.path("fields").isArray() ? record(schema.path("fields")) : JSON;
        } catch (JsonProcessingException e) {
            return JSON;
        }
    }

    private static ValueShape record(JsonNode fields) {
        Map<String, ValueShape> out = new LinkedHashMap<>();
        for (JsonNode f : fields) {
            out.put(f.path("name").asText(), of(f));
        }
        return new RecordOf(out);
    }

    private static ValueShape of(JsonNode type) {
        return switch (type.path("type").asText().toUpperCase(Locale.ROOT)) {
            case "JSON" -> JSON;
            case "ARRAY" -> new ArrayOf(of(type.path("collection")));
            case "MAP" -> new MapOf(of(type.path("collection")));
            case "RECORD" -> record(type.path("fields"));
            case "" -> JSON;
            default -> ATOMIC;
        };
    }
}
