package io.mrtck.reference.data;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.Mutant;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.nson.NsonCodec;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.schema.ValueCoercion;
import io.mrtck.reference.mr.LocalCounterWrites;
import io.mrtck.reference.mr.PnCounter;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.reference.store.ResumeKey;
import io.mrtck.reference.store.StoreTxn;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * Row operations with the semantics the SDK expects (conditional puts, versions, TTL,
 * size limits, type checks), shared by the wire operations and the SQL DML.
 * Every public method without a {@link StoreTxn} runs in its own transaction.
 */
public final class Rows {
    /** The id every region gives itself; remote regions have ids from 2 on. */
    public static final int LOCAL_REGION_ID = 1;

    private final RegionStore store;
    private final Clock clock;
    private final Limits limits;
    private final boolean jsonUpdatesNotLogged;
    private final boolean remoteRowsNeverExpire;
    private final boolean updatesNotMrRecords;
    private final boolean tombstonesQueried;
    private final boolean dropWaitsForAgent;

    public Rows(RegionStore store, Clock clock, Limits limits) {
        this(store, clock, limits, Set.of());
    }

    /** @param mutants region defects (see {@link Mutant#inRegion()}); others are ignored here */
    public Rows(RegionStore store, Clock clock, Limits limits, Set<Mutant> mutants) {
        this.store = store;
        this.clock = clock;
        this.limits = limits;
        this.jsonUpdatesNotLogged = mutants.contains(Mutant.JSON_UPDATES_NOT_REPLICATED);
        this.remoteRowsNeverExpire = mutants.contains(Mutant.EXPIRATION_NOT_HONOURED_ON_RECEIVER);
        this.updatesNotMrRecords = mutants.contains(Mutant.SQL_UPDATE_NOT_MR_RECORD);
        this.tombstonesQueried = mutants.contains(Mutant.TOMBSTONES_VISIBLE_TO_QUERIES);
        this.dropWaitsForAgent = mutants.contains(Mutant.MR_DROP_TABLE_WAITS_FOR_AGENT);
    }

    /** Whether reads show the row: live, or (a mutant) any non-tombstone that came from another region. */
    public boolean visible(StoredRow row, long now) {
        return row.isLiveAt(now)
            || (remoteRowsNeverExpire && !row.tombstone() && row.originRegionId() != LOCAL_REGION_ID);
    }

    /** Whether queries return the row: as {@link #visible}, or (a mutant) any tombstone too. */
    public boolean visibleToQueries(StoredRow row, long now) {
        // KVSTORE-2223: a deleted row comes back from a scan, its fields all null
        return visible(row, now) || (tombstonesQueried && row.tombstone());
    }

    /** The MR_DROP_TABLE_WAITS_FOR_AGENT mutant: DROP TABLE of an MR table waits for the agent to answer. */
    public boolean dropWaitsForAgent() {
        return dropWaitsForAgent;
    }

    public long now() {
        return clock.millis();
    }

    public RegionStore store() {
        return store;
    }

    /** The table, or TABLE_NOT_FOUND. */
    public TableSchema table(StoreTxn txn, String name) {
        if (name == null || name.isBlank()) {
            throw RequestException.illegalArgument("Table name must be given");
        }
        return txn.table(name).orElseThrow(() -> RequestException.tableNotFound(name));
    }

    /** The live row with this primary key (expired rows and tombstones are absent), seen through the current schema. */
    public Optional<StoredRow> get(String table, MapValue key) {
        return store.read(txn -> {
            TableSchema t = table(txn, table);
            List<FieldValue> k = ValueCoercion.primaryKey(t, key, false);
            long now = now();
            return txn.row(t, k).filter(r -> visible(r, now)).map(r -> upgraded(t, r));
        });
    }

    public WriteOutcome put(PutOp op) {
        return store.write(txn -> put(txn, op));
    }

