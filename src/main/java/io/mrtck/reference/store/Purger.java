package io.mrtck.reference.store;

import java.time.Clock;
import java.time.Duration;

/**
 * Removes what no read can see any more: rows past their expiration time, and tombstones
 * older than the tombstone TTL (after which a late remote write of the same key can no
 * longer be told apart from a new row). Runs on a daemon thread every {@code interval}.
 */
public final class Purger extends StoreChore {
    private final Clock clock;
    private final Duration tombstoneTtl;

    public Purger(RegionStore store, Clock clock, Duration interval, Duration tombstoneTtl) {
        super(store, interval, "purger", System.Logger.Level.WARNING);
        this.clock = clock;
        this.tombstoneTtl = tombstoneTtl;
    }

    public Purger start() {
        startThread();
        return this;
    }

    /** One pass now; returns how many records were removed. */
    public int purgeOnce() {
        // a pass over a large store takes long: closing stops it at the next page, before the store closes
        return store.purge(clock.millis(), tombstoneTtl.toMillis(), this::stopped);
    }

    @Override
    protected void once() {
        purgeOnce();
    }
}
