package io.mrtck.reference.schema;

import java.math.BigDecimal;
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
 * Converts a value to a declared column type, or refuses it (ILLEGAL_ARGUMENT naming the
 * column and the expected type). Minimal version written on the sql branch; main's
 * version replaces it at merge.
 */
public final class ValueCoercion {

    private ValueCoercion() {
    }

    public static FieldValue coerce(FieldType type, FieldValue value, String columnPath) {
        if (value == null || value.isNull()) {
            return NullValue.getInstance();
        }
        if (value.isJsonNull() && type.code() != TypeCode.JSON) {
            return NullValue.getInstance();
        }
        switch (type.code()) {
            case JSON:
                if (value.isBinary()) {
                    throw mismatch(type, value, columnPath);
                }
                return value;
            case INTEGER:
                if (value.isInteger()) {
                    return value;
                }
                if (value.isLong() || value.isNumber() || value.isDouble()) {
                    BigDecimal n = exact(value);
                    try {
                        return new IntegerValue(n.intValueExact());
                    } catch (ArithmeticException e) {
                        throw mismatch(type, value, columnPath);
                    }
                }
                throw mismatch(type, value, columnPath);
            case LONG:
                if (value.isInteger() || value.isLong()) {
                    return new LongValue(value.getLong());
                }
                if (value.isNumber() || value.isDouble()) {
                    try {
                        return new LongValue(exact(value).longValueExact());
                    } catch (ArithmeticException e) {
                        throw mismatch(type, value, columnPath);
                    }
                }
                throw mismatch(type, value, columnPath);
            case FLOAT:
            case DOUBLE:
                if (value.isNumeric()) {
                    return new DoubleValue(value.castAsDouble());
                }
                throw mismatch(type, value, columnPath);
            case NUMBER:
                if (value.isNumeric()) {
                    return value.isNumber() ? value : new NumberValue(exact(value));
                }
                throw mismatch(type, value, columnPath);
            case STRING:
                if (value.isString()) {
                    return value;
                }
                throw mismatch(type, value, columnPath);
            case BOOLEAN:
                if (value.isBoolean()) {
                    return value;
                }
                throw mismatch(type, value, columnPath);
            case BINARY:
                if (value.isBinary()) {
                    return value;
                }
                if (value.isString()) {
                    try {
                        return new BinaryValue(BinaryValue.decodeBase64(value.getString()));
                    } catch (RuntimeException e) {
                        throw mismatch(type, value, columnPath);
                    }
                }
                throw mismatch(type, value, columnPath);
            case TIMESTAMP:
                if (value.isTimestamp()) {
                    return value;
                }
                try {
                    if (value.isString()) {
                        return new TimestampValue(value.getString());
                    }
                    if (value.isInteger() || value.isLong()) {
                        return new TimestampValue(value.getLong());
                    }
                } catch (RuntimeException e) {
                    throw mismatch(type, value, columnPath);
                }
                throw mismatch(type, value, columnPath);
            case ARRAY: {
                if (!value.isArray()) {
                    throw mismatch(type, value, columnPath);
                }
                ArrayValue out = new ArrayValue(value.asArray().size());
                for (FieldValue element : value.asArray()) {
                    out.add(coerce(type.element(), element, columnPath + "[]"));
                }
                return out;
            }
            case MAP: {
                if (!value.isMap()) {
                    throw mismatch(type, value, columnPath);
                }
                MapValue out = new MapValue(true, value.asMap().size());
                for (Map.Entry<String, FieldValue> e : value.asMap().entrySet()) {
                    out.put(e.getKey(), coerce(type.element(), e.getValue(), columnPath + "." + e.getKey()));
                }
                return out;
            }
            case RECORD: {
                if (!value.isMap()) {
                    throw mismatch(type, value, columnPath);
                }
                MapValue in = value.asMap();
                MapValue out = new MapValue(true, type.fields().size());
                for (FieldDef f : type.fields()) {
                    FieldValue v = null;
                    for (Map.Entry<String, FieldValue> e : in.entrySet()) {
                        if (f.nameIs(e.getKey())) {
                            v = e.getValue();
                        }
                    }
                    if (v == null) {
                        v = f.defaultValue() != null ? f.defaultValue() : NullValue.getInstance();
                    }
                    out.put(f.name(), coerce(f.type(), v, columnPath + "." + f.name()));
                }
                for (String key : in.getMap().keySet()) {
                    if (type.fields().stream().noneMatch(f -> f.nameIs(key))) {
                        throw RequestException.illegalArgument("Unknown field " + key + " in record "
                            + columnPath);
                    }
                }
                return out;
            }
            default:
                throw mismatch(type, value, columnPath);
        }
    }

    private static BigDecimal exact(FieldValue v) {
        return v.isDouble() ? BigDecimal.valueOf(v.getDouble()) : v.getNumber();
    }

    private static RequestException mismatch(FieldType type, FieldValue value, String path) {
        return RequestException.illegalArgument("Invalid value for column " + path + ": expected "
            + type.code() + ", got " + value.getType() + " (" + value.toJson() + ")");
    }
}