    public WriteOutcome put(StoreTxn txn, PutOp op) {
        return put(txn, op, prepare(txn, op));
    }

    /** The put's row converted to the table's types, and its key; nothing is read or written yet. */
    private Target prepare(StoreTxn txn, PutOp op) {
        TableSchema t = table(txn, op.table());
        GeneratedValues.Filled filled = GeneratedValues.fill(txn, t, op.row());
        MapValue row = op.sdkRow() ? ValueCoercion.putRow(t, filled.row(), op.exactMatch())
            : ValueCoercion.row(t, filled.row(), op.exactMatch());
        List<FieldValue> key = ValueCoercion.primaryKey(t, row, false);
        checkKeySize(t, key);
        return new Target(t, key, row, filled.generated());
    }

    private Target prepare(StoreTxn txn, DeleteOp op) {
        TableSchema t = table(txn, op.table());
        return new Target(t, ValueCoercion.primaryKey(t, op.key(), false), null, null);
    }

    /** The put's outcome carries the identity or UUID value the store generated for it, if any. */
    private WriteOutcome put(StoreTxn txn, PutOp op, Target target) {
        return putPrepared(txn, op, target).withGenerated(target.generated());
    }

    /** A conditional put (IF_VERSION) returns the existing row only when its condition fails. */
    private WriteOutcome putPrepared(StoreTxn txn, PutOp op, Target target) {
        TableSchema t = target.table();
        List<FieldValue> key = target.key();
        MapValue row = target.row();
        long now = now();
        StoredRow stored = txn.row(t, key).orElse(null);
        StoredRow existing = stored != null && stored.isLiveAt(now) ? upgraded(t, stored) : null;
        StoredRow shown = op.returnRow() ? existing : null;
        switch (op.option()) {
            case IF_ABSENT -> {
                if (existing != null) {
                    return new WriteOutcome(false, null, shown);
                }
            }
            case IF_PRESENT -> {
                if (existing == null) {
                    return new WriteOutcome(false, null, null);
                }
            }
            case IF_VERSION -> {
                if (existing == null) {
                    return new WriteOutcome(false, null, null);
                }
                if (!Arrays.equals(existing.version(), op.matchVersion())) {
                    return new WriteOutcome(false, null, shown);
                }
            }
            default -> {
            }
        }
        long expiration = expiration(t, op.ttl(), op.updateTtl(), existing, now);
        Map<String, PnCounter> counters = t.isMultiRegion() ? LocalCounterWrites.forPut(t, row, existing) : Map.of();
        byte[] version = write(txn, t, key, row, expiration, stamp(stored, now), counters);
        return new WriteOutcome(true, version, op.option() == PutOption.IF_VERSION ? null : shown);
    }

    public WriteOutcome delete(DeleteOp op) {
        return store.write(txn -> delete(txn, op));
    }

    public WriteOutcome delete(StoreTxn txn, DeleteOp op) {
        return delete(txn, op, prepare(txn, op));
    }

    /** A plain delete returns the row it deleted; a DeleteIfVersion the existing row only when its version differs. */
    private WriteOutcome delete(StoreTxn txn, DeleteOp op, Target target) {
        TableSchema t = target.table();
        List<FieldValue> key = target.key();
        long now = now();
        StoredRow stored = txn.row(t, key).orElse(null);
        StoredRow existing = stored != null && stored.isLiveAt(now) ? upgraded(t, stored) : null;
        StoredRow shown = op.returnRow() ? existing : null;
        if (existing == null) {
            return new WriteOutcome(false, null, null);
        }
        if (op.matchVersion() != null && !Arrays.equals(existing.version(), op.matchVersion())) {
            return new WriteOutcome(false, null, shown);
        }
        remove(txn, t, key, stamp(stored, now));
        return new WriteOutcome(true, null, op.matchVersion() == null ? shown : null);
    }

