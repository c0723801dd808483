package io.mrtck.reference.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.sleepycat.je.Database;
import com.sleepycat.je.DatabaseConfig;
import com.sleepycat.je.Durability;
import com.sleepycat.je.Environment;
import com.sleepycat.je.EnvironmentConfig;
import com.sleepycat.je.LockConflictException;
import com.sleepycat.je.Transaction;
import com.sleepycat.je.TransactionConfig;

/**
 * A region's durable store (Berkeley DB Java Edition): the catalog and the rows, in one
 * transactional environment under one directory. A write transaction is committed with
 * WRITE_NO_SYNC: it survives the death of the JVM (the log is in the OS), which is what
 * "acknowledged" means for a region that is killed and restarted in tests.
 */
public final class RegionStore implements AutoCloseable {
    private static final int MAX_LOCK_RETRIES = 20;

    private final Path directory;
    private final Environment env;
    private final Database catalog;
    private final Database rows;
    private final ChangeLog changes;
    private final long session = UUID.randomUUID().getMostSignificantBits();
    private final AtomicLong versions = new AtomicLong();
    private final TransactionConfig writeConfig = new TransactionConfig()
        .setDurability(Durability.COMMIT_WRITE_NO_SYNC);
    private volatile boolean closed;

    private RegionStore(Path directory) {
        this.directory = directory;
        EnvironmentConfig config = new EnvironmentConfig().setAllowCreate(true).setTransactional(true);
        config.setCacheSize(32L << 20);
        config.setConfigParam(EnvironmentConfig.LOG_FILE_MAX, String.valueOf(16 << 20));
        config.setConfigParam(EnvironmentConfig.STATS_COLLECT, "false");
        config.setConfigParam(EnvironmentConfig.FILE_LOGGING_LEVEL, "OFF");
        config.setConfigParam(EnvironmentConfig.CONSOLE_LOGGING_LEVEL, "OFF");
        this.env = new Environment(directory.toFile(), config);
        DatabaseConfig dbConfig = new DatabaseConfig().setAllowCreate(true).setTransactional(true);
        this.catalog = env.openDatabase(null, "catalog", dbConfig);
        this.rows = env.openDatabase(null, "rows", dbConfig);
        this.changes = new ChangeLog(env.openDatabase(null, "changes", dbConfig));
    }

    /** Opens (creating if needed) the store in {@code directory}. */
    public static RegionStore open(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create store directory " + directory, e);
        }
        return new RegionStore(directory);
    }

    public Path directory() {
        return directory;
    }

    /** Runs {@code work} in one transaction: committed when it returns, aborted if it throws. */
    public <T> T write(Function<StoreTxn, T> work) {
        return run(work, writeConfig);
    }

    /** Runs {@code work} in a transaction that is expected only to read. */
    public <T> T read(Function<StoreTxn, T> work) {
        return run(work, null);
    }

    private <T> T run(Function<StoreTxn, T> work, TransactionConfig config) {
        for (int attempt = 1; ; attempt++) {
            checkOpen();
            Transaction txn = env.beginTransaction(null, config);
            JeStoreTxn storeTxn = new JeStoreTxn(txn, catalog, rows, changes, this::nextVersion);
            try {
                T result = work.apply(storeTxn);
                txn.commit();
                return result;
            } catch (LockConflictException e) {
                txn.abort();
                // Two writers crossed on the same records: JE chose this one to retry.
                if (attempt >= MAX_LOCK_RETRIES) {
                    throw e;
                }
            } catch (RuntimeException | Error e) {
                txn.abort();
                throw e;
            } finally {
                storeTxn.releaseChanges();
            }
        }
    }

    /**
     * Up to {@code max} local MR writes logged after {@code sequence}, in order; only
     * writes below the horizon, so a reader may checkpoint the last one it gets.
     */
    public List<Change> changesAfter(long sequence, int max) {
        checkOpen();
        return changes.after(sequence, max);
    }

    /**
     * Deletes expired rows and tombstones whose modification time is more than
     * {@code tombstoneTtlMs} before {@code now}. Returns how many were removed.
     */
    public int purge(long now, long tombstoneTtlMs) {
        return write(txn -> ((JeStoreTxn) txn).purgeRows(now, tombstoneTtlMs));
    }

    /** The highest sequence a reader can see now. */
    public long changeHorizon() {
        return changes.horizon();
    }

    private byte[] nextVersion() {
        return ByteBuffer.allocate(16).putLong(session).putLong(versions.incrementAndGet()).array();
    }

    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("store " + directory + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        rows.close();
        changes.close();
        catalog.close();
        env.close();
    }
}
