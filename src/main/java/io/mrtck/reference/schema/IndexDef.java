package io.mrtck.reference.schema;

import java.util.List;

/**
 * A secondary index: a name and its fields. A field is a column or a path
 * ({@code person.location}, {@code a[]}, {@code m.keys()}); for JSON paths {@code type} is the
 * declared {@code AS} type, otherwise null.
 *
 * @param withNoNulls      {@code WITH NO NULLS}: rows whose indexed fields are NULL are left out
 * @param uniqueKeysPerRow {@code WITH UNIQUE KEYS PER ROW}
 */
public record IndexDef(String name, List<Field> fields, boolean withNoNulls, boolean uniqueKeysPerRow) {

    public record Field(String path, String type) {
    }

    public IndexDef {
        fields = List.copyOf(fields);
    }

    public IndexDef(String name, List<Field> fields) {
        this(name, fields, false, false);
    }

    /** An index with an array or map step ({@code []}, {@code keys()}, {@code values()}) indexes many keys per row. */
    public boolean isMultiKey() {
        return fields.stream().anyMatch(f -> f.path().contains("[]") || f.path().contains("()"));
    }
}
