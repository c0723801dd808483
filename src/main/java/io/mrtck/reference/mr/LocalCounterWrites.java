package io.mrtck.reference.mr;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * How a local write changes MR_COUNTER state. A put keeps the existing state (a new row
 * starts at zero) whatever value it carries; an UPDATE's {@code c = c ± n} becomes an
 * increment or decrement credited to the local region. The row's counter values are then
 * set to what the state reads.
 */
public final class LocalCounterWrites {
    private LocalCounterWrites() {
    }

    /** Counter state for a put of {@code row} over {@code previous} (null: a new row). */
    public static Map<String, PnCounter> forPut(TableSchema table, MapValue row, StoredRow previous) {
        Map<String, PnCounter> out = new HashMap<>();
        for (CounterPaths.Counter c : CounterPaths.of(table)) {
            PnCounter state = previous == null ? PnCounter.ZERO
                : previous.counters().getOrDefault(c.path(), PnCounter.ZERO);
            CounterPaths.write(row, c, state.value());
            out.put(c.path(), state);
        }
        return out;
    }

    /** Counter state for an UPDATE that turned {@code previous} into {@code row}. */
    public static Map<String, PnCounter> forUpdate(TableSchema table, MapValue row, StoredRow previous,
                                                   String localRegion) {
        Map<String, PnCounter> out = new HashMap<>();
        for (CounterPaths.Counter c : CounterPaths.of(table)) {
            PnCounter state = previous == null ? PnCounter.ZERO
                : previous.counters().getOrDefault(c.path(), PnCounter.ZERO);
            FieldValue written = CounterPaths.read(row, c.path());
            if (written != null && written.isNumeric()) {
                BigDecimal delta = written.getNumber().subtract(state.value());
                state = state.add(localRegion, delta);
            }
            CounterPaths.write(row, c, state.value());
            out.put(c.path(), state);
        }
        return out;
    }
}
