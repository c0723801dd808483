package io.mrtck.reference.sql.expr;

import java.util.Arrays;
import java.util.Map;

import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * How results are sorted and grouped. A query over the whole table is sorted and grouped by the
 * real SDK's driver on the result values, so the order is the driver's: numbers &lt; timestamps &lt;
 * strings (ENUMs read as their symbol) &lt; booleans, then the special values empty &lt; JSON null
 * &lt; SQL NULL, which go first instead with NULLS FIRST (the default for DESC).
 */
public final class ValueOrder {

    private ValueOrder() {
    }

    /**
     * The order of two sort values under one sort specification; {@code null} stands for an
     * expression that returned nothing (the driver's EMPTY).
     */
    public static int sort(FieldValue v1, FieldValue v2, boolean desc, boolean nullsFirst) {
        boolean e1 = v1 == null || v1.isEMPTY();
        boolean e2 = v2 == null || v2.isEMPTY();
        if (!e1 && v1.isNull()) {
            if (!e2 && v2.isNull()) {
                return 0;
            }
            if (e2 || v2.isJsonNull()) {
                return desc ? -1 : 1;
            }
            return nullsFirst ? -1 : 1;
        }
        if (!e2 && v2.isNull()) {
            if (e1 || v1.isJsonNull()) {
                return desc ? 1 : -1;
            }
            return nullsFirst ? 1 : -1;
        }
        if (e1) {
            if (e2) {
                return 0;
            }
            if (v2.isJsonNull()) {
                return desc ? 1 : -1;
            }
            return nullsFirst ? -1 : 1;
        }
        if (e2) {
            if (v1.isJsonNull()) {
                return desc ? -1 : 1;
            }
            return nullsFirst ? 1 : -1;
        }
        if (v1.isJsonNull()) {
            return v2.isJsonNull() ? 0 : nullsFirst ? -1 : 1;
        }
        if (v2.isJsonNull()) {
            return nullsFirst ? 1 : -1;
        }
        int comp = Integer.signum(compare(v1, v2));
        return desc ? -comp : comp;
    }

    /** Rank of a non-special kind: numbers, timestamps, strings, booleans, binaries, maps, arrays. */
    private static int rank(FieldValue v) {
        if (v.isNumeric()) return 0;
        if (v.isTimestamp()) return 1;
        if (v.isString()) return 2;
        if (v.isBoolean()) return 3;
        if (v.isBinary()) return 4;
        if (v.isMap()) return 5;
        return 6;
    }

    /** A total order of two non-special values. */
    static int compare(FieldValue a, FieldValue b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        switch (ra) {
            case 0:
                return Comparison.numbers(a, b);
            case 1:
                return Comparison.timestampOrder(a, b);
            case 2:
                return a.getString().compareTo(b.getString());
            case 3:
                return Boolean.compare(a.getBoolean(), b.getBoolean());
            case 4:
                return Arrays.compare(a.getBinary(), b.getBinary());
            case 5:
                return a.toJson().compareTo(b.toJson());
            default:
                ArrayValue x = a.asArray();
                ArrayValue y = b.asArray();
                for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                    int c = sort(x.get(i), y.get(i), false, false);
                    if (c != 0) {
                        return c;
                    }
                }
                return Integer.compare(x.size(), y.size());
        }
    }

    /** Whether two values fall in the same group (GROUP BY, DISTINCT): numbers of any kind by value, maps and arrays deeply. */
    public static boolean same(FieldValue a, FieldValue b) {
        if (a.isNull() || b.isNull()) {
            return a.isNull() && b.isNull();
        }
        if (a.isJsonNull() || b.isJsonNull()) {
            return a.isJsonNull() && b.isJsonNull();
        }
        if (a.isNumeric() && b.isNumeric()) {
            return Comparison.numbers(a, b) == 0;
        }
        if (a.isMap() && b.isMap()) {
            MapValue x = a.asMap();
            MapValue y = b.asMap();
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<String, FieldValue> e : x.entrySet()) {
                FieldValue other = y.get(e.getKey());
                if (other == null || !same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            ArrayValue x = a.asArray();
            ArrayValue y = b.asArray();
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return rank(a) == rank(b) && compare(a, b) == 0;
    }
}
