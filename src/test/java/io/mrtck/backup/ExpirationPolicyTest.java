package io.mrtck.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

import oracle.nosql.driver.TimeToLive;
import org.junit.jupiter.api.Test;

class ExpirationPolicyTest {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /** What a region does with a TTL put at {@code now}: ceil(now + TTL) to the TTL's unit. */
    private static long expirationOf(TimeToLive ttl, long now) {
        long unit = ttl.getUnit() == TimeUnit.DAYS ? DAY : HOUR;
        return -Math.floorDiv(-(now + ttl.getValue() * unit), unit) * unit;
    }

    @Test
    void aRowKeepsItsExpirationOnAnHourOrADayBoundaryWheneverItIsAnHourOrMoreAway() {
        long reference = Instant.parse("2026-11-30T18:42:17.123Z").toEpochMilli();
        long midnight = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
        for (long expiration : new long[] {midnight, midnight + 3 * HOUR, midnight + 2 * DAY, midnight - 4 * HOUR,
            midnight + 30 * DAY}) {
            TimeToLive ttl = ExpirationPolicy.ttl(expiration, reference);
            assertThat(expirationOf(ttl, reference + 50)).as("%s for %s", ttl, Instant.ofEpochMilli(expiration))
                .isEqualTo(expiration);
        }
        assertThat(ExpirationPolicy.ttl(midnight, reference).getUnit()).as("midnight 5 h away is 5 hours, not a day")
            .isEqualTo(TimeUnit.HOURS);
        assertThat(ExpirationPolicy.ttl(midnight + 2 * DAY, reference).getUnit()).isEqualTo(TimeUnit.DAYS);
    }

    @Test
    void aRowExpiringWithinTheCurrentHourGetsTheSmallestTtl() {
        long reference = Instant.parse("2026-11-30T18:42:17Z").toEpochMilli();
        TimeToLive ttl = ExpirationPolicy.ttl(Instant.parse("2026-11-30T19:00:00Z").toEpochMilli(), reference);
        assertThat(ttl.getValue()).isEqualTo(1);
        assertThat(ttl.getUnit()).isEqualTo(TimeUnit.HOURS);
    }
}
