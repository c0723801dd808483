package io.mrtck.reference.store;

import java.time.Duration;

/**
 * Truncates the region's change log every {@code interval} ({@link RegionStore#truncateChangeLog}):
 * it then grows with how far the slowest agent lags, not with the region's history.
 */
public final class ChangeLogTruncator implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ChangeLogTruncator.class.getName());

    private final RegionStore store;
    private final Duration interval;
    private final Thread thread;
    private volatile boolean stopped;

    public ChangeLogTruncator(RegionStore store, Duration interval) {
        this.store = store;
        this.interval = interval;
        this.thread = new Thread(this::run, "changelog-truncator-" + store.directory().getFileName());
        this.thread.setDaemon(true);
    }

    public ChangeLogTruncator start() {
        thread.start();
        return this;
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
                store.truncateChangeLog();
            } catch (RuntimeException e) {
                // a busy or closing store: the next round truncates what this one did not
                if (!stopped) {
                    LOG.log(System.Logger.Level.DEBUG, "change-log truncation of " + store.directory() + " failed", e);
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
