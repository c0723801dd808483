package io.mrtck.reference.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.mrtck.reference.RequestException;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * Checks a value against a declared type and converts it to that type's canonical value
 * class (an INTEGER column holds IntegerValue, …), as the real engine does on a write.
 * A value that does not fit is ILLEGAL_ARGUMENT naming the field and the expected type.
 */
public final class ValueCoercion {
    private ValueCoercion() {
    }

    /** The value converted to {@code type}; SQL NULL stays NullValue (nullability is the caller's check). */
    public static FieldValue coerce(FieldType type, FieldValue value, String path) {
        if (value == null || value.isNull()) {
            return NullValue.getInstance();
        }
        FieldValue.Type t = value.getType();
        switch (type.code()) {
            case INTEGER:
                if (isIntegral(value)) {
                    BigDecimal n = value.getNumber();
                    if (n.compareTo(BigDecimal.valueOf(Integer.MIN_VALUE)) >= 0
                        && n.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                        return new IntegerValue(n.intValueExact());
                    }
                    throw mismatch(type, value, path, "out of range for INTEGER");
                }
                break;
            case LONG:
                if (isIntegral(value)) {
                    BigDecimal n = value.getNumber();
                    try {
                        return new LongValue(n.longValueExact());
                    } catch (ArithmeticException e) {
                        throw mismatch(type, value, path, "out of range for LONG");
                    }
                }
                break;
            case FLOAT:
                // A FLOAT column holds a 32-bit float; the SDK reads it back widened to a double.
                if (value.isNumeric()) {
                    double d = value.castAsDouble();
                    if (Double.isFinite(d) && Math.abs(d) > Float.MAX_VALUE) {
                        throw mismatch(type, value, path, "out of range for FLOAT");
                    }
                    return new DoubleValue((double) (float) d);
                }
                break;
            case DOUBLE:
                if (value.isNumeric()) {
                    return t == FieldValue.Type.DOUBLE ? value : new DoubleValue(value.castAsDouble());
                }
                break;
            case NUMBER:
                if (value.isNumeric()) {
                    return t == FieldValue.Type.NUMBER ? value : new NumberValue(value.getNumber());
                }
                break;
            case STRING:
                if (t == FieldValue.Type.STRING) {
                    return value;
                }
                break;
            case BOOLEAN:
                if (t == FieldValue.Type.BOOLEAN) {
                    return value;
                }
                break;
            case BINARY:
                if (t == FieldValue.Type.BINARY) {
                    return value;
                }
                if (t == FieldValue.Type.STRING) {
                    try {
                        return new BinaryValue(Base64.getDecoder().decode(value.getString()));
                    } catch (IllegalArgumentException e) {
                        throw mismatch(type, value, path, "not base64");
                    }
                }
                break;
            case TIMESTAMP:
                return timestamp(type, value, path);
            case JSON:
                return json(value, path);
            case ARRAY:
                if (t == FieldValue.Type.ARRAY) {
                    ArrayValue out = new ArrayValue(value.asArray().size());
                    int i = 0;
                    for (FieldValue e : value.asArray()) {
                        FieldValue c = coerce(type.element(), e, path + "[" + i++ + "]");
                        if (c.isNull()) {
                            throw mismatch(type, value, path, "array elements cannot be NULL");
                        }
                        out.add(c);
                    }
                    return out;
                }
                break;
            case MAP:
                if (t == FieldValue.Type.MAP) {
                    MapValue out = new MapValue(true, value.asMap().size());
                    for (Map.Entry<String, FieldValue> e : value.asMap().entrySet()) {
                        out.put(e.getKey(), coerce(type.element(), e.getValue(), path + "." + e.getKey()));
                    }
                    return out;
                }
                break;
            case RECORD:
                if (t == FieldValue.Type.MAP) {
                    return record(type, value.asMap(), path);
                }
                break;
            default:
                break;
        }
        throw mismatch(type, value, path, null);
    }

    /**
     * A complete row in the table's column order: missing columns take their DEFAULT (an
     * MR_COUNTER 0, otherwise SQL NULL); a missing non-nullable column or key column is an error;
     * a field the table lacks is an error only when {@code exactMatch}.
     */
    public static MapValue row(TableSchema table, MapValue input, boolean exactMatch) {
        Map<String, FieldValue> given = byLowerName(input);
        MapValue out = new MapValue(true, table.fields().size());
        for (FieldDef f : table.fields()) {
            FieldValue v = given.remove(lower(f.name()));
            if (v == null || v.isEMPTY()) {
                v = defaultFor(f);
            } else {
                v = coerce(f.type(), v, f.name());
            }
            if (v.isNull() && !f.nullable()) {
                throw RequestException.illegalArgument(table.isPrimaryKey(f.name())
                    ? "Primary key field " + f.name() + " of table " + table.name() + " is missing or NULL"
                    : "Field " + f.name() + " of table " + table.name() + " is not nullable and has no value");
            }
            out.put(f.name(), v);
        }
        if (exactMatch && !given.isEmpty()) {
            throw RequestException.illegalArgument("Unknown field(s) for table " + table.name()
                + " with exact match: " + String.join(", ", given.keySet()));
        }
        return out;
    }

