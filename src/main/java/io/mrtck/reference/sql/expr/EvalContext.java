package io.mrtck.reference.sql.expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * What an expression is evaluated against.
 *
 * @param rows     the current row of each FROM table, all columns in table order (an entry is null
 *                 when an outer join found no row; the list is empty where there is no row, e.g. INSERT values)
 * @param metas    the stored rows behind them, for modification_time($x) and friends (entries may be null)
 * @param bindings external variable values by name ({@code $i}, {@code #1})
 * @param now      the statement's time (ms since epoch)
 * @param group    the rows of the current group, for aggregates (null outside grouping)
 * @param vars     variables bound inside the statement ($element, $key, UNNEST variables...)
 */
public record EvalContext(List<MapValue> rows, List<StoredRow> metas, Map<String, FieldValue> bindings, long now,
                   List<EvalContext> group, Map<String, FieldValue> vars) {

    public static EvalContext of(Map<String, FieldValue> bindings, long now) {
        return new EvalContext(List.of(), List.of(), bindings, now, null, Map.of());
    }

    /** This context on one table's row. */
    public EvalContext withRow(MapValue row, StoredRow meta) {
        List<MapValue> r = new ArrayList<>(1);
        r.add(row);
        List<StoredRow> m = new ArrayList<>(1);
        m.add(meta);
        return new EvalContext(r, m, bindings, now, group, vars);
    }

    public EvalContext withRows(List<MapValue> newRows, List<StoredRow> newMetas) {
        return new EvalContext(newRows, newMetas, bindings, now, group, vars);
    }

    public EvalContext withGroup(List<EvalContext> members) {
        return new EvalContext(rows, metas, bindings, now, members, vars);
    }

    public EvalContext withVar(String name, FieldValue value) {
        Map<String, FieldValue> v = new HashMap<>(vars);
        v.put(name, value);
        return new EvalContext(rows, metas, bindings, now, group, v);
    }

    /** The row of the first table (DML works on one table). */
    public MapValue row() {
        return rows.isEmpty() ? null : rows.get(0);
    }

    StoredRow meta() {
        return metas.isEmpty() ? null : metas.get(0);
    }
}
