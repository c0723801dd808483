package io.mrtck.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * An MR_COUNTER as the documentation defines it (MR-SEMANTICS.md "MR_COUNTER"): per region the
 * sum of its increments and the sum of its decrements; the value read is all increments minus
 * all decrements; merging two states takes, per region, the larger sum.
 */
public record Pn(Map<String, Long> plus, Map<String, Long> minus) {
    public static final Pn ZERO = new Pn(Map.of(), Map.of());

    public Pn {
        plus = Map.copyOf(plus);
        minus = Map.copyOf(minus);
    }

    public long value() {
        return plus.values().stream().mapToLong(Long::longValue).sum()
            - minus.values().stream().mapToLong(Long::longValue).sum();
    }

    public Pn add(String region, long delta) {
        Map<String, Long> p = new TreeMap<>(plus);
        Map<String, Long> m = new TreeMap<>(minus);
        if (delta > 0) {
            p.merge(region, delta, Long::sum);
        } else if (delta < 0) {
            m.merge(region, -delta, Long::sum);
        }
        return new Pn(p, m);
    }

    public Pn merge(Pn other) {
        Map<String, Long> p = new TreeMap<>(plus);
        Map<String, Long> m = new TreeMap<>(minus);
        other.plus.forEach((r, v) -> p.merge(r, v, Math::max));
        other.minus.forEach((r, v) -> m.merge(r, v, Math::max));
        return new Pn(p, m);
    }
}
