package io.mrtck.reference.sql.expr;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.ValueCoercion;
import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.StatementError;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * The real engine's cast of one item to a type, used by CAST and wherever the engine converts a
 * value to a declared type (INSERT values, the SET, ADD and PUT clauses of UPDATE, the implicit
 * string arguments of the string functions). Numbers narrow as Java narrows them (a LONG too large
 * for an INTEGER wraps around), strings are parsed, anything becomes a string. A value that cannot
 * be cast fails with {@code Cannot cast value ... of type ... to type ...}.
 */
public final class Casting {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    private Casting() {
    }

    /** {@code v}, produced by an expression of static type {@code from}, cast to {@code target}. */
    public static FieldValue cast(FieldValue v, SqlType from, SqlType target, Loc at) {
        if (v.isNull()) {
            return NullValue.getInstance();
        }
        String why = null;
        try {
            FieldValue out = castOrNull(v, from, target, at);
            if (out != null) {
                return out;
            }
        } catch (IllegalArgumentException e) {
            why = e.getMessage();
        }
        throw StatementError.at(at, "Cannot cast value \n" + display(v) + "\nof type \n" + SqlType.ddlOf(v, from)
            + "\nto type \n" + target.ddl() + (why != null ? "\n" + why : ""));
    }

    /** The value as the real engine prints it in messages: strings bare, anything else as JSON. */
    public static String display(FieldValue v) {
        if (v.isString()) {
            return v.getString();
        }
        StringBuilder out = new StringBuilder();
        jsonText(out, v, null);
        return out.toString();
    }

    private static boolean isFloat(SqlType from) {
        return from != null && from.kind() == SqlType.Kind.FLOAT;
    }

