package io.mrtck.checker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mrtck.history.Op;

/** INV-CONV: after the last QUIESCE every region reads each row with the same value, modification and expiration time. */
final class FinalStatesAgree implements Invariant {

    @Override
    public String code() {
        return "INV-CONV";
    }

    @Override
    public List<Violation> check(KeyedHistory history) {
        List<Violation> out = new ArrayList<>();
        for (KeyOps key : history.keys()) {
            Map<String, Op> reads = key.finalReads();
            if (reads.size() < 2) {
                continue;
            }
            List<String> counters = history.counters(key.table());
            Op reference = null;
            List<Op> differing = new ArrayList<>();
            for (Op read : reads.values()) {
                if (reference == null) {
                    reference = read;
                } else if (!agree(reference, read, counters)) {
                    differing.add(read);
                }
            }
            if (!differing.isEmpty()) {
                StringBuilder what = new StringBuilder("the regions disagree after quiescence: ")
                    .append(reference.region()).append(' ').append(Violation.state(reference));
                for (Op d : differing) {
                    what.append(" but ").append(d.region()).append(' ').append(Violation.state(d));
                }
                what.append('.');
                List<Op> involved = new ArrayList<>(differing);
                involved.add(reference);
                out.add(Violation.ofKey(code(), key, what.toString(), involved));
            }
        }
        return out;
    }

    private static boolean agree(Op a, Op b, List<String> counters) {
        return RowValues.same(a.value(), b.value(), counters)
            && Objects.equals(a.modificationTime(), b.modificationTime())
            && Objects.equals(a.expirationTime(), b.expirationTime());
    }
}
