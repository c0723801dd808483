package io.mrtck.reference.data;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.reference.store.StoreTxn;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.MapValue;

/**
 * Row operations with the semantics the SDK expects (conditional puts, versions, TTL,
 * size limits, type checks), shared by the wire operations and the SQL DML.
 * Every public method without a {@link StoreTxn} runs in its own transaction.
 */
public final class Rows {
    private final RegionStore store;
    private final Clock clock;
    private final Limits limits;

    public Rows(RegionStore store, Clock clock, Limits limits) {
        this.store = store;
        this.clock = clock;
        this.limits = limits;
    }

    public long now() {
        return clock.millis();
    }

    public Limits limits() {
        return limits;
    }

    /** The table, or TABLE_NOT_FOUND. */
    public TableSchema table(StoreTxn txn, String name) {
        throw new UnsupportedOperationException("TODO");
    }

    /** The live row with this primary key (expired rows and tombstones are absent). */
    public Optional<StoredRow> get(String table, MapValue key) {
        throw new UnsupportedOperationException("TODO");
    }

    public WriteOutcome put(PutOp op) {
        return store.write(txn -> put(txn, op));
    }

    public WriteOutcome put(StoreTxn txn, PutOp op) {
        throw new UnsupportedOperationException("TODO");
    }

    public WriteOutcome delete(DeleteOp op) {
        return store.write(txn -> delete(txn, op));
    }

    public WriteOutcome delete(StoreTxn txn, DeleteOp op) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Writes {@code row} (already complete and of the table's types) with an explicit
     * expiration time, as an UPDATE statement does. Returns the new version.
     */
    public byte[] replace(StoreTxn txn, TableSchema table, MapValue row, long expirationTime) {
        throw new UnsupportedOperationException("TODO");
    }

    public MultiDeleteOutcome multiDelete(String table, MapValue partialKey, KeyRange range,
                                          byte[] continuationKey, int maxWriteKB) {
        throw new UnsupportedOperationException("TODO");
    }

    public WriteMultipleOutcome writeMultiple(List<BatchOp> ops) {
        throw new UnsupportedOperationException("TODO");
    }
}
