package io.mrtck.client;

import java.util.Map;
import java.util.TreeMap;

import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.StringValue;

/**
 * A value as JSON text in which only the order that belongs to the value remains: members
 * of JSON objects and keys of MAPs sorted by name, RECORD fields in schema order, array
 * elements in order. Two values are equal when their canonical texts are. Scalars are
 * rendered exactly as the SDK renders them (no real region has shown a re-encoded number).
 */
public final class CanonicalJson {
    private CanonicalJson() {
    }

    public static String of(FieldValue value, ValueShape shape) {
        StringBuilder out = new StringBuilder();
        write(value, shape, out);
        return out.toString();
    }

    /** Whether two JSON values are the same JSON value (object members in any order). */
    public static boolean sameJson(FieldValue a, FieldValue b) {
        return of(a, ValueShape.JSON).equals(of(b, ValueShape.JSON));
    }

    private static void write(FieldValue v, ValueShape shape, StringBuilder out) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof MapValue map) {
            if (shape instanceof ValueShape.RecordOf record) {
                writeRecord(map, record, out);
            } else {
                writeUnordered(map, shape instanceof ValueShape.MapOf m ? m.element() : ValueShape.JSON, out);
            }
        } else if (v instanceof ArrayValue array) {
            ValueShape element = shape instanceof ValueShape.ArrayOf a ? a.element() : ValueShape.JSON;
            out.append('[');
            for (int i = 0; i < array.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(array.get(i), element, out);
            }
            out.append(']');
        } else {
            out.append(v.toJson());
        }
    }

    /** Schema order first; a field the schema does not name (none should) after them, sorted. */
    private static void writeRecord(MapValue map, ValueShape.RecordOf record, StringBuilder out) {
        Map<String, FieldValue> rest = new TreeMap<>(map.getMap());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ValueShape> f : record.fields().entrySet()) {
            String name = matchingKey(rest, f.getKey());
            if (name != null) {
                first = member(name, rest.remove(name), f.getValue(), first, out);
            }
        }
        for (Map.Entry<String, FieldValue> e : rest.entrySet()) {
            first = member(e.getKey(), e.getValue(), ValueShape.JSON, first, out);
        }
        out.append('}');
    }

    private static void writeUnordered(MapValue map, ValueShape element, StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, FieldValue> e : new TreeMap<>(map.getMap()).entrySet()) {
            first = member(e.getKey(), e.getValue(), element, first, out);
        }
        out.append('}');
    }

    private static boolean member(String name, FieldValue v, ValueShape shape, boolean first, StringBuilder out) {
        out.append(first ? "" : ",").append(new StringValue(name).toJson()).append(':');
        write(v, shape, out);
        return false;
    }

    /** Field names compare case-insensitively, as column names do. */
    private static String matchingKey(Map<String, FieldValue> fields, String name) {
        return fields.containsKey(name) ? name
            : fields.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
    }
}
