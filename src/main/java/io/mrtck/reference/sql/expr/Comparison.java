package io.mrtck.reference.sql.expr;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;

import io.mrtck.reference.mr.CounterPaths;
import io.mrtck.reference.schema.ValueCoercion;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;

/**
 * The value comparison operators (= != < <= > >=) on two items, as the real engine compares: numbers
 * of any kind with each other, strings with strings (and with an ENUM or a TIMESTAMP, read as one of
 * those), timestamps, booleans, binaries (= and != only), records and maps (= and != only), arrays
 * element by element. Items of kinds that do not compare make the comparison false; SQL NULL makes
 * it NULL; a JSON null equals only a JSON null.
 */
public final class Comparison {

    /** The outcome of comparing two items. */
    private record Outcome(boolean haveNull, boolean incompatible, int comp) {
        static final Outcome NULL = new Outcome(true, false, 0);
        static final Outcome INCOMPATIBLE = new Outcome(false, true, 0);

        static Outcome of(int comp) {
            return new Outcome(false, false, Integer.signum(comp));
        }
    }

    private Comparison() {
    }

    /** The value of {@code left op right}: true, false, or SQL NULL. */
    public static FieldValue apply(String op, FieldValue left, SqlType lt, FieldValue right, SqlType rt) {
        Outcome o = compare(op, left, lt, right, rt);
        if (o.haveNull()) {
            return NullValue.getInstance();
        }
        if (o.incompatible()) {
            return BooleanValue.falseInstance();
        }
        return BooleanValue.getInstance(holds(op, o.comp()));
    }

    /** Whether {@code comp} (the sign of left minus right) satisfies the operator. */
    static boolean holds(String op, int comp) {
        return switch (op) {
            case "=" -> comp == 0;
            case "!=" -> comp != 0;
            case "<" -> comp < 0;
            case "<=" -> comp <= 0;
            case ">" -> comp > 0;
            default -> comp >= 0;
        };
    }

    private static Outcome compare(String op, FieldValue v0, SqlType t0, FieldValue v1, SqlType t1) {
        if (v0.isNull() || v1.isNull()) {
            return Outcome.NULL;
        }
        if (v0.isJsonNull() || v1.isJsonNull()) {
            if (v0.isJsonNull() && v1.isJsonNull()) {
                return Outcome.of(0);
            }
            return op.equals("!=") ? Outcome.of(1) : Outcome.INCOMPATIBLE;
        }
        boolean equality = op.equals("=") || op.equals("!=");
        if (v0.isNumeric() && v1.isNumeric()) {
            return Outcome.of(numbers(v0, v1));
        }
        if (isEnum(t0) || isEnum(t1)) {
            return enums(v0, t0, v1, t1);
        }
        if (v0.isTimestamp() || v1.isTimestamp()) {
            return timestamps(v0, t0, v1, t1);
        }
        if (v0.isString() && v1.isString()) {
            return Outcome.of(v0.getString().compareTo(v1.getString()));
        }
        if (v0.isBoolean() && v1.isBoolean()) {
            return Outcome.of(Boolean.compare(v0.getBoolean(), v1.getBoolean()));
        }
        if (v0.isBinary() && v1.isBinary()) {
            return equality ? Outcome.of(Arrays.equals(v0.getBinary(), v1.getBinary()) ? 0 : 1) : Outcome.INCOMPATIBLE;
        }
        if (v0.isMap() && v1.isMap()) {
            return equality ? maps(op, v0.asMap(), t0, v1.asMap(), t1) : Outcome.INCOMPATIBLE;
        }
        if (v0.isArray() && v1.isArray()) {
            return arrays(op, v0.asArray(), t0, v1.asArray(), t1);
        }
        return Outcome.INCOMPATIBLE;
    }

    /** The order of two numbers of any kind, exact for integers and decimals. */
    static int numbers(FieldValue a, FieldValue b) {
        if ((a.isInteger() || a.isLong()) && (b.isInteger() || b.isLong())) {
            return Long.compare(a.getLong(), b.getLong());
        }
        if (a.isNumber() || b.isNumber()) {
            return decimal(a).compareTo(decimal(b));
        }
        return Double.compare(a.castAsDouble(), b.castAsDouble());
    }

