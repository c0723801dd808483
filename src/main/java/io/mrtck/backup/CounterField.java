package io.mrtck.backup;

import java.math.BigDecimal;
import java.util.List;

import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NumberValue;

/**
 * An MR counter of a table: a counter column ({@code path} empty) or a counter field inside a JSON
 * column ({@code path} = the field's path in the document). {@code type} is INTEGER, LONG or NUMBER.
 */
public record CounterField(String column, List<String> path, String type) {

    /** The counter's value in {@code row}; null when the row does not hold it. */
    public FieldValue read(MapValue row) {
        FieldValue v = row.get(column);
        for (String step : path) {
            if (v == null || !(v instanceof MapValue m)) {
                return null;
            }
            v = m.get(step);
        }
        return v;
    }

    /**
     * {@code row} with this counter at 0, for a put: a real region stores 0 for a counter whatever a
     * put carries, so the row says so (a JSON counter's path must exist in the document). The maps
     * on the counter's path are copied; {@code row} itself is left as it is.
     */
    public MapValue withZero(MapValue row) {
        MapValue out = copy(row);
        if (path.isEmpty()) {
            out.put(column, zero());
            return out;
        }
        MapValue m = out;
        String step = column;
        for (String next : path) {
            if (!(m.get(step) instanceof MapValue inner)) {
                return out;
            }
            MapValue copied = copy(inner);
            m.put(step, copied);
            m = copied;
            step = next;
        }
        m.put(step, zero());
        return out;
    }

    private static MapValue copy(MapValue m) {
        MapValue c = new MapValue();
        m.getMap().forEach(c::put);
        return c;
    }

    /** The SQL path of the counter under a table alias: {@code t.cnt}, {@code t.doc.a.hits}. */
    public String sqlPath(String alias) {
        StringBuilder b = new StringBuilder(alias).append('.').append(column);
        path.forEach(p -> b.append('.').append(p));
        return b.toString();
    }

    /** {@code target - current} in the counter's type; null when they are equal (nothing to add). */
    public FieldValue delta(FieldValue target, FieldValue current) {
        BigDecimal d = number(target).subtract(number(current));
        if (d.signum() == 0) {
            return null;
        }
        return switch (type) {
            case "INTEGER" -> new IntegerValue(d.intValueExact());
            case "LONG" -> new LongValue(d.longValueExact());
            default -> new NumberValue(d);
        };
    }

    /** 0 in the counter's type. */
    FieldValue zero() {
        return switch (type) {
            case "INTEGER" -> new IntegerValue(0);
            case "LONG" -> new LongValue(0);
            default -> new NumberValue(BigDecimal.ZERO);
        };
    }

    private static BigDecimal number(FieldValue v) {
        return v == null || v.isNull() || v.isJsonNull() ? BigDecimal.ZERO : v.getNumber();
    }

    @Override
    public String toString() {
        return path.isEmpty() ? column : column + "." + String.join(".", path);
    }
}
