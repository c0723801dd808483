package io.mrtck.checker;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.mrtck.history.Op;

/**
 * INV-CTR: each MR counter of a final row equals the sum of the acknowledged increments (negative
 * for decrements) since the key's last effective delete, which resets the row's counters.
 * Increments that may or may not count (INFO, or concurrent with a delete, or before a delete that
 * may have happened) widen the expected value to a range: between the sums without and with each.
 */
final class CountersAddUp implements Invariant {

    @Override
    public String code() {
        return "INV-CTR";
    }

    @Override
    public List<Violation> check(KeyedHistory history) {
        List<Violation> out = new ArrayList<>();
        for (KeyOps key : history.keys()) {
            List<String> counters = history.counters(key.table());
            if (counters.isEmpty() || key.finalReads().values().stream().allMatch(r -> r.value() == null)) {
                continue;
            }
            for (String path : counters) {
                Expected expected = expected(key, path);
                for (Op read : key.finalReads().values()) {
                    if (read.value() == null) {
                        continue;
                    }
                    BigDecimal actual = RowValues.counter(read.value(), path);
                    if (actual.compareTo(expected.low) < 0 || actual.compareTo(expected.high) > 0) {
                        List<Op> involved = new ArrayList<>(expected.counted);
                        involved.add(read);
                        out.add(Violation.ofKey(code(), key, read.region() + " reads counter " + path + " = "
                            + actual.toPlainString() + " but the increments since the key's last effective delete add up to "
                            + expected.describe() + ".", involved));
                    }
                }
            }
        }
        return out;
    }

    private static Expected expected(KeyOps key, String path) {
        Expected e = new Expected();
        for (Op inc : key.possibleWrites()) {
            if (inc.kind() != Op.Kind.INCREMENT || !path.equals(inc.counter()) || inc.delta() == null
                || key.effectiveDeletes().certainlyAfter(inc) != null) {
                continue;
            }
            boolean sure = inc.tookEffect() && key.possibleDeletes().mayBeAfter(inc) == null;
            e.add(inc, sure);
        }
        return e;
    }

    /** The range the counter must fall in, and the increments that went into it. */
    private static final class Expected {
        BigDecimal low = BigDecimal.ZERO;
        BigDecimal high = BigDecimal.ZERO;
        final List<Op> counted = new ArrayList<>();
        int uncertain;

        void add(Op inc, boolean sure) {
            BigDecimal d = inc.delta();
            if (sure) {
                low = low.add(d);
                high = high.add(d);
            } else {
                uncertain++;
                if (d.signum() < 0) {
                    low = low.add(d);
                } else {
                    high = high.add(d);
                }
            }
            counted.add(inc);
        }

        String describe() {
            String sum = low.compareTo(high) == 0 ? low.toPlainString()
                : "between " + low.toPlainString() + " and " + high.toPlainString();
            return sum + " (" + counted.size() + " increments" + (uncertain > 0 ? ", " + uncertain
                + " of them uncertain" : "") + ")";
        }
    }
}
