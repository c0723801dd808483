package io.mrtck.reference.store;

import java.time.Duration;

/**
 * Truncates the region's change log every {@code interval} ({@link RegionStore#truncateChangeLog}):
 * it then grows with how far the slowest agent lags, not with the region's history. A busy or
 * closing store is not news: the next round truncates what one did not.
 */
public final class ChangeLogTruncator extends StoreChore {

    public ChangeLogTruncator(RegionStore store, Duration interval) {
        super(store, interval, "changelog-truncator", System.Logger.Level.DEBUG);
    }

    public ChangeLogTruncator start() {
        startThread();
        return this;
    }

    @Override
    protected void once() {
        store.truncateChangeLog();
    }
}
