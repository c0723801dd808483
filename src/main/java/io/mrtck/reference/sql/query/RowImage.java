package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.mr.CounterPaths;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.ValueCoercion;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;

/** How a stored row reads under the current schema, and copies of values to modify. */
final class RowImage {

    private RowImage() {
    }

    /**
     * All columns of the table in order: a column added by ALTER after the row was written
     * reads as its default (or NULL); a dropped column is no longer shown.
     */
    static MapValue complete(TableSchema table, MapValue stored) {
        MapValue row = new MapValue(true, table.fields().size());
        for (FieldDef f : table.fields()) {
            FieldValue v = CounterPaths.fieldIgnoringCase(stored, f.name());
            if (v == null) {
                v = f.defaultValue() != null ? f.defaultValue() : NullValue.getInstance();
            }
            row.put(f.name(), v);
        }
        return row;
    }

    /**
     * A value about to be written to a top-level column: "empty" and, outside JSON columns,
     * JSON null become SQL NULL (the NULL literal is JSON null).
     */
    static FieldValue forColumn(FieldDef column, FieldValue v) {
        if (v == null || (v.isJsonNull() && column.type().code() != io.mrtck.reference.schema.TypeCode.JSON)) {
            return NullValue.getInstance();
        }
        return v;
    }

    /** The primary-key values of a row, in key order and of the key columns' types. */
    static List<FieldValue> key(TableSchema table, MapValue row) {
        List<FieldValue> key = new ArrayList<>(table.primaryKey().size());
        for (String k : table.primaryKey()) {
            FieldDef f = table.field(k).orElseThrow();
            key.add(ValueCoercion.coerce(f.type(), row.get(f.name())));
        }
        return key;
    }

    static MapValue keyMap(TableSchema table, MapValue row) {
        MapValue key = new MapValue(true, table.primaryKey().size());
        for (String k : table.primaryKey()) {
            key.put(k, row.get(k));
        }
        return key;
    }

    /** A deep copy: maps and arrays are new, atomic values are shared (they are not modified). */
    static FieldValue copy(FieldValue v) {
        if (v == null) {
            return null;
        }
        if (v.isMap()) {
            MapValue out = new MapValue(true, v.asMap().size());
            for (Map.Entry<String, FieldValue> e : v.asMap().entrySet()) {
                out.put(e.getKey(), copy(e.getValue()));
            }
            return out;
        }
        if (v.isArray()) {
            ArrayValue out = new ArrayValue(v.asArray().size());
            for (FieldValue e : v.asArray()) {
                out.add(copy(e));
            }
            return out;
        }
        return v;
    }
}
