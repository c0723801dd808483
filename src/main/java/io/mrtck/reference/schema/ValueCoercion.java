package io.mrtck.reference.schema;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mrtck.reference.RequestException;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.StringValue;

/**
 * Turns the values a client sends into the values of the declared types, as the real proxy
 * and store do on a write, and is the one source of the messages that refuse a value. Atomic
 * types follow {@link AtomicCoercion}; an ARRAY takes an array, a MAP a map, a RECORD a map
 * (fields by name, case-insensitive; unknown names ignored unless exact) or an array (fields
 * by position); JSON takes anything. A NULL inside a typed array or map, or a NULL for a NOT
 * NULL record field, is an exception the real store does not expect (UNKNOWN_ERROR).
 */
public final class ValueCoercion {
    /** How the real client sees the value that fails a NOT NULL field nested in a value. */
    private static final String NESTED_VALUE = "oracle.nosql.proxy.ValueSerializer$FieldValueSerializerImpl@";

    private ValueCoercion() {
    }

    /** {@code value} as a value of {@code type}; SQL NULL stays NullValue (nullability is the caller's check). */
    public static FieldValue coerce(FieldType type, FieldValue value) {
        return coerce(type, value, false);
    }

    /**
     * The row of an SDK put, in the store's order of checks: with {@code exactMatch} a field
     * the table lacks (else it is ignored); then the primary key, in key order; then the other
     * columns in declaration order, a missing one taking its DEFAULT. A NULL into a JSON column
     * is a JSON null; an explicit NULL into a NOT NULL column is an exception the store does
     * not expect (the real answer is UNKNOWN_ERROR).
     */
    public static MapValue putRow(TableSchema table, MapValue input, boolean exactMatch) {
        Map<String, FieldValue> given = byLowerName(input);
        if (exactMatch) {
            requireKnownFields(input, table.fields());
        }
        Map<String, FieldValue> converted = new HashMap<>();
        for (String column : table.primaryKey()) {
            FieldDef f = table.field(column).orElseThrow();
            converted.put(f.name(), keyValue(f, given.get(lower(f.name()))));
        }
        for (FieldDef f : table.fields()) {
            if (table.isPrimaryKey(f.name())) {
                continue;
            }
            FieldValue v = given.get(lower(f.name()));
            if (v == null || v.isEMPTY()) {
                v = defaultFor(f);
            } else if (isNull(v)) {
                v = f.type().code() == TypeCode.JSON ? JsonNullValue.getInstance() : NullValue.getInstance();
            } else {
                v = coerce(f.type(), v, exactMatch);
            }
            if (v.isNull() && !f.nullable()) {
                throw RequestException.unexpected("oracle.kv.impl.admin.IllegalCommandException",
                    "The field can not be null: " + f.name());
            }
            converted.put(f.name(), v);
        }
        MapValue out = new MapValue(true, table.fields().size());
        table.fields().forEach(f -> out.put(f.name(), converted.get(f.name())));
        return out;
    }

    /**
     * A complete row in the table's column order, from a statement or another region: missing
     * columns take their DEFAULT (an MR_COUNTER 0, otherwise SQL NULL); a NULL (or missing)
     * value for a key or NOT NULL column is refused, as the store refuses a row it is given
     * whole; a field the table lacks only when {@code exactMatch}.
     */
    public static MapValue row(TableSchema table, MapValue input, boolean exactMatch) {
        if (exactMatch) {
            requireKnownFields(input, table.fields());
        }
        Map<String, FieldValue> given = byLowerName(input);
        MapValue out = new MapValue(true, table.fields().size());
        for (FieldDef f : table.fields()) {
            FieldValue v = given.get(lower(f.name()));
            if (v == null || v.isEMPTY()) {
                v = table.isPrimaryKey(f.name()) ? NullValue.getInstance() : defaultFor(f);
            } else {
                v = coerce(f.type(), v);
            }
            if (v.isNull() && !f.nullable()) {
                throw RequestException.illegalArgument("Field \"" + f.name() + "\" is not nullable");
            }
            out.put(f.name(), v);
        }
        return out;
    }

