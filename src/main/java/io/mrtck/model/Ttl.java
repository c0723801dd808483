package io.mrtck.model;

import java.util.Locale;

/**
 * A time to live as the documentation states it: a count of HOURS or DAYS; a row written at
 * time t with it expires at t + TTL rounded up to the unit's boundary (MR-SEMANTICS.md "TTL"),
 * the same absolute time in every region; zero means never.
 */
public record Ttl(long amount, boolean days) {
    static final long HOUR_MS = 3_600_000L;
    static final long DAY_MS = 24 * HOUR_MS;

    public static Ttl parse(String text) {
        String[] parts = text.trim().toUpperCase(Locale.ROOT).split("\\s+");
        if (parts.length != 2 || !(parts[1].startsWith("HOUR") || parts[1].startsWith("DAY"))) {
            throw new IllegalArgumentException("not a TTL: '" + text + "' (expected '<n> HOURS|DAYS')");
        }
        return new Ttl(Long.parseLong(parts[0]), parts[1].startsWith("DAY"));
    }

    /** The expiration time of a row written at {@code writeTime}; 0 = never. */
    public long expirationAfter(long writeTime) {
        if (amount == 0) {
            return 0;
        }
        long unit = days ? DAY_MS : HOUR_MS;
        long end = writeTime + amount * unit;
        return Math.floorDiv(end + unit - 1, unit) * unit;
    }

    @Override
    public String toString() {
        return amount + (days ? " DAYS" : " HOURS");
    }
}
