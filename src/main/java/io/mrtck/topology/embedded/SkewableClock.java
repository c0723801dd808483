package io.mrtck.topology.embedded;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that runs a settable offset from a base clock, so a test can skew one region's
 * clock while it runs. Clocks derived with {@link #withZone} share the offset.
 */
public final class SkewableClock extends Clock {
    private final Clock base;
    private final AtomicLong offsetNanos;

    public SkewableClock(Clock base) {
        this(base, new AtomicLong());
    }

    private SkewableClock(Clock base, AtomicLong offsetNanos) {
        this.base = base;
        this.offsetNanos = offsetNanos;
    }

    /** From now on the clock reads base time + {@code offset} (negative: behind). */
    public void setOffset(Duration offset) {
        offsetNanos.set(offset.toNanos());
    }

    public Duration offset() {
        return Duration.ofNanos(offsetNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new SkewableClock(base.withZone(zone), offsetNanos);
    }

    @Override
    public Instant instant() {
        return base.instant().plusNanos(offsetNanos.get());
    }

    @Override
    public long millis() {
        return base.millis() + offsetNanos.get() / 1_000_000L;
    }

    @Override
    public String toString() {
        return "SkewableClock[" + base + " " + offset() + "]";
    }
}
