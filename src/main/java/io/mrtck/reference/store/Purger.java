package io.mrtck.reference.store;

import java.time.Clock;
import java.time.Duration;

/**
 * Removes what no read can see any more: rows past their expiration time, and tombstones
 * older than the tombstone TTL (after which a late remote write of the same key can no
 * longer be told apart from a new row). Runs on a daemon thread every {@code interval}.
 */
public final class Purger implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Purger.class.getName());

    private final RegionStore store;
    private final Clock clock;
    private final Duration tombstoneTtl;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean stopped;

    public Purger(RegionStore store, Clock clock, Duration interval, Duration tombstoneTtl) {
        this.store = store;
        this.clock = clock;
        this.interval = interval;
        this.tombstoneTtl = tombstoneTtl;
        this.thread = new Thread(this::run, "purger-" + store.directory().getFileName());
        this.thread.setDaemon(true);
    }

    public Purger start() {
        thread.start();
        return this;
    }

    /** One pass now; returns how many records were removed. */
    public int purgeOnce() {
        // a pass over a large store takes long: closing stops it at the next page, before the store closes
        return store.purge(clock.millis(), tombstoneTtl.toMillis(), () -> stopped);
    }

    private void run() {
        while (!stopped) {
            synchronized (this) {
                try {
                    wait(interval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            if (stopped) {
                return;
            }
            try {
                purgeOnce();
            } catch (RuntimeException e) {
                if (!stopped) {
                    LOG.log(System.Logger.Level.WARNING, "purge of " + store.directory() + " failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        stopped = true;
        synchronized (this) {
            notifyAll();
        }
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
