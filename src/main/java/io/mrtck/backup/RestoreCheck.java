package io.mrtck.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Compares what a region holds after a restore with the backup's rows: every row the import did
 * not skip as expired, with its value and counters, and its expiration time; no other row. A row
 * whose expiration is less than two hours away may come back an hour later: the smallest TTL a put
 * can carry is one hour, and a row that expires within the import's current hour gets it.
 */
final class RestoreCheck {
    private static final long HOUR = 3_600_000L;
    private static final int SHOWN = 5;

    private final TableImage expected;
    private final Set<String> skipped;
    private final LongSupplier regionNow;

    /** @param regionNow the importing region's clock (asked only when an expiration differs) */
    RestoreCheck(TableImage expected, Set<String> skipped, LongSupplier regionNow) {
        this.expected = expected;
        this.skipped = skipped;
        this.regionNow = regionNow;
    }

    /** What differs between {@code actual} and the backup (at most a few keys named), empty when they agree. */
    List<String> differences(TableImage actual) {
        List<String> out = new ArrayList<>();
        int more = 0;
        for (Map.Entry<String, TableImage.Row> e : expected.rows().entrySet()) {
            String problem = null;
            TableImage.Row a = actual.rows().get(e.getKey());
            TableImage.Row x = e.getValue();
            if (skipped.contains(e.getKey())) {
                problem = a == null ? null : "expired before the import, yet present: " + a;
            } else if (a == null) {
                problem = "missing (backup: " + x + ")";
            } else if (!a.value().equals(x.value())) {
                problem = "holds " + a.value() + ", the backup " + x.value();
            } else if (a.expiration() != x.expiration() && !oneHourLater(x.expiration(), a.expiration())) {
                problem = "expires at " + a.expiration() + ", the backup says " + x.expiration();
            }
            if (problem != null && out.size() < SHOWN) {
                out.add("key " + e.getKey() + " " + problem);
            } else if (problem != null) {
                more++;
            }
        }
        for (String key : actual.rows().keySet()) {
            if (!expected.rows().containsKey(key)) {
                if (out.size() < SHOWN) {
                    out.add("key " + key + " is not in the backup: " + actual.rows().get(key));
                } else {
                    more++;
                }
            }
        }
        if (more > 0) {
            out.add("and " + more + " more");
        }
        return out;
    }

    private boolean oneHourLater(long expected, long actual) {
        return expected != 0 && actual == expected + HOUR && expected < regionNow.getAsLong() + 2 * HOUR;
    }
}
