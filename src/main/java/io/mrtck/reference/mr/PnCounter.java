package io.mrtck.reference.mr;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one MR_COUNTER: per region, the sum of its increments and the sum of its
 * decrements (a PN-counter). Regions are keyed by upper-case name, which every region
 * spells alike (local ids differ between regions). Merge takes the per-region maximum,
 * so applying the same remote state twice changes nothing.
 */
public record PnCounter(Map<String, BigDecimal> increments, Map<String, BigDecimal> decrements) {

    public static final PnCounter ZERO = new PnCounter(Map.of(), Map.of());

    public PnCounter {
        increments = Map.copyOf(new TreeMap<>(increments));
        decrements = Map.copyOf(new TreeMap<>(decrements));
    }

    /** The value a read returns: every region's increments minus every region's decrements. */
    public BigDecimal value() {
        BigDecimal v = BigDecimal.ZERO;
        for (BigDecimal i : increments.values()) {
            v = v.add(i);
        }
        for (BigDecimal d : decrements.values()) {
            v = v.subtract(d);
        }
        return v;
    }

    /** This counter after {@code region} added {@code delta} (negative: a decrement). */
    public PnCounter add(String region, BigDecimal delta) {
        String r = key(region);
        if (delta.signum() == 0) {
            return this;
        }
        Map<String, BigDecimal> inc = new TreeMap<>(increments);
        Map<String, BigDecimal> dec = new TreeMap<>(decrements);
        if (delta.signum() > 0) {
            inc.merge(r, delta, BigDecimal::add);
        } else {
            dec.merge(r, delta.negate(), BigDecimal::add);
        }
        return new PnCounter(inc, dec);
    }

    /** The least state that includes both: per region, the larger of each sum. */
    public PnCounter merge(PnCounter other) {
        return new PnCounter(max(increments, other.increments), max(decrements, other.decrements));
    }

    private static Map<String, BigDecimal> max(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        Map<String, BigDecimal> out = new TreeMap<>(a);
        b.forEach((region, v) -> out.merge(region, v, BigDecimal::max));
        return out;
    }

    private static String key(String region) {
        return region.toUpperCase(Locale.ROOT);
    }
}
