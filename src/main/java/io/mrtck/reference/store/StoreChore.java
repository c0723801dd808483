package io.mrtck.reference.store;

import java.time.Duration;

/**
 * Background work of a region's store that runs every {@code interval} on a daemon thread until
 * closed (purging, change-log truncation). A failed round is logged; the next one tries again.
 */
abstract class StoreChore implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StoreChore.class.getName());

    protected final RegionStore store;
    private final Duration interval;
    private final System.Logger.Level failureLevel;
    private final Thread thread;
    private volatile boolean stopped;

    /** @param failureLevel how loudly a failed round is logged (a busy store is not news) */
    StoreChore(RegionStore store, Duration interval, String name, System.Logger.Level failureLevel) {
        this.store = store;
        this.interval = interval;
        this.failureLevel = failureLevel;
        this.thread = new Thread(this::run, name + "-" + store.directory().getFileName());
        this.thread.setDaemon(true);
    }

    /** One round of the work. */
    protected abstract void once();

    protected final void startThread() {
        thread.start();
    }

    protected final boolean stopped() {
        return stopped;
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
                once();
            } catch (RuntimeException e) {
                if (!stopped) {
                    LOG.log(failureLevel, thread.getName() + " failed", e);
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
