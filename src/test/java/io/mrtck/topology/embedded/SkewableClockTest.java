package io.mrtck.topology.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class SkewableClockTest {
    private final Clock fixed = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void runsAtTheBaseTimeUntilSkewed() {
        SkewableClock c = new SkewableClock(fixed);
        assertThat(c.instant()).isEqualTo(fixed.instant());
        assertThat(c.millis()).isEqualTo(fixed.millis());
        assertThat(c.offset()).isEqualTo(Duration.ZERO);
    }

    @Test
    void offsetAppliesToInstantAndMillisAndCanBeNegative() {
        SkewableClock c = new SkewableClock(fixed);
        c.setOffset(Duration.ofSeconds(5));
        assertThat(c.millis()).isEqualTo(fixed.millis() + 5_000);
        assertThat(c.instant()).isEqualTo(fixed.instant().plusSeconds(5));
        c.setOffset(Duration.ofMillis(-1500));
        assertThat(c.millis()).isEqualTo(fixed.millis() - 1_500);
        assertThat(c.instant()).isEqualTo(fixed.instant().minusMillis(1500));
    }

    @Test
    void setOffsetReplacesTheEarlierSkew() {
        SkewableClock c = new SkewableClock(fixed);
        c.setOffset(Duration.ofHours(1));
        c.setOffset(Duration.ofMinutes(1));
        assertThat(c.millis()).isEqualTo(fixed.millis() + 60_000);
    }

    @Test
    void aClockInAnotherZoneSharesTheOffset() {
        SkewableClock c = new SkewableClock(fixed);
        Clock paris = c.withZone(ZoneId.of("Europe/Paris"));
        c.setOffset(Duration.ofSeconds(7));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(paris.millis()).isEqualTo(fixed.millis() + 7_000);
    }
}