    /**
     * The primary-key values of {@code keyOrRow} in key order, converted to the key types;
     * other fields are ignored. With {@code partial}, a leading subset of the key columns is
     * accepted (MultiDelete), but no column after a missing one.
     */
    public static List<FieldValue> primaryKey(TableSchema table, MapValue keyOrRow, boolean partial) {
        Map<String, FieldValue> given = byLowerName(keyOrRow);
        List<FieldValue> key = new ArrayList<>(table.primaryKey().size());
        boolean complete = true;
        for (String column : table.primaryKey()) {
            FieldDef f = table.field(column).orElseThrow();
            FieldValue v = given.get(lower(column));
            if (partial && (v == null || isNull(v) || v.isEMPTY())) {
                complete = false;
            } else if (!complete) {
                throw RequestException.illegalArgument("A required field is missing from the Primary Key");
            } else {
                key.add(keyValue(f, v));
            }
        }
        return key;
    }

    /** A stored row seen through the current schema: added columns appear with their default, dropped ones vanish. */
    public static MapValue upgrade(TableSchema table, MapValue stored) {
        Map<String, FieldValue> given = byLowerName(stored);
        MapValue out = new MapValue(true, table.fields().size());
        for (FieldDef f : table.fields()) {
            FieldValue v = given.get(lower(f.name()));
            out.put(f.name(), v != null ? v : defaultFor(f));
        }
        return out;
    }

    public static FieldValue defaultFor(FieldDef f) {
        if (f.defaultValue() != null) {
            return f.defaultValue();
        }
        if (f.mrCounter()) {
            return coerce(f.type(), new IntegerValue(0));
        }
        if (!f.type().jsonCounters().isEmpty()) {
            return zeroCounters(f.type());
        }
        return NullValue.getInstance();
    }

    /** A JSON column holding counters is never NULL: left out, it is a document of zero counters. */
    private static MapValue zeroCounters(FieldType json) {
        MapValue doc = new MapValue(true, json.jsonCounters().size());
        json.jsonCounters().forEach((path, code) -> {
            MapValue at = doc;
            String[] steps = path.split("\\.");
            for (int i = 0; i < steps.length - 1; i++) {
                FieldValue next = at.get(steps[i]);
                if (next == null) {
                    next = new MapValue(true, 1);
                    at.put(steps[i], next);
                }
                at = next.asMap();
            }
            at.put(steps[steps.length - 1], coerce(FieldType.of(code), new IntegerValue(0)));
        });
        return doc;
    }

    // --- the conversion of one value ---------------------------------------------------

    /** {@code exact} is the put's exact match, which also holds for records nested in the value. */
    private static FieldValue coerce(FieldType type, FieldValue value, boolean exact) {
        if (value == null || value.isNull()) {
            return NullValue.getInstance();
        }
        if (value.isJsonNull()) {
            return type.code() == TypeCode.JSON ? value : NullValue.getInstance();
        }
        return switch (type.code()) {
            case INTEGER -> AtomicCoercion.toInteger(value);
            case LONG -> AtomicCoercion.toLong(value);
            case FLOAT -> AtomicCoercion.toFloat(value);
            case DOUBLE -> AtomicCoercion.toDouble(value);
            case NUMBER -> AtomicCoercion.toNumber(value);
            case STRING -> AtomicCoercion.toString(value);
            case BOOLEAN -> AtomicCoercion.toBoolean(value);
            case BINARY -> AtomicCoercion.toBinary(value);
            case FIXED_BINARY -> AtomicCoercion.toFixedBinary(type, value);
            case ENUM -> AtomicCoercion.toEnum(type, value);
            case TIMESTAMP -> AtomicCoercion.toTimestamp(type, value);
            case JSON -> json(value);
            case ARRAY -> array(type, value, exact);
            case MAP -> map(type, value, exact);
            case RECORD -> record(type, value, exact);
        };
    }

    /** Key columns are atomic, so a put's exact match does not reach into them. */
    private static FieldValue keyValue(FieldDef f, FieldValue v) {
        if (v == null || isNull(v) || v.isEMPTY()) {
            throw RequestException.illegalArgument("Missing primary key field: " + f.name());
        }
        return coerce(f.type(), v);
    }

    private static FieldValue array(FieldType type, FieldValue value, boolean exact) {
        AtomicCoercion.expectType(FieldValue.Type.ARRAY, value);
        ArrayValue out = new ArrayValue(value.asArray().size());
        for (FieldValue e : value.asArray()) {
            out.add(element(type.element(), e, exact));
        }
        return out;
    }

    private static FieldValue map(FieldType type, FieldValue value, boolean exact) {
        AtomicCoercion.expectType(FieldValue.Type.MAP, value);
        MapValue out = new MapValue(true, value.asMap().size());
        for (Map.Entry<String, FieldValue> e : value.asMap().entrySet()) {
            out.put(e.getKey(), element(type.element(), e.getValue(), exact));
        }
        return out;
    }

