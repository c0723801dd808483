package io.mrtck.reference.schema;

import java.util.Locale;

/** A TTL as the DDL and the wire write it: a count of HOURS or DAYS ("5 DAYS"). */
public record TimeToLive(long value, Unit unit) {

    public enum Unit { HOURS, DAYS }

    public static TimeToLive parse(String text) {
        String[] parts = text.trim().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalArgumentException("Invalid TTL '" + text + "': expected '<n> HOURS|DAYS'");
        }
        long n;
        try {
            n = Long.parseLong(parts[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid TTL value '" + parts[0] + "' in '" + text + "'");
        }
        if (n < 0) {
            throw new IllegalArgumentException("TTL must not be negative: " + text);
        }
        String u = parts[1].toUpperCase(Locale.ROOT);
        Unit unit = switch (u) {
            case "HOURS", "HOUR", "H" -> Unit.HOURS;
            case "DAYS", "DAY", "D" -> Unit.DAYS;
            default -> throw new IllegalArgumentException("Invalid TTL unit '" + parts[1] + "': use HOURS or DAYS");
        };
        return new TimeToLive(n, unit);
    }

    public long unitMillis() {
        return unit == Unit.HOURS ? 3_600_000L : 86_400_000L;
    }

    /**
     * The absolute expiration time of a row written at {@code nowMillis}: now plus the TTL,
     * rounded up to the unit boundary, as the real store does; 0 (never) for a zero TTL.
     */
    public long expirationFrom(long nowMillis) {
        if (value == 0) {
            return 0;
        }
        long unitMs = unitMillis();
        long raw = nowMillis + value * unitMs;
        return Math.floorDiv(raw + unitMs - 1, unitMs) * unitMs;
    }

    @Override
    public String toString() {
        return value + " " + unit;
    }
}
