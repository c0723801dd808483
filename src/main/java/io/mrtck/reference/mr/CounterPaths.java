package io.mrtck.reference.mr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NumberValue;

/**
 * Where a table keeps MR_COUNTERs: counter columns ({@code cnt}) and counter fields declared
 * inside JSON columns ({@code doc.hits}); reading and writing their values in a row.
 */
public final class CounterPaths {
    private CounterPaths() {
    }

    /** A counter: its path in the row and its declared type. */
    public record Counter(String path, TypeCode type) {
    }

    public static List<Counter> of(TableSchema table) {
        List<Counter> out = new ArrayList<>();
        for (FieldDef f : table.fields()) {
            if (f.mrCounter()) {
                out.add(new Counter(f.name(), f.type().code()));
            }
            for (Map.Entry<String, TypeCode> c : f.type().jsonCounters().entrySet()) {
                out.add(new Counter(f.name() + "." + c.getKey(), c.getValue()));
            }
        }
        return out;
    }

    /** The value at {@code path}, or null when a step is missing. */
    public static FieldValue read(MapValue row, String path) {
        FieldValue v = row;
        for (String step : path.split("\\.")) {
            if (v == null || !v.isMap()) {
                return null;
            }
            v = fieldIgnoringCase(v.asMap(), step);
        }
        return v;
    }

    /** Replaces the value at {@code path}; the path must exist (insert the JSON counter field with 0). */
    public static void write(MapValue row, Counter counter, BigDecimal value) {
        String[] steps = counter.path().split("\\.");
        MapValue parent = row;
        for (int i = 0; i < steps.length - 1; i++) {
            FieldValue next = fieldIgnoringCase(parent, steps[i]);
            if (next == null || !next.isMap()) {
                throw RequestException.illegalArgument("MR_COUNTER path " + counter.path() + " does not exist");
            }
            parent = next.asMap();
        }
        String last = steps[steps.length - 1];
        String actual = parent.getMap().keySet().stream().filter(k -> k.equalsIgnoreCase(last))
            .findFirst().orElse(null);
        if (actual == null) {
            throw RequestException.illegalArgument("MR_COUNTER path " + counter.path() + " does not exist");
        }
        parent.put(actual, typed(counter.type(), value));
    }

    public static FieldValue typed(TypeCode type, BigDecimal value) {
        return switch (type) {
            case INTEGER -> new IntegerValue(value.intValueExact());
            case LONG -> new LongValue(value.longValueExact());
            default -> new NumberValue(value);
        };
    }

    /** The value of the field whose name matches case-insensitively (columns, record fields), or null. */
    public static FieldValue fieldIgnoringCase(MapValue map, String name) {
        FieldValue v = map.get(name);
        if (v != null) {
            return v;
        }
        for (Map.Entry<String, FieldValue> e : map.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
