package io.mrtck.backup;

import io.mrtck.reference.Mutant;
import oracle.nosql.driver.TimeToLive;

/**
 * How an import gives each row its expiration time. The SDK sets a TTL, not an expiration: the
 * region rounds {@code its now + TTL} up to the TTL unit's boundary, which is {@code ceil(now) + TTL}
 * in whole units. So the TTL is counted from a reference time: the importing region's clock (the row
 * keeps its absolute expiration), or a date given with {@code ttlRelativeDate} / {@code
 * ttl-relative-date} (the row keeps the time it had left at that date). Days when the expiration is
 * on a day boundary a whole day or more past the reference's next midnight, hours otherwise (an
 * expiration at midnight that is hours away is hours away: the SDK's {@code fromExpirationTime}
 * would give it a day). A row already expired at the reference time is skipped. Without {@code
 * includeTTL} rows get the table's default TTL.
 */
public final class ExpirationPolicy {
    /** What to do with one row. */
    public record Decision(boolean skip, TimeToLive ttl) {
        static final Decision SKIP = new Decision(true, null);
        /** No TTL in the put: the table's default applies. */
        static final Decision TABLE_DEFAULT = new Decision(false, null);
    }

    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    private final boolean includeTtl;
    private final Long relativeTo;
    private final long exportedAt;
    private final RegionClock clock;

    /**
     * @param relativeTo the reference date in ms, or null for the region's clock
     * @param exportedAt when the export was taken (ms), 0 when unknown
     */
    public ExpirationPolicy(boolean includeTtl, Long relativeTo, long exportedAt, RegionClock clock) {
        this.includeTtl = includeTtl;
        this.relativeTo = relativeTo;
        this.exportedAt = exportedAt;
        this.clock = clock;
    }

    public Decision decide(long expiration) {
        if (!includeTtl) {
            return Decision.TABLE_DEFAULT;
        }
        if (expiration == 0) {
            return new Decision(false, TimeToLive.DO_NOT_EXPIRE);
        }
        long reference = referenceTime();
        if (expiration <= reference) {
            return ToolDefects.on(Mutant.EXPIRED_ROWS_IMPORTED) ? new Decision(false, TimeToLive.ofHours(1)) : Decision.SKIP;
        }
        return new Decision(false, ttl(expiration, reference));
    }

    /** The TTL that, put at {@code reference}, gives {@code expiration}, rounded up to whole hours; at least one hour. */
    static TimeToLive ttl(long expiration, long reference) {
        if (expiration % DAY == 0) {
            long days = (expiration - ceil(reference, DAY)) / DAY;
            if (days >= 1) {
                return TimeToLive.ofDays(days);
            }
        }
        return TimeToLive.ofHours(Math.max(1, -Math.floorDiv(ceil(reference, HOUR) - expiration, HOUR)));
    }

    /** {@code ms} rounded up to a whole {@code unit}. */
    private static long ceil(long ms, long unit) {
        return -Math.floorDiv(-ms, unit) * unit;
    }

    private long referenceTime() {
        if (relativeTo != null) {
            return relativeTo;
        }
        if (exportedAt > 0 && ToolDefects.on(Mutant.EXPIRATION_REBASED_ON_IMPORT)) {
            return exportedAt; // the defect: the time left at export, counted again from now
        }
        return clock.now();
    }
}
