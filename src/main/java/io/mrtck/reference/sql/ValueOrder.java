package io.mrtck.reference.sql;

import java.math.BigDecimal;
import java.util.Comparator;

import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * Comparison of values: {@link #compare} for WHERE (values of different kinds are not
 * comparable, which makes the condition false rather than an error), and {@link #TOTAL}
 * for ORDER BY / GROUP BY (every value has a place; empty and nulls sort last).
 */
final class ValueOrder {

    private ValueOrder() {
    }

    /** The comparison of two non-null values, or null when they are not comparable. */
    static Integer compare(FieldValue a, FieldValue b) {
        if (a.isNumeric() && b.isNumeric()) {
            return compareNumbers(a, b);
        }
        if (a.isString() && b.isString()) {
            return Integer.signum(a.getString().compareTo(b.getString()));
        }
        if (a.isBoolean() && b.isBoolean()) {
            return Boolean.compare(a.getBoolean(), b.getBoolean());
        }
        if (a.isTimestamp() || b.isTimestamp()) {
            Long x = timestampMillis(a);
            Long y = timestampMillis(b);
            if (x == null || y == null) {
                return null;
            }
            int c = Long.compare(x, y);
            return c != 0 ? c : Integer.compare(nanos(a), nanos(b));
        }
        if (a.isJsonNull() && b.isJsonNull()) {
            return 0;
        }
        if (a.isBinary() && b.isBinary()) {
            return java.util.Arrays.equals(a.getBinary(), b.getBinary()) ? 0 : null;
        }
        if ((a.isMap() && b.isMap()) || (a.isArray() && b.isArray())) {
            return a.equals(b) ? 0 : null;
        }
        return null;
    }

    static int compareNumbers(FieldValue a, FieldValue b) {
        if ((a.isInteger() || a.isLong()) && (b.isInteger() || b.isLong())) {
            return Long.compare(a.getLong(), b.getLong());
        }
        if (a.isNumber() || b.isNumber()) {
            return number(a).compareTo(number(b));
        }
        return Double.compare(a.castAsDouble(), b.castAsDouble());
    }

    private static BigDecimal number(FieldValue v) {
        return v.isDouble() ? BigDecimal.valueOf(v.getDouble()) : v.getNumber();
    }

    private static Long timestampMillis(FieldValue v) {
        if (v.isTimestamp()) {
            return v.getTimestamp().getTime();
        }
        if (v.isString()) {
            try {
                return new TimestampValue(v.getString()).getTimestamp().getTime();
            } catch (RuntimeException notATimestamp) {
                return null;
            }
        }
        return null;
    }

    private static int nanos(FieldValue v) {
        try {
            return (v.isTimestamp() ? v.getTimestamp() : new TimestampValue(v.getString()).getTimestamp()).getNanos();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Rank of a kind in the total order: numbers, timestamps, strings, booleans, binary, maps, arrays, json null, null, empty. */
    private static int rank(FieldValue v) {
        if (v == null || v.isEMPTY()) {
            return 10;
        }
        if (v.isNumeric()) return 0;
        if (v.isTimestamp()) return 1;
        if (v.isString()) return 2;
        if (v.isBoolean()) return 3;
        if (v.isBinary()) return 4;
        if (v.isMap()) return 5;
        if (v.isArray()) return 6;
        if (v.isJsonNull()) return 7;
        return 8;
    }

    static final Comparator<FieldValue> TOTAL = (a, b) -> {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        if (ra >= 7) {
            return 0;
        }
        Integer c = compare(a, b);
        if (c != null) {
            return c;
        }
        return a.toJson().compareTo(b.toJson());
    };

    /** Whether two values group together (GROUP BY, IN, DISTINCT). */
    static boolean same(FieldValue a, FieldValue b) {
        return TOTAL.compare(a, b) == 0;
    }
}