    /**
     * The primary-key values of {@code keyOrRow}, converted to the key types. With
     * {@code partial}, a leading subset of the key columns is accepted (MultiDelete).
     */
    public static List<FieldValue> primaryKey(TableSchema table, MapValue keyOrRow, boolean partial) {
        Map<String, FieldValue> given = byLowerName(keyOrRow);
        List<FieldValue> key = new ArrayList<>(table.primaryKey().size());
        for (String column : table.primaryKey()) {
            FieldValue v = given.get(lower(column));
            if (v == null || v.isNull() || v.isEMPTY()) {
                if (partial) {
                    break;
                }
                throw RequestException.illegalArgument("Primary key field " + column + " of table "
                    + table.name() + " is missing or NULL");
            }
            FieldDef def = table.field(column).orElseThrow();
            key.add(coerce(def.type(), v, column));
        }
        if (partial) {
            for (String column : table.primaryKey().subList(key.size(), table.primaryKey().size())) {
                if (given.containsKey(lower(column))) {
                    throw RequestException.illegalArgument("Partial key for table " + table.name()
                        + " skips a key field before " + column);
                }
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
            return coerce(f.type(), new IntegerValue(0), f.name());
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
            at.put(steps[steps.length - 1], coerce(FieldType.of(code), new IntegerValue(0), path));
        });
        return doc;
    }

    private static MapValue record(FieldType type, MapValue input, String path) {
        Map<String, FieldValue> given = byLowerName(input);
        MapValue out = new MapValue(true, type.fields().size());
        for (FieldDef f : type.fields()) {
            FieldValue v = given.remove(lower(f.name()));
            v = v == null ? defaultFor(f) : coerce(f.type(), v, path + "." + f.name());
            if (v.isNull() && !f.nullable()) {
                throw RequestException.illegalArgument("Field " + path + "." + f.name() + " is not nullable");
            }
            out.put(f.name(), v);
        }
        if (!given.isEmpty()) {
            throw RequestException.illegalArgument("Unknown field(s) in record " + path + ": "
                + String.join(", ", given.keySet()));
        }
        return out;
    }

    private static FieldValue timestamp(FieldType type, FieldValue value, String path) {
        FieldValue ts;
        try {
            ts = switch (value.getType()) {
                case TIMESTAMP -> value;
                case STRING -> new TimestampValue(value.getString());
                case LONG, INTEGER -> new TimestampValue(value.getLong());
                default -> throw mismatch(type, value, path, null);
            };
        } catch (IllegalArgumentException e) {
            throw mismatch(type, value, path, e.getMessage());
        }
        return roundToPrecision(ts, type.timestampPrecision());
    }

    /**
     * A TIMESTAMP(p) column keeps p fractional-second digits: the value is rounded half up
     * to that precision (TIMESTAMP(0) turns 00:00:00.987 into 00:00:01).
     */
    static FieldValue roundToPrecision(FieldValue ts, int precision) {
        java.sql.Timestamp t = ts.getTimestamp();
        if (precision >= 9 || precision < 0 || t.getNanos() == 0) {
            return ts;
        }
        long unit = 1L;
        for (int i = precision; i < 9; i++) {
            unit *= 10;
        }
        long rounded = (t.getNanos() + unit / 2) / unit * unit;
        long seconds = Math.floorDiv(t.getTime(), 1000L);
        if (rounded == 1_000_000_000L) {
            seconds++;
            rounded = 0;
        }
        if (rounded == t.getNanos()) {
            return ts;
        }
        java.sql.Timestamp out = new java.sql.Timestamp(seconds * 1000L);
        out.setNanos((int) rounded);
        return new TimestampValue(out);
    }

    /** JSON holds maps, arrays and atomic JSON values; typed-only values are turned into their JSON form. */
    private static FieldValue json(FieldValue value, String path) {
        switch (value.getType()) {
            case TIMESTAMP:
                return new StringValue(value.getString());
            case BINARY:
                return new StringValue(Base64.getEncoder().encodeToString(value.getBinary()));
            case MAP: {
                MapValue out = new MapValue(true, value.asMap().size());
                for (Map.Entry<String, FieldValue> e : value.asMap().entrySet()) {
                    FieldValue v = e.getValue();
                    out.put(e.getKey(), v.isNull() ? oracle.nosql.driver.values.JsonNullValue.getInstance()
                        : json(v, path + "." + e.getKey()));
                }
                return out;
            }
            case ARRAY: {
                ArrayValue out = new ArrayValue(value.asArray().size());
                for (FieldValue v : value.asArray()) {
                    out.add(v.isNull() ? oracle.nosql.driver.values.JsonNullValue.getInstance() : json(v, path));
                }
                return out;
            }
            default:
                return value;
        }
    }

    private static boolean isIntegral(FieldValue v) {
        switch (v.getType()) {
            case INTEGER:
            case LONG:
                return true;
            case DOUBLE:
            case NUMBER:
                BigDecimal n = v.getNumber();
                return n.signum() == 0 || n.stripTrailingZeros().scale() <= 0;
            default:
                return false;
        }
    }

    private static RequestException mismatch(FieldType type, FieldValue value, String path, String why) {
        String shown = value.toJson();
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return RequestException.illegalArgument("Invalid value for field " + path + ": expected type "
            + type.code() + ", got " + value.getType() + " " + shown + (why == null ? "" : " (" + why + ")"));
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