    /** An element of an array or map; only a JSON element may be null (a JSON null). */
    private static FieldValue element(FieldType type, FieldValue e, boolean exact) {
        if (type.code() == TypeCode.JSON && isNull(e)) {
            return JsonNullValue.getInstance();
        }
        if (isNull(e) || e.isEMPTY()) {
            throw unexpectedNull(e);
        }
        return coerce(type, e, exact);
    }

    /** From a map (fields by name) or an array (fields by position); absent fields take their default. */
    private static FieldValue record(FieldType type, FieldValue value, boolean exact) {
        List<FieldDef> fields = type.fields();
        Map<String, FieldValue> byName = new LinkedHashMap<>();
        if (value.getType() == FieldValue.Type.MAP) {
            if (exact) {
                requireKnownFields(value.asMap(), fields);
            }
            byName = byLowerName(value.asMap());
        } else if (value.getType() == FieldValue.Type.ARRAY) {
            ArrayValue a = value.asArray();
            if (exact && a.size() != fields.size()) {
                throw RequestException.illegalArgument("Invalid Array value for Record Value, it has "
                    + a.size() + (a.size() > 1 ? " elements" : " element") + " but the Record Value contains "
                    + fields.size() + (fields.size() > 1 ? " fields" : " field"));
            }
            for (int i = 0; i < Math.min(a.size(), fields.size()); i++) {
                byName.put(lower(fields.get(i).name()), a.get(i));
            }
        } else {
            throw RequestException.illegalArgument("Type mismatch on input. Expected MAP or ARRAY, but got "
                + value.getType());
        }
        MapValue out = new MapValue(true, fields.size());
        for (FieldDef f : fields) {
            FieldValue v = byName.get(lower(f.name()));
            FieldValue c;
            if (v == null) {
                c = defaultFor(f);
            } else if (f.type().code() == TypeCode.JSON && isNull(v)) {
                c = JsonNullValue.getInstance();
            } else {
                c = coerce(f.type(), v, exact);
            }
            if (c.isNull() && !f.nullable()) {
                throw v == null
                    ? RequestException.unexpected("java.lang.IllegalStateException", "Unexpected value: null")
                    : unexpectedNull(v);
            }
            out.put(f.name(), c);
        }
        return out;
    }

    /** JSON holds maps, arrays and JSON atomic values; a timestamp becomes its string, binary its base64 string. */
    private static FieldValue json(FieldValue value) {
        switch (value.getType()) {
            case NULL:
            case JSON_NULL:
                return JsonNullValue.getInstance();
            case TIMESTAMP:
                return new StringValue(value.getString());
            case BINARY:
                return new StringValue(Base64.getEncoder().encodeToString(value.getBinary()));
            case EMPTY:
                throw RequestException.illegalArgument("Unsupported type:12");
            case MAP: {
                MapValue out = new MapValue(true, value.asMap().size());
                for (Map.Entry<String, FieldValue> e : value.asMap().entrySet()) {
                    out.put(e.getKey(), json(e.getValue()));
                }
                return out;
            }
            case ARRAY: {
                ArrayValue out = new ArrayValue(value.asArray().size());
                for (FieldValue v : value.asArray()) {
                    out.add(json(v));
                }
                return out;
            }
            default:
                return value;
        }
    }

    private static void requireKnownFields(MapValue input, List<FieldDef> fields) {
        for (String name : input.getMap().keySet()) {
            if (fields.stream().noneMatch(f -> f.nameIs(name))) {
                throw RequestException.illegalArgument("There is no field with name " + name);
            }
        }
    }

    /** The store's refusal of a NULL where it writes a value that cannot be null. */
    private static RequestException unexpectedNull(FieldValue given) {
        return RequestException.unexpected("java.lang.IllegalStateException", "Unexpected value: "
            + NESTED_VALUE + Integer.toHexString(System.identityHashCode(given) | 0x1000_0000));
    }

    private static boolean isNull(FieldValue v) {
        return v.isNull() || v.isJsonNull();
    }

    private static Map<String, FieldValue> byLowerName(MapValue map) {
        Map<String, FieldValue> out = new HashMap<>();
        for (Map.Entry<String, FieldValue> e : map.entrySet()) {
            out.put(lower(e.getKey()), e.getValue());
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