    private static FieldValue castOrNull(FieldValue v, SqlType from, SqlType target, Loc at) {
        switch (target.kind()) {
            case INTEGER:
                if (v.isInteger()) {
                    return v;
                }
                if (v.isNumeric()) {
                    return new IntegerValue(toInt(v));
                }
                return v.isString() ? new IntegerValue(Integer.parseInt(v.getString())) : null;
            case LONG:
                if (v.isLong()) {
                    return v;
                }
                if (v.isNumeric()) {
                    return new LongValue(toLong(v));
                }
                if (v.isTimestamp()) {
                    return new LongValue(v.getTimestamp().getTime());
                }
                return v.isString() ? new LongValue(Long.parseLong(v.getString())) : null;
            case FLOAT:
                if (v.isNumeric()) {
                    return new DoubleValue((float) v.castAsDouble());
                }
                return v.isString() ? new DoubleValue(Float.parseFloat(v.getString())) : null;
            case DOUBLE:
                if (v.isNumeric()) {
                    return v.isDouble() ? v : new DoubleValue(v.castAsDouble());
                }
                return v.isString() ? new DoubleValue(Double.parseDouble(v.getString())) : null;
            case NUMBER:
                if (v.isNumber()) {
                    return v;
                }
                if (v.isNumeric()) {
                    return new NumberValue(v.isDouble() ? BigDecimal.valueOf(v.getDouble()) : v.getNumber());
                }
                return v.isString() ? new NumberValue(new BigDecimal(v.getString().trim())) : null;
            case BOOLEAN:
                if (v.isBoolean()) {
                    return v;
                }
                return v.isString() ? BooleanValue.getInstance(Boolean.parseBoolean(v.getString())) : null;
            case ENUM:
                if (v.isString() && target.symbols().contains(v.getString())) {
                    return v;
                }
                if (v.isString()) {
                    throw new IllegalArgumentException("Invalid enum value: " + v.getString()
                        + ", must be one of " + target.symbols());
                }
                return null;
            case BINARY:
            case FIXED_BINARY:
                if (v.isBinary()) {
                    return v;
                }
                if (v.isString()) {
                    byte[] b = Base64.getDecoder().decode(v.getString());
                    if (target.kind() == SqlType.Kind.FIXED_BINARY && b.length != target.size()) {
                        throw new IllegalArgumentException("Invalid length for fixed binary: " + b.length);
                    }
                    return new BinaryValue(b);
                }
                return null;
            case TIMESTAMP:
                if (v.isTimestamp() || v.isString()) {
                    try {
                        return ValueCoercion.coerce(target.toFieldType(), v);
                    } catch (RequestException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                }
                return v.isInteger() || v.isLong() ? new TimestampValue(v.getLong()) : null;
            case STRING:
                return new StringValue(asString(v, from));
            case ARRAY:
                if (!v.isArray()) {
                    return null;
                }
                ArrayValue arr = new ArrayValue(v.asArray().size());
                SqlType fromElement = from != null && from.kind() == SqlType.Kind.ARRAY ? from.element() : null;
                for (FieldValue e : v.asArray()) {
                    arr.add(cast(e, fromElement, target.element(), at));
                }
                return arr;
            case MAP:
                if (!v.isMap()) {
                    return null;
                }
                MapValue map = new MapValue(true, v.asMap().size());
                for (Map.Entry<String, FieldValue> e : v.asMap().entrySet()) {
                    map.put(e.getKey(), cast(e.getValue(), null, target.element(), at));
                }
                return map;
            case RECORD:
                return v.isMap() ? record(v.asMap(), target, at) : null;
            case JSON:
                return json(v, from, at);
            case ANY:
                return v;
            case ANY_ATOMIC:
                return v.isAtomic() || v.isJsonNull() ? v : null;
            case ANY_JSON_ATOMIC:
                return (v.isAtomic() && !v.isTimestamp() && !v.isBinary() && !isEnum(from)) || v.isJsonNull() ? v : null;
            case ANY_RECORD:
                return v.isMap() && from != null && from.kind() == SqlType.Kind.RECORD ? v : null;
            default:
                return null;
        }
    }

    private static boolean isEnum(SqlType from) {
        return from != null && from.kind() == SqlType.Kind.ENUM;
    }

    private static FieldValue record(MapValue from, SqlType target, Loc at) {
        MapValue out = new MapValue(true, target.fields().size());
        for (SqlType.Field f : target.fields()) {
            FieldValue v = from.get(f.name());
            if (v == null) {
                v = NullValue.getInstance();
            } else if (v.isJsonNull() && f.type().kind() != SqlType.Kind.JSON) {
                v = NullValue.getInstance();
            } else {
                v = cast(v, null, f.type(), at);
            }
            out.put(f.name(), v);
        }
        return out;
    }

    /** Typed data as JSON: maps and arrays keep their structure; timestamps, binaries and ENUMs are not JSON. */
    private static FieldValue json(FieldValue v, SqlType from, Loc at) {
        if (v.isMap()) {
            MapValue out = new MapValue(true, v.asMap().size());
            for (Map.Entry<String, FieldValue> e : v.asMap().entrySet()) {
                FieldValue x = e.getValue();
                out.put(e.getKey(), x.isNull() ? JsonNullValue.getInstance() : cast(x, null, SqlType.JSON, at));
            }
            return out;
        }
        if (v.isArray()) {
            ArrayValue out = new ArrayValue(v.asArray().size());
            for (FieldValue x : v.asArray()) {
                out.add(cast(x, null, SqlType.JSON, at));
            }
            return out;
        }
        if (v.isTimestamp() || v.isBinary() || isEnum(from)) {
            return null;
        }
        return v;
    }

    /** The string form of a value: numbers and timestamps as text, binaries in base64, anything else as JSON. */
    public static String asString(FieldValue v, SqlType from) {
        if (v.isString()) {
            return v.getString();
        }
        if (v.isInteger() || v.isLong()) {
            return Long.toString(v.getLong());
        }
        if (v.isDouble()) {
            return isFloat(from) ? Float.toString((float) v.getDouble()) : Double.toString(v.getDouble());
        }
        if (v.isBoolean()) {
            return v.getBoolean() ? "true" : "false";
        }
        if (v.isBinary()) {
            return Base64.getEncoder().encodeToString(v.getBinary());
        }
        if (v.isTimestamp()) {
            int precision = from != null && from.kind() == SqlType.Kind.TIMESTAMP ? from.precision() : 9;
            return timestampText(v.getTimestamp(), precision);
        }
        if (v.isNumber()) {
            return v.getNumber().toString();
        }
        StringBuilder out = new StringBuilder();
        jsonText(out, v, from);
        return out.toString();
    }

    /**
     * A map or array as JSON text, written as the real engine writes it: a record's fields in
     * declaration order, the keys of a MAP or JSON object sorted (it keeps them in a sorted map),
     * FLOAT values as floats.
     */
    private static void jsonText(StringBuilder out, FieldValue v, SqlType type) {
        if (v.isMap()) {
            boolean record = type != null && type.kind() == SqlType.Kind.RECORD;
            List<String> keys = new ArrayList<>(v.asMap().getMap().keySet());
            if (!record) {
                Collections.sort(keys);
            }
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                SqlType.Field field = record ? type.field(key) : null;
                SqlType valueType = field != null ? field.type()
                    : type != null && type.kind() == SqlType.Kind.MAP ? type.element() : null;
                out.append(i == 0 ? "" : ",").append(new StringValue(key).toJson()).append(':');
                jsonText(out, v.asMap().get(key), valueType);
            }
            out.append('}');
        } else if (v.isArray()) {
            SqlType elementType = type != null && type.kind() == SqlType.Kind.ARRAY ? type.element() : null;
            out.append('[');
            for (int i = 0; i < v.asArray().size(); i++) {
                out.append(i == 0 ? "" : ",");
                jsonText(out, v.asArray().get(i), elementType);
            }
            out.append(']');
        } else if (v.isDouble() && isFloat(type)) {
            out.append(Float.toString((float) v.getDouble()));
        } else {
            out.append(v.toJson());
        }
    }

    /** ISO-8601 without a zone, with as many fractional digits as the precision. */
    public static String timestampText(Timestamp ts, int precision) {
        String s = SECONDS.format(Instant.ofEpochSecond(Math.floorDiv(ts.getTime(), 1000L)));
        if (precision <= 0) {
            return s;
        }
        String nanos = String.format("%09d", ts.getNanos());
        return s + "." + nanos.substring(0, precision);
    }

    /** Java's narrowing of a number to an int (BigDecimal's for NUMBER). */
    public static int toInt(FieldValue v) {
        if (v.isInteger()) return v.getInt();
        if (v.isLong()) return (int) v.getLong();
        if (v.isDouble()) return (int) v.getDouble();
        return v.getNumber().intValue();
    }

    public static long toLong(FieldValue v) {
        if (v.isInteger() || v.isLong()) return v.getLong();
        if (v.isDouble()) return (long) v.getDouble();
        return v.getNumber().longValue();
    }
}