    /**
     * Writes {@code row} (already complete and of the table's types) with an explicit
     * expiration time, as an UPDATE statement does. Returns the new version.
     */
    public byte[] replace(StoreTxn txn, TableSchema table, MapValue row, long expirationTime) {
        MapValue checked = ValueCoercion.row(table, row, false);
        List<FieldValue> key = ValueCoercion.primaryKey(table, checked, false);
        long now = now();
        StoredRow stored = txn.row(table, key).orElse(null);
        Map<String, PnCounter> counters = Map.of();
        if (table.isMultiRegion()) {
            StoredRow previous = stored != null && stored.isLiveAt(now) ? stored : null;
            counters = LocalCounterWrites.forUpdate(table, checked, previous, localRegion(txn));
            if (updatesNotMrRecords) {
                // KVSTORE-463: the UPDATE writes a plain record, without the MR metadata the agents stream
                byte[] version = txn.nextVersion();
                txn.putRowWithoutChangeLog(table, key,
                    new StoredRow(checked, stamp(stored, now), expirationTime, version, LOCAL_REGION_ID, false, counters));
                return version;
            }
            if (jsonUpdatesNotLogged && previous != null && jsonChanged(table, previous.value(), checked)) {
                byte[] version = txn.nextVersion();
                txn.putRowWithoutChangeLog(table, key,
                    new StoredRow(checked, now, expirationTime, version, LOCAL_REGION_ID, false, counters));
                return version;
            }
        }
        return write(txn, table, key, checked, expirationTime, stamp(stored, now), counters);
    }

    /**
     * Deletes the live rows under a partial key (which must hold the whole shard key), within
     * an optional range on the next key column. With {@code maxWriteKB} > 0 stops after about
     * that many KB of deleted rows and returns where to continue.
     */
    public MultiDeleteOutcome multiDelete(String table, MapValue partialKey, KeyRange range,
                                          byte[] continuationKey, int maxWriteKB) {
        return store.write(txn -> {
            TableSchema t = table(txn, table);
            List<FieldValue> prefix = ValueCoercion.primaryKey(t, partialKey, true);
            if (prefix.size() < t.shardKeyCount()) {
                throw RequestException.illegalArgument("MultiDelete on table " + t.name()
                    + " needs the complete shard key " + t.primaryKey().subList(0, t.shardKeyCount()));
            }
            KeyBounds bounds = KeyBounds.of(t, prefix.size(), range);
            List<FieldValue> after = continuationKey == null ? null : decodeKey(t, continuationKey);
            long now = now();
            long budget = maxWriteKB > 0 ? maxWriteKB * 1024L : Long.MAX_VALUE;
            List<List<FieldValue>> doomed = new ArrayList<>();
            long[] bytes = {0};
            List<FieldValue>[] last = new List[1];
            boolean[] more = {false};
            txn.scan(t, prefix, after, (k, r) -> {
                if (!bounds.contains(k)) {
                    return !bounds.pastEnd(k);
                }
                if (bytes[0] >= budget) {
                    more[0] = true;
                    return false;
                }
                if (r.isLiveAt(now)) {
                    doomed.add(k);
                    // The store charges every deleted row at least 1 KB, whatever its size.
                    bytes[0] += Math.max(1024, NsonCodec.encode(r.value()).length);
                }
                last[0] = k;
                return true;
            });
            for (List<FieldValue> k : doomed) {
                remove(txn, t, k, stamp(txn.row(t, k).orElse(null), now));
            }
            return new MultiDeleteOutcome(doomed.size(), more[0] ? ResumeKey.encode(last[0]) : null);
        });
    }

