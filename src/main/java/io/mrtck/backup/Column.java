package io.mrtck.backup;

import com.fasterxml.jackson.databind.JsonNode;

/** One column of a {@link TableDefinition}: its name and its schema JSON entry (type, nullable, default, counters). */
public record Column(String name, JsonNode type) {

    /** An {@code INTEGER|LONG|NUMBER AS MR_COUNTER} column. */
    public boolean isCounter() {
        return type.path("mrcounter").asBoolean(false);
    }

    public String typeName() {
        return type.path("type").asText();
    }
}
