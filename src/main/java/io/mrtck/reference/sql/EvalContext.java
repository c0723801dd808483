package io.mrtck.reference.sql;

import java.util.List;
import java.util.Map;

import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * What an expression is evaluated against.
 *
 * @param row      the current row, all columns in table order (null when there is none, e.g. INSERT values)
 * @param meta     the stored row behind it, for expiration_time($x) and friends (may be null)
 * @param bindings bind variable values by name ({@code $i}, {@code #1})
 * @param now      the statement's time (ms since epoch)
 * @param group    the rows of the current group, for aggregates (null outside grouping)
 */
record EvalContext(MapValue row, StoredRow meta, Map<String, FieldValue> bindings, long now,
                   List<EvalContext> group) {

    EvalContext withRow(MapValue newRow, StoredRow newMeta) {
        return new EvalContext(newRow, newMeta, bindings, now, group);
    }
}