    /**
     * Runs the operations atomically: all or (when one marked abort-on-fail fails) none. As the
     * real store does, every operation's values are converted first, then the operations must
     * share one shard key, then they run in order.
     */
    public WriteMultipleOutcome writeMultiple(List<BatchOp> ops) {
        if (ops.isEmpty()) {
            throw RequestException.illegalArgument("WriteMultiple needs at least one operation");
        }
        try {
            return store.write(txn -> {
                List<Target> targets = new ArrayList<>(ops.size());
                for (BatchOp op : ops) {
                    targets.add(op.put() != null ? prepare(txn, op.put()) : prepare(txn, op.delete()));
                }
                checkSameShard(targets);
                List<WriteOutcome> results = new ArrayList<>(ops.size());
                for (int i = 0; i < ops.size(); i++) {
                    BatchOp op = ops.get(i);
                    WriteOutcome out = op.put() != null ? put(txn, op.put(), targets.get(i))
                        : delete(txn, op.delete(), targets.get(i));
                    if (!out.success() && op.abortIfUnsuccessful()) {
                        throw new Aborted(i, out);
                    }
                    results.add(out);
                }
                return new WriteMultipleOutcome(results, -1, null);
            });
        } catch (Aborted a) {
            return new WriteMultipleOutcome(List.of(), a.index, a.outcome);
        }
    }

    // --- internals -------------------------------------------------------------------

    private static boolean jsonChanged(TableSchema table, MapValue before, MapValue after) {
        for (FieldDef f : table.fields()) {
            if (f.type().code() == TypeCode.JSON && !java.util.Objects.equals(before.get(f.name()), after.get(f.name()))) {
                return true;
            }
        }
        return false;
    }

    private byte[] write(StoreTxn txn, TableSchema t, List<FieldValue> key, MapValue row, long expiration, long now,
                         Map<String, PnCounter> counters) {
        byte[] version = txn.nextVersion();
        txn.putRow(t, key, new StoredRow(row, now, expiration, version, LOCAL_REGION_ID, false, counters));
        return version;
    }

    private static String localRegion(StoreTxn txn) {
        return txn.regions().stream().filter(RegionInfo::local).map(RegionInfo::name).findFirst()
            .orElseThrow(() -> RequestException.illegalArgument("The local region is not set"));
    }

    /** A delete: MR tables keep a tombstone for conflict resolution, others forget the row. */
    private void remove(StoreTxn txn, TableSchema t, List<FieldValue> key, long now) {
        if (t.isMultiRegion()) {
            MapValue keyOnly = new MapValue(true, key.size());
            for (int i = 0; i < key.size(); i++) {
                keyOnly.put(t.primaryKey().get(i), key.get(i));
            }
            txn.putRow(t, key, new StoredRow(keyOnly, now, 0, txn.nextVersion(), LOCAL_REGION_ID, true));
        } else {
            txn.deleteRow(t, key);
        }
    }

    /**
     * The modification time of a write over {@code stored} (any state, tombstones included):
     * the clock, but always later than the version it replaces. Two writes of one key in the
     * same millisecond would otherwise tie, and the other regions could not tell which came
     * last; and a write made after a version from a region whose clock runs ahead still wins.
     */
    private static long stamp(StoredRow stored, long now) {
        return stored == null ? now : Math.max(now, stored.modificationTime() + 1);
    }

    private static long expiration(TableSchema t, TimeToLive ttl, boolean updateTtl, StoredRow existing, long now) {
        if (existing != null && !updateTtl) {
            return existing.expirationTime();
        }
        TimeToLive effective = ttl != null ? ttl : t.ttl();
        return effective == null ? 0 : effective.expirationFrom(now);
    }

    private static StoredRow upgraded(TableSchema t, StoredRow r) {
        return r.withValue(ValueCoercion.upgrade(t, r.value()));
    }

    /**
     * A key longer than the store writes: the real store never answers such a put, so the
     * client sees its request time out; the reference answers that at once.
     */
    private void checkKeySize(TableSchema t, List<FieldValue> key) {
        int size = NsonCodec.encode(toArray(key)).length - 9;
        if (size > limits.maxKeyBytes()) {
            throw new RequestException(ErrorCode.REQUEST_TIMEOUT, "Request timed out: the store does not write the "
                + size + "-byte primary key of table " + t.name() + " (keys of up to " + limits.maxKeyBytes()
                + " bytes are written)");
        }
    }

