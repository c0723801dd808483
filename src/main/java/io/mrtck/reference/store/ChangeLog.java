package io.mrtck.reference.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;

import com.sleepycat.je.Cursor;
import com.sleepycat.je.CursorConfig;
import com.sleepycat.je.Database;
import com.sleepycat.je.DatabaseEntry;
import com.sleepycat.je.Durability;
import com.sleepycat.je.LockMode;
import com.sleepycat.je.OperationStatus;
import com.sleepycat.je.Transaction;
import com.sleepycat.je.TransactionConfig;

/**
 * The region's durable log of local MR writes, keyed by sequence number. A sequence is
 * handed out inside the writing transaction, so transactions can commit out of sequence
 * order; readers therefore only see up to the <em>horizon</em>: the highest sequence below
 * which every transaction has ended. A reader that checkpoints at the horizon can never
 * skip a write that commits later.
 *
 * <p>Entries every reader has passed are truncated ({@link #truncateBefore}), so the log
 * holds what some agent has still to apply, not the region's whole history.
 */
final class ChangeLog {
    private static final int TRUNCATE_PAGE = 1_000;
    private final Database db;
    private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
    /** Notified whenever a writing transaction ends, so that readers waiting for the horizon wake at once. */
    private final Object ended = new Object();
    private long last;

    ChangeLog(Database db) {
        this.db = db;
        try (Cursor cursor = db.openCursor(null, null)) {
            DatabaseEntry key = new DatabaseEntry();
            DatabaseEntry data = new DatabaseEntry();
            data.setPartial(0, 0, true);
            if (cursor.getLast(key, data, LockMode.READ_UNCOMMITTED) == OperationStatus.SUCCESS) {
                last = ByteBuffer.wrap(key.getData()).getLong();
            }
        }
    }

    /** Reserves the next sequence for a transaction that has not ended yet. */
    synchronized long reserve() {
        long seq = ++last;
        inFlight.add(seq);
        return seq;
    }

    /** The writing transaction ended (committed or aborted). */
    void release(long seq) {
        inFlight.remove(seq);
        synchronized (ended) {
            ended.notifyAll();
        }
    }

    /**
     * Waits until a change past {@code sequence} is readable, for at most {@code waitMs};
     * whether there is one. An agent waits here instead of polling, so a write is streamed
     * as soon as it commits.
     */
    boolean awaitBeyond(long sequence, long waitMs) {
        long deadline = System.nanoTime() + waitMs * 1_000_000L;
        synchronized (ended) {
            // checked while holding the monitor that release() notifies: no wake-up is missed
            for (long left = waitMs; horizon() <= sequence && left > 0; left = (deadline - System.nanoTime()) / 1_000_000L) {
                try {
                    ended.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return horizon() > sequence;
    }

    /** Under the lock that {@link #reserve()} holds, so no sequence is reserved beyond {@code last} meanwhile. */
    synchronized long horizon() {
        // one read of the set: a release between an isEmpty() and a first() would empty it
        Long oldest = inFlight.ceiling(Long.MIN_VALUE);
        return oldest == null ? last : oldest - 1;
    }

    /** Logs a row as {@link RowCodec#encode} wrote it. */
    void append(Transaction txn, long seq, String table, String origin, List<String> targets, byte[] encodedRow) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(table);
            out.writeUTF(origin);
            WireCodec.writeTargets(out, targets);
            out.write(encodedRow);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        db.put(txn, key(seq), new DatabaseEntry(bytes.toByteArray()));
    }

    /**
     * Up to {@code max} changes with sequence in (after, horizon], in order. Read without
     * locks: every transaction below the horizon has ended, and the first entry past it,
     * which may belong to a transaction still running, must not make the reader wait.
     */
    List<Change> after(long after, int max) {
        long horizon = horizon();
        List<Change> out = new ArrayList<>();
        try (Cursor cursor = db.openCursor(null, CursorConfig.READ_UNCOMMITTED)) {
            DatabaseEntry key = key(after + 1);
            DatabaseEntry data = new DatabaseEntry();
            OperationStatus status = cursor.getSearchKeyRange(key, data, LockMode.READ_UNCOMMITTED);
            while (status == OperationStatus.SUCCESS && out.size() < max) {
                long seq = ByteBuffer.wrap(key.getData()).getLong();
                if (seq > horizon) {
                    break;
                }
                out.add(decode(seq, data.getData()));
                status = cursor.getNext(key, data, LockMode.READ_UNCOMMITTED);
            }
        }
        return out;
    }

    /**
     * Deletes the entries before {@code position}, a page per transaction so that no lock is held
     * long. The entry at {@code position} stays: it is one every reader has got (committed), so
     * after a restart the sequence goes on past it and no reader's checkpoint is handed out again.
     * Entries are found without locks, so an insert still running past them holds nothing up;
     * each delete locks its entry. Returns how many were deleted.
     */
    long truncateBefore(long position) {
        TransactionConfig config = new TransactionConfig().setDurability(Durability.COMMIT_NO_SYNC);
        long deleted = 0;
        int page;
        do {
            page = 0;
            Transaction txn = db.getEnvironment().beginTransaction(null, config);
            try {
                try (Cursor cursor = db.openCursor(txn, null)) {
                    DatabaseEntry key = new DatabaseEntry();
                    DatabaseEntry data = new DatabaseEntry();
                    data.setPartial(0, 0, true);
                    OperationStatus status = cursor.getFirst(key, data, LockMode.READ_UNCOMMITTED);
                    while (status == OperationStatus.SUCCESS && page < TRUNCATE_PAGE
                           && ByteBuffer.wrap(key.getData()).getLong() < position) {
                        cursor.delete();
                        page++;
                        status = cursor.getNext(key, data, LockMode.READ_UNCOMMITTED);
                    }
                }
                txn.commit();
            } catch (RuntimeException e) {
                txn.abort();
                throw e;
            }
            deleted += page;
        } while (page == TRUNCATE_PAGE);
        return deleted;
    }

    /**
     * How many entries the log holds now, counted with a cursor without locks: JE's own count
     * scans the files and does not bear the deletes of a truncation running meanwhile.
     */
    long size() {
        try (Cursor cursor = db.openCursor(null, CursorConfig.READ_UNCOMMITTED)) {
            DatabaseEntry key = new DatabaseEntry();
            DatabaseEntry data = new DatabaseEntry();
            data.setPartial(0, 0, true);
            if (cursor.getFirst(key, data, LockMode.READ_UNCOMMITTED) != OperationStatus.SUCCESS) {
                return 0;
            }
            return 1 + cursor.skipNext(Long.MAX_VALUE, key, data, LockMode.READ_UNCOMMITTED);
        }
    }

    void close() {
        db.close();
    }

    private static Change decode(long seq, byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String table = in.readUTF();
            String origin = in.readUTF();
            List<String> targets = WireCodec.readTargets(in);
            return new Change(seq, table, origin, RowCodec.decode(in.readAllBytes()), targets);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt change log entry " + seq, e);
        }
    }

    private static DatabaseEntry key(long seq) {
        return new DatabaseEntry(ByteBuffer.allocate(8).putLong(seq).array());
    }
}
