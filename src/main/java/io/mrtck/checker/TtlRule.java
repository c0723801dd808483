package io.mrtck.checker;

import java.util.Locale;

/**
 * The expiration time a TTL gives a row: "0 DAYS" (any unit) means none (0); "N HOURS" or
 * "N DAYS" means the first whole hour or day (UTC) at or after the modification time plus N units.
 */
public final class TtlRule {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private TtlRule() {
    }

    /** The expiration time in ms since the epoch, or null when the TTL text is not understood. */
    public static Long expiration(String ttl, long modificationTime) {
        String[] parts = ttl.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (parts.length != 2) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            return null;
        }
        long unit = switch (parts[1]) {
            case "HOUR", "HOURS" -> HOUR;
            case "DAY", "DAYS" -> DAY;
            default -> 0;
        };
        if (unit == 0) {
            return null;
        }
        if (n == 0) {
            return 0L;
        }
        long due = modificationTime + n * unit;
        return Math.floorDiv(due + unit - 1, unit) * unit;
    }
}