    private static BigDecimal decimal(FieldValue v) {
        if (v.isDouble()) {
            return new BigDecimal(v.getDouble());
        }
        return v.getNumber();
    }

    private static boolean isEnum(SqlType t) {
        return t != null && t.kind() == SqlType.Kind.ENUM;
    }

    /** ENUM values compare by their place in the declaration; a string is read as a symbol of the ENUM. */
    private static Outcome enums(FieldValue v0, SqlType t0, FieldValue v1, SqlType t1) {
        if (!v0.isString() || !v1.isString()) {
            return Outcome.INCOMPATIBLE;
        }
        SqlType type = isEnum(t0) ? t0 : t1;
        int i0 = type.symbols().indexOf(v0.getString());
        int i1 = type.symbols().indexOf(v1.getString());
        if (i0 < 0 || i1 < 0) {
            return Outcome.INCOMPATIBLE;
        }
        return Outcome.of(Integer.compare(i0, i1));
    }

    /** A string compared with a TIMESTAMP is read as a timestamp of the same precision. */
    private static Outcome timestamps(FieldValue v0, SqlType t0, FieldValue v1, SqlType t1) {
        FieldValue a = v0.isString() ? asTimestamp(v0, t1) : v0;
        FieldValue b = v1.isString() ? asTimestamp(v1, t0) : v1;
        if (!a.isTimestamp() || !b.isTimestamp()) {
            return Outcome.INCOMPATIBLE;
        }
        return Outcome.of(timestampOrder(a, b));
    }

    private static FieldValue asTimestamp(FieldValue s, SqlType other) {
        SqlType type = other != null && other.kind() == SqlType.Kind.TIMESTAMP ? other : SqlType.TIMESTAMP9;
        return ValueCoercion.coerce(type.toFieldType(), s);
    }

    static int timestampOrder(FieldValue a, FieldValue b) {
        java.sql.Timestamp x = a.getTimestamp();
        java.sql.Timestamp y = b.getTimestamp();
        int c = Long.compare(Math.floorDiv(x.getTime(), 1000L), Math.floorDiv(y.getTime(), 1000L));
        return c != 0 ? c : Integer.compare(x.getNanos(), y.getNanos());
    }

    private static Outcome maps(String op, MapValue m0, SqlType t0, MapValue m1, SqlType t1) {
        if (m0.size() != m1.size()) {
            return Outcome.of(1);
        }
        for (Map.Entry<String, FieldValue> e : m0.entrySet()) {
            FieldValue other = CounterPaths.fieldIgnoringCase(m1, e.getKey());
            if (other == null) {
                return Outcome.of(1);
            }
            Outcome o = compare(op, e.getValue(), memberType(t0, e.getKey()), other, memberType(t1, e.getKey()));
            if (o.haveNull() || o.incompatible() || o.comp() != 0) {
                return o;
            }
        }
        return Outcome.of(0);
    }

    private static Outcome arrays(String op, ArrayValue a0, SqlType t0, ArrayValue a1, SqlType t1) {
        boolean equality = op.equals("=") || op.equals("!=");
        if (equality && a0.size() != a1.size()) {
            return Outcome.of(1);
        }
        int min = Math.min(a0.size(), a1.size());
        for (int i = 0; i < min; i++) {
            Outcome o = compare(op, a0.get(i), elementType(t0), a1.get(i), elementType(t1));
            if (o.haveNull() || o.incompatible() || o.comp() != 0) {
                return o;
            }
        }
        return Outcome.of(Integer.compare(a0.size(), a1.size()));
    }

    private static SqlType elementType(SqlType t) {
        return t != null && (t.kind() == SqlType.Kind.ARRAY || t.kind() == SqlType.Kind.MAP) ? t.element() : null;
    }

    private static SqlType memberType(SqlType t, String key) {
        if (t == null) {
            return null;
        }
        if (t.kind() == SqlType.Kind.RECORD) {
            SqlType.Field f = t.field(key);
            return f == null ? null : f.type();
        }
        return elementType(t);
    }
}
