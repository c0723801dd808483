package io.mrtck.reference.nson;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * Typed, strict access to the fields of a decoded request map. A field of the wrong NSON
 * type is a BAD_PROTOCOL_MESSAGE that names the field, the expected and the found type, so
 * a client bug is reported instead of being guessed around.
 */
public final class NsonFields {
    private final MapValue map;
    private final String where;

    public NsonFields(MapValue map, String where) {
        this.map = map == null ? new MapValue() : map;
        this.where = where;
    }

    /** The map under {@code field} of {@code value}, which must itself be a map. */
    public static NsonFields of(FieldValue value, String where) {
        if (value == null) {
            throw bad("missing " + where);
        }
        if (!value.isMap()) {
            throw bad(where + " must be a MAP, found " + value.getType());
        }
        return new NsonFields(value.asMap(), where);
    }

    public MapValue map() {
        return map;
    }

    public boolean has(String field) {
        FieldValue v = map.get(field);
        return v != null && !v.isNull();
    }

    public FieldValue value(String field) {
        FieldValue v = map.get(field);
        return v == null || v.isNull() ? null : v;
    }

    public FieldValue requiredValue(String field) {
        FieldValue v = value(field);
        if (v == null) {
            throw bad("missing field '" + field + "' in " + where);
        }
        return v;
    }

    public String string(String field) {
        FieldValue v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isString()) {
            return v.getString();
        }
        throw typeError(field, "STRING", v);
    }

    public String requiredString(String field) {
        String s = string(field);
        if (s == null) {
            throw bad("missing field '" + field + "' in " + where);
        }
        return s;
    }

    /** A string sent either as STRING or as BINARY holding UTF-8 (SystemRequest statements). */
    public String stringOrUtf8(String field) {
        FieldValue v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isString()) {
            return v.getString();
        }
        if (v.isBinary()) {
            byte[] b = v.getBinary();
            return b == null ? null : new String(b, java.nio.charset.StandardCharsets.UTF_8);
        }
        throw typeError(field, "STRING or BINARY", v);
    }

    public int integer(String field, int dflt) {
        FieldValue v = value(field);
        if (v == null) {
            return dflt;
        }
        if (v.isInteger()) {
            return v.getInt();
        }
        if (v.isLong()) {
            long l = v.getLong();
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw bad("field '" + field + "' in " + where + " out of INTEGER range: " + l);
            }
            return (int) l;
        }
        throw typeError(field, "INTEGER", v);
    }

    public boolean bool(String field, boolean dflt) {
        FieldValue v = value(field);
        if (v == null) {
            return dflt;
        }
        if (v.isBoolean()) {
            return v.getBoolean();
        }
        throw typeError(field, "BOOLEAN", v);
    }

    public byte[] binary(String field) {
        FieldValue v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isBinary()) {
            return v.getBinary();
        }
        throw typeError(field, "BINARY", v);
    }

    /** A MAP field, or null when absent. */
    public MapValue mapValue(String field) {
        FieldValue v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isMap()) {
            return v.asMap();
        }
        throw typeError(field, "MAP", v);
    }

    public NsonFields sub(String field) {
        MapValue m = mapValue(field);
        return m == null ? null : new NsonFields(m, where + "." + field);
    }

    public ArrayValue array(String field) {
        FieldValue v = value(field);
        if (v == null) {
            return null;
        }
        if (v.isArray()) {
            return v.asArray();
        }
        throw typeError(field, "ARRAY", v);
    }

    private RequestException typeError(String field, String expected, FieldValue found) {
        return bad("field '" + field + "' in " + where + " must be " + expected + ", found "
            + found.getType());
    }

    private static RequestException bad(String message) {
        return new RequestException(ErrorCode.BAD_PROTOCOL_MESSAGE, message);
    }
}
