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
    /** Epoch millis the clock stands still at, or {@link #RUNNING}. */
    private final AtomicLong frozenAt;
    private static final long RUNNING = Long.MIN_VALUE;

    public SkewableClock(Clock base) {
        this(base, new AtomicLong(), new AtomicLong(RUNNING));
    }

    private SkewableClock(Clock base, AtomicLong offsetNanos, AtomicLong frozenAt) {
        this.base = base;
        this.offsetNanos = offsetNanos;
        this.frozenAt = frozenAt;
    }

    /** From now on the clock runs at base time + {@code offset} (negative: behind); unfreezes it. */
    public void setOffset(Duration offset) {
        offsetNanos.set(offset.toNanos());
        frozenAt.set(RUNNING);
    }

    /** The clock stands still at {@code at} until {@link #setOffset} (so two regions can write at the same instant). */
    public void freeze(Instant at) {
        frozenAt.set(at.toEpochMilli());
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
        return new SkewableClock(base.withZone(zone), offsetNanos, frozenAt);
    }

    @Override
    public Instant instant() {
        long frozen = frozenAt.get();
        return frozen != RUNNING ? Instant.ofEpochMilli(frozen) : base.instant().plusNanos(offsetNanos.get());
    }

    @Override
    public long millis() {
        long frozen = frozenAt.get();
        return frozen != RUNNING ? frozen : base.millis() + offsetNanos.get() / 1_000_000L;
    }

    @Override
    public String toString() {
        return "SkewableClock[" + base + " " + offset() + "]";
    }
}
