package io.mrtck.reference.schema;

import java.util.List;

/**
 * A secondary index: a name and its fields. A field is a column or a JSON path
 * ({@code person.location}); for JSON paths {@code type} is the declared {@code AS} type,
 * otherwise null.
 */
public record IndexDef(String name, List<Field> fields) {

    public record Field(String path, String type) {
    }

    public IndexDef {
        fields = List.copyOf(fields);
    }
}
