package io.mrtck.reference.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;
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
 * "acknowledged" means for a region that is killed and restarted in tests. DDL runs alone
 * ({@link #changeCatalog}); other transactions run side by side, isolated from each other by
 * JE's row locks.
 */
public final class RegionStore implements AutoCloseable {
    /**
     * How long a write may keep retrying after lock conflicts before the region answers that it
     * is busy (SERVER_ERROR): inside the SDK's default request timeout (5 s), so the SDK can
     * still retry the request (it does for row operations; a query fails with SystemException,
     * a RetryableException the application may retry).
     */
    static final Duration LOCK_RETRY_BUDGET = Duration.ofSeconds(4);
    /**
     * How long one lock wait may last before the transaction is retried. Deadlocks are
     * detected at once; this only bounds waiting for a holder that is slow (a starved thread).
     */
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(2);
    private static final long MAX_BACKOFF_MICROS = 20_000;
    /** Rows a purge looks at per transaction: a short read, so a region closing waits little for it. */
    private static final int PURGE_SCAN = 1_000;

    private final Path directory;
    private final Environment env;
    private final Database catalog;
    private final Database rows;
    private final ChangeLog changes;
    private final ChangeLogReaders readers;
    /** The position of the last truncation: while the readers have not moved past it, there is nothing to do. */
    private long truncatedBefore;
    private final DecodedCatalog decoded = new DecodedCatalog();
    /**
     * Held shared by every transaction, and alone by one that changes the catalog (DDL): so a
     * write never runs beside a DDL statement, and reads the definitions DDL writes from memory.
     */
    private final ReentrantReadWriteLock catalogLock = new ReentrantReadWriteLock();
    private final CatalogDefinitions definitions = new CatalogDefinitions();
    private final long session = UUID.randomUUID().getMostSignificantBits();
    private final AtomicLong versions = new AtomicLong();
    private final TransactionConfig writeConfig = new TransactionConfig()
        .setDurability(Durability.COMMIT_WRITE_NO_SYNC);
    private final TransactionConfig readConfig = new TransactionConfig().setReadCommitted(true);
    private final Duration retryBudget;
    private volatile boolean closed;

    private RegionStore(Path directory, Duration lockTimeout, Duration retryBudget) {
        this.directory = directory;
        this.retryBudget = retryBudget;
        EnvironmentConfig config = new EnvironmentConfig().setAllowCreate(true).setTransactional(true);
        config.setLockTimeout(lockTimeout.toMillis(), TimeUnit.MILLISECONDS);
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
        this.readers = new ChangeLogReaders(savedReaderPositions());
    }

    /** Opens (creating if needed) the store in {@code directory}. */
    public static RegionStore open(Path directory) {
        return open(directory, LOCK_TIMEOUT, LOCK_RETRY_BUDGET);
    }

    /** With other lock bounds: for tests of the lock handling that should not wait seconds. */
    static RegionStore open(Path directory, Duration lockTimeout, Duration retryBudget) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create store directory " + directory, e);
        }
        return new RegionStore(directory, lockTimeout, retryBudget);
    }

    public Path directory() {
        return directory;
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, aborted if it throws.
     * Rows it reads are write-locked at once (read-modify-write), so two writers of one row
     * queue instead of deadlocking on a lock upgrade. When writers still cross (a deadlock
     * between multi-row transactions, a lock wait that timed out, a key inserted by another
     * transaction after this one found it absent) the transaction is aborted and {@code work}
     * runs again, for up to {@link #LOCK_RETRY_BUDGET}; then {@link StoreBusyException}.
     */
    public <T> T write(Function<StoreTxn, T> work) {
        return run(work, writeConfig, true);
    }

    /**
     * As {@link #write}, for DDL: the only kind of transaction that may change table definitions,
     * table ids or the region list. It waits for the transactions running and runs alone.
     *
     * @throws IllegalStateException when called inside another transaction of this store
     */
    public <T> T changeCatalog(Function<StoreTxn, T> work) {
        if (catalogLock.getReadHoldCount() > 0) {
            throw new IllegalStateException("a catalog change of store " + directory.getFileName()
                + " inside another of its transactions would wait for itself");
        }
        catalogLock.writeLock().lock();
        try {
            return attempt(work, writeConfig, true, null);
        } finally {
            definitions.clear();
            catalogLock.writeLock().unlock();
        }
    }

    /**
     * Runs {@code work} in a transaction that only reads, at read-committed isolation: it
     * holds no lock after each read, so it can neither deadlock with nor hold up a writer.
     */
    public <T> T read(Function<StoreTxn, T> work) {
        return run(work, readConfig, false);
    }

    private <T> T run(Function<StoreTxn, T> work, TransactionConfig config, boolean forWrite) {
        if (catalogLock.isWriteLockedByCurrentThread()) {
            return attempt(work, config, forWrite, null); // inside this thread's catalog change: it reads the store
        }
        catalogLock.readLock().lock();
        try {
            return attempt(work, config, forWrite, definitions);
        } finally {
            catalogLock.readLock().unlock();
        }
    }

    private <T> T attempt(Function<StoreTxn, T> work, TransactionConfig config, boolean forWrite,
                          CatalogDefinitions shared) {
        long deadline = System.nanoTime() + retryBudget.toNanos();
        for (int attempt = 1; ; attempt++) {
            checkOpen();
            Transaction txn = env.beginTransaction(null, config);
            JeStoreTxn storeTxn = new JeStoreTxn(txn, catalog, rows, changes, this::nextVersion, decoded, shared,
                forWrite);
            RuntimeException conflict;
            try {
                T result = work.apply(storeTxn);
                txn.commit();
                return result;
            } catch (LockConflictException | ConcurrentInsertException e) {
                txn.abort();
                conflict = e;
            } catch (RuntimeException | Error e) {
                txn.abort();
                throw e;
            } finally {
                storeTxn.releaseChanges();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new StoreBusyException("a transaction of store " + directory.getFileName() + " met conflicting writers "
                    + attempt + " times within " + retryBudget.toMillis() + " ms", conflict);
            }
            backOff(attempt);
        }
    }

    /** A short random pause that grows with the attempts, so writers that crossed do not cross again in step. */
    private static void backOff(int attempt) {
        long maxMicros = Math.min(MAX_BACKOFF_MICROS, 100L << Math.min(attempt, 10));
        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(maxMicros) * 1_000);
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
     * As {@link #changesAfter(long, int)}, for an agent that has applied and checkpointed
     * everything up to {@code sequence}: from now on the log keeps what comes after it for that
     * agent, even while it is down. A null reader holds nothing back (a one-off look).
     */
    public List<Change> changesAfter(ChangeLogReader reader, long sequence, int max) {
        checkOpen();
        if (reader != null) {
            readers.passed(reader, sequence);
        }
        return changes.after(sequence, max);
    }

    /**
     * Deletes the change-log entries that every agent of every remote region has passed (but
     * the last of them); how many. Nothing while some remote region's agents have not read yet.
     */
    public long truncateChangeLog() {
        checkOpen();
        List<String> remotes = read(txn -> txn.regions().stream().filter(r -> !r.local()).map(RegionInfo::name).toList());
        Map<ChangeLogReader, Long> positions = readers.positions();
        OptionalLong passed = ChangeLogReaders.passedByAll(positions, remotes);
        if (passed.isEmpty() || passed.getAsLong() <= truncatedBefore) {
            return 0;
        }
        saveReaderPositions(positions);
        long deleted = changes.truncateBefore(passed.getAsLong());
        truncatedBefore = passed.getAsLong();
        return deleted;
    }

    /** Where each agent reading the change log has got (the position it last read after). */
    public Map<ChangeLogReader, Long> changeLogReaders() {
        return readers.positions();
    }

    /** How many entries the change log holds now. */
    public long changeLogSize() {
        checkOpen();
        return changes.size();
    }

    /** Kept so that a restarted region still waits for the agents that are down. */
    private void saveReaderPositions(Map<ChangeLogReader, Long> positions) {
        write(txn -> {
            positions.forEach((reader, position) -> ((JeStoreTxn) txn).putReaderPosition(reader.id(), position));
            return null;
        });
    }

    private Map<ChangeLogReader, Long> savedReaderPositions() {
        Map<ChangeLogReader, Long> out = new HashMap<>();
        read(txn -> {
            ((JeStoreTxn) txn).readerPositions().forEach((id, position) -> out.put(ChangeLogReader.parse(id), position));
            return null;
        });
        return out;
    }

    /** Waits up to {@code waitMs} for a change logged after {@code sequence}; whether there is one. */
    public boolean awaitChangesAfter(long sequence, long waitMs) {
        checkOpen();
        return changes.awaitBeyond(sequence, waitMs);
    }

    /**
     * Deletes expired rows and tombstones whose modification time is more than
     * {@code tombstoneTtlMs} before {@code now}. Returns how many were removed. Finds them a
     * page of rows at a time without locks, then deletes them, each checked again under its
     * lock: one transaction over the whole store would hold every row's lock against the writers.
     */
    public int purge(long now, long tombstoneTtlMs) {
        return purge(now, tombstoneTtlMs, () -> false);
    }

    /** As {@link #purge(long, long)}, ending after the page where {@code stop} turns true (the region is closing). */
    int purge(long now, long tombstoneTtlMs, BooleanSupplier stop) {
        int removed = 0;
        byte[] after = null;
        do {
            byte[] from = after;
            JeStoreTxn.PurgePage page = read(txn -> ((JeStoreTxn) txn).purgeCandidates(from, now, tombstoneTtlMs, PURGE_SCAN));
            if (!page.due().isEmpty()) {
                removed += write(txn -> ((JeStoreTxn) txn).purgeIfDue(page.due(), now, tombstoneTtlMs));
            }
            after = page.scannedTo();
        } while (after != null && !stop.getAsBoolean());
        return removed;
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