    /** The operations of a batch must share one shard key (the parent-child family is the client's check). */
    private static void checkSameShard(List<Target> targets) {
        Target first = targets.get(0);
        String family = first.table().name().split("\\.")[0];
        for (Target t : targets) {
            if (!t.table().name().split("\\.")[0].equalsIgnoreCase(family)) {
                throw RequestException.illegalArgument("All sub requests must operate on the same table or "
                    + "descendant tables belonging to the same top level table. The table '" + t.table().name()
                    + "' is different from the table of other requests: " + first.table().name());
            }
            if (!t.shardKey().equals(first.shardKey())) {
                throw RequestException.illegalArgument("Shard key: " + t.shardKeyJson()
                    + " does not match the shard key of previous rows in the list: " + first.shardKeyJson());
            }
        }
    }

    private static ArrayValue toArray(List<FieldValue> key) {
        ArrayValue a = new ArrayValue(key.size());
        key.forEach(a::add);
        return a;
    }

    private static List<FieldValue> decodeKey(TableSchema t, byte[] bytes) {
        try {
            return ResumeKey.decode(t, bytes);
        } catch (IllegalArgumentException e) {
            throw RequestException.illegalArgument("Invalid continuation key for table " + t.name());
        }
    }

    /** A write's table, key, (for a put) converted row, and the value generated for an identity or UUID column. */
    private record Target(TableSchema table, List<FieldValue> key, MapValue row, FieldValue generated) {

        List<FieldValue> shardKey() {
            return key.subList(0, table.shardKeyCount());
        }

        String shardKeyJson() {
            MapValue m = new MapValue(true, table.shardKeyCount());
            for (int i = 0; i < table.shardKeyCount(); i++) {
                m.put(table.primaryKey().get(i), key.get(i));
            }
            return m.toJson();
        }
    }

    /** Thrown inside the batch transaction to abort it; carries the failing operation. */
    private static final class Aborted extends RuntimeException {
        final int index;
        final WriteOutcome outcome;

        Aborted(int index, WriteOutcome outcome) {
            super(null, null, false, false);
            this.index = index;
            this.outcome = outcome;
        }
    }

    /** A range on one key column, checked against scanned keys. */
    private record KeyBounds(int position, FieldValue start, boolean startIncl, FieldValue end, boolean endIncl) {

        static KeyBounds of(TableSchema t, int position, KeyRange range) {
            if (range == null) {
                return new KeyBounds(position, null, false, null, false);
            }
            if (position >= t.primaryKey().size()
                || !t.primaryKey().get(position).equalsIgnoreCase(range.fieldPath())) {
                throw RequestException.illegalArgument("Field range on " + range.fieldPath()
                    + " must be on the key field that follows the partial key of table " + t.name());
            }
            FieldDef def = t.field(range.fieldPath()).orElseThrow();
            FieldValue s = range.start() == null ? null : ValueCoercion.coerce(def.type(), range.start());
            FieldValue e = range.end() == null ? null : ValueCoercion.coerce(def.type(), range.end());
            return new KeyBounds(position, s, range.startInclusive(), e, range.endInclusive());
        }

        boolean contains(List<FieldValue> key) {
            if (start == null && end == null) {
                return true;
            }
            FieldValue v = key.get(position);
            if (start != null) {
                int c = v.compareTo(start);
                if (c < 0 || (c == 0 && !startIncl)) {
                    return false;
                }
            }
            return !pastEnd(key) && (end == null || v.compareTo(end) != 0 || endIncl);
        }

        boolean pastEnd(List<FieldValue> key) {
            if (end == null) {
                return false;
            }
            int c = key.get(position).compareTo(end);
            return c > 0 || (c == 0 && !endIncl);
        }
    }
}
