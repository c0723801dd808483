package io.mrtck.reference.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import com.sleepycat.je.Cursor;
import com.sleepycat.je.CursorConfig;
import com.sleepycat.je.Database;
import com.sleepycat.je.DatabaseEntry;
import com.sleepycat.je.LockMode;
import com.sleepycat.je.OperationStatus;
import com.sleepycat.je.Transaction;

import io.mrtck.reference.schema.TableSchema;
import oracle.nosql.driver.values.FieldValue;

/**
 * StoreTxn over two JE databases. Catalog keys: {@code t/<table>} definition,
 * {@code i/<table>} the table's numeric id (the prefix of its row keys), {@code m/regions},
 * {@code n/<namespace>}, {@code m/tableSeq}, {@code a/<agent state>}, {@code s/<end>/<agent>}
 * statistics, {@code l/<reader>} change-log reader positions. Names are keyed lower-case.
 */
final class JeStoreTxn implements StoreTxn {
    private static final int LOCAL_REGION_ID = 1;
    private static final String REGIONS_KEY = CatalogDefinitions.REGIONS_KEY;

    private final Transaction txn;
    private final Database catalog;
    private final Database rows;
    private final ChangeLog changes;
    private final Supplier<byte[]> versions;
    private final DecodedCatalog decoded;
    /** Definitions read from memory; null in a transaction that changes the catalog (it reads and writes the store). */
    private final CatalogDefinitions definitions;
    /** RMW in a write transaction: a row read is write-locked at once, so no writer upgrades a read lock. */
    private final LockMode rowLock;
    /** Row keys this transaction read and found absent: nothing locks them (see {@link #storeRow}). */
    private final Set<ByteBuffer> readAbsent = new HashSet<>();
    private final List<Long> reserved = new ArrayList<>();
    /**
     * Catalog entries as this transaction first read them: one transaction sees one definition
     * throughout, and an agent applying many changes does not decode the same table definition
     * and region list again for each (holding its row locks the longer on a busy machine).
     */
    private final Map<String, Optional<TableSchema>> tablesRead = new HashMap<>();
    private List<RegionInfo> regionsRead;
    private String localRegion;

    JeStoreTxn(Transaction txn, Database catalog, Database rows, ChangeLog changes, Supplier<byte[]> versions,
               DecodedCatalog decoded, CatalogDefinitions definitions, boolean forWrite) {
        this.txn = txn;
        this.catalog = catalog;
        this.rows = rows;
        this.changes = changes;
        this.versions = versions;
        this.decoded = decoded;
        this.definitions = definitions;
        this.rowLock = forWrite ? LockMode.RMW : LockMode.DEFAULT;
    }

    /** Called when the transaction has ended: its change-log sequences stop holding the horizon back. */
    void releaseChanges() {
        reserved.forEach(changes::release);
        reserved.clear();
    }

    // --- catalog ---------------------------------------------------------------------

    @Override
    public List<TableSchema> tables() {
        List<TableSchema> out = new ArrayList<>();
        forEachCatalog("t/", (key, bytes) -> out.add(decoded.read(key, bytes, TableSchema.class)));
        return out;
    }

    @Override
    public Optional<TableSchema> table(String name) {
        return tablesRead.computeIfAbsent(lower(name),
            n -> getCatalog("t/" + n).map(b -> decoded.read("t/" + n, b, TableSchema.class)));
    }

    @Override
    public void putTable(TableSchema table) {
        tablesRead.clear();
        String name = lower(table.name());
        if (getCatalog("i/" + name).isEmpty()) {
            int id = getCatalog("m/tableSeq").map(b -> ByteBuffer.wrap(b).getInt()).orElse(0) + 1;
            putCatalog("m/tableSeq", ByteBuffer.allocate(4).putInt(id).array());
            putCatalog("i/" + name, ByteBuffer.allocate(4).putInt(id).array());
        }
        putCatalog("t/" + name, CatalogCodec.write(table));
    }

    @Override
    public void dropTable(String name) {
        tablesRead.clear();
        Optional<Integer> id = tableId(name);
        if (id.isEmpty()) {
            return;
        }
        deleteRange(rows, KeyCodec.tablePrefix(id.get()));
        deleteCatalog("t/" + lower(name));
        deleteCatalog("i/" + lower(name));
    }

    @Override
    public long nextInSequence(String sequence) {
        String key = "q/" + lower(sequence);
        long next = getCatalog(key).map(b -> ByteBuffer.wrap(b).getLong()).orElse(0L) + 1;
        putCatalog(key, ByteBuffer.allocate(8).putLong(next).array());
        return next;
    }

    /**
     * The regions, kept as one catalog entry ({@code m/regions}): every MR write needs the local
     * region's name, and one read is far cheaper than a scan. Stores written before it kept a
     * {@code r/<region>} entry each, read when there is no list yet.
     */
    @Override
    public List<RegionInfo> regions() {
        if (regionsRead == null) {
            Optional<byte[]> list = getCatalog(REGIONS_KEY);
            List<RegionInfo> out = new ArrayList<>();
            if (list.isPresent()) {
                out.addAll(Arrays.asList(decoded.read(REGIONS_KEY, list.get(), RegionInfo[].class)));
            } else {
                forEachCatalog("r/", (key, bytes) -> out.add(decoded.read(key, bytes, RegionInfo.class)));
            }
            out.sort((a, b) -> Integer.compare(a.id(), b.id()));
            regionsRead = List.copyOf(out);
        }
        return regionsRead;
    }

    @Override
    public void putRegion(RegionInfo region) {
        List<RegionInfo> next = new ArrayList<>(regions());
        next.removeIf(r -> r.name().equalsIgnoreCase(region.name()));
        next.add(region);
        putRegions(next);
    }

    @Override
    public void dropRegion(String name) {
        List<RegionInfo> next = new ArrayList<>(regions());
        next.removeIf(r -> r.name().equalsIgnoreCase(name));
        putRegions(next);
    }

    private void putRegions(List<RegionInfo> regions) {
        regionsRead = null;
        localRegion = null;
        putCatalog(REGIONS_KEY, CatalogCodec.write(regions.toArray(RegionInfo[]::new)));
    }

    @Override
    public Set<String> namespaces() {
        Set<String> out = new LinkedHashSet<>();
        forEachCatalog("n/", (key, bytes) -> out.add(new String(bytes, StandardCharsets.UTF_8)));
        return out;
    }

    @Override
    public void putNamespace(String name) {
        putCatalog("n/" + lower(name), name.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void dropNamespace(String name) {
        deleteCatalog("n/" + lower(name));
    }

    // --- rows ------------------------------------------------------------------------

    @Override
    public Optional<StoredRow> row(TableSchema table, List<FieldValue> key) {
        byte[] rowKey = rowKey(table, key);
        DatabaseEntry data = new DatabaseEntry();
        if (rows.get(txn, new DatabaseEntry(rowKey), data, rowLock) == OperationStatus.SUCCESS) {
            return Optional.of(RowCodec.decode(data.getData()));
        }
        readAbsent.add(ByteBuffer.wrap(rowKey));
        return Optional.empty();
    }

    @Override
    public void putRow(TableSchema table, List<FieldValue> key, StoredRow row) {
        byte[] encoded = storeRow(rowKey(table, key), row);
        if (table.isMultiRegion() && row.originRegionId() == LOCAL_REGION_ID) {
            long seq = changes.reserve();
            reserved.add(seq);
            // the change-log entry carries the row as stored: encoded once for both
            changes.append(txn, seq, table.name(), localRegionName(), remoteRegionNames(table), encoded);
        }
    }

    @Override
    public void putRowWithoutChangeLog(TableSchema table, List<FieldValue> key, StoredRow row) {
        storeRow(rowKey(table, key), row);
    }

    /**
     * Writes a row. A key this transaction found absent is inserted only if it is still
     * absent: had another transaction inserted it meanwhile (a remote change applied while a
     * local put decided, or the other way round), overwriting it would lose that write, and
     * the regions would keep different versions for good.
     */
    private byte[] storeRow(byte[] key, StoredRow row) {
        DatabaseEntry k = new DatabaseEntry(key);
        byte[] encoded = RowCodec.encode(row);
        DatabaseEntry data = new DatabaseEntry(encoded);
        if (readAbsent.remove(ByteBuffer.wrap(key))) {
            if (rows.putNoOverwrite(txn, k, data) != OperationStatus.SUCCESS) {
                throw new ConcurrentInsertException();
            }
        } else {
            rows.put(txn, k, data);
        }
        return encoded;
    }

    @Override
    public boolean deleteRow(TableSchema table, List<FieldValue> key) {
        byte[] rowKey = rowKey(table, key);
        boolean deleted = rows.delete(txn, new DatabaseEntry(rowKey)) == OperationStatus.SUCCESS;
        if (deleted && readAbsent.contains(ByteBuffer.wrap(rowKey))) {
            throw new ConcurrentInsertException(); // it would delete a row this transaction never saw
        }
        return deleted;
    }

    @Override
    public void scan(TableSchema table, List<FieldValue> keyPrefix, List<FieldValue> afterKey,
                     RowVisitor visitor) {
        int id = requireTableId(table.name());
        byte[] prefix = KeyCodec.encode(id, table, keyPrefix);
        byte[] after = afterKey == null ? null : KeyCodec.encode(id, table, afterKey);
        try (Cursor cursor = rows.openCursor(txn, null)) {
            DatabaseEntry key = new DatabaseEntry(after != null && compare(after, prefix) > 0 ? after : prefix);
            DatabaseEntry data = new DatabaseEntry();
            OperationStatus status = cursor.getSearchKeyRange(key, data, rowLock);
            while (status == OperationStatus.SUCCESS && startsWith(key.getData(), prefix)) {
                if (after == null || compare(key.getData(), after) > 0) {
                    StoredRow row = RowCodec.decode(data.getData());
                    List<FieldValue> rowKey = new ArrayList<>(table.primaryKey().size());
                    for (String k : table.primaryKey()) {
                        rowKey.add(fieldIgnoringCase(row, k));
                    }
                    if (!visitor.visit(rowKey, row)) {
                        return;
                    }
                }
                status = cursor.getNext(key, data, rowLock);
            }
        }
    }

    @Override
    public byte[] nextVersion() {
        return versions.get();
    }

    /**
     * The keys of rows {@link #purgeable} at {@code now} among at most {@code scan} rows after
     * {@code afterKey}, in key order, and the last key scanned (null at the end of the rows).
     */
    PurgePage purgeCandidates(byte[] afterKey, long now, long tombstoneTtlMs, int scan) {
        List<byte[]> out = new ArrayList<>();
        byte[] last = null;
        try (Cursor cursor = rows.openCursor(txn, null)) {
            DatabaseEntry key = new DatabaseEntry();
            DatabaseEntry data = new DatabaseEntry();
            OperationStatus status;
            if (afterKey == null) {
                status = cursor.getFirst(key, data, rowLock);
            } else {
                key.setData(afterKey);
                status = cursor.getSearchKeyRange(key, data, rowLock);
                if (status == OperationStatus.SUCCESS && Arrays.equals(key.getData(), afterKey)) {
                    status = cursor.getNext(key, data, rowLock);
                }
            }
            for (int scanned = 0; status == OperationStatus.SUCCESS && scanned < scan; scanned++) {
                if (purgeable(RowCodec.decode(data.getData()), now, tombstoneTtlMs)) {
                    out.add(key.getData());
                }
                last = key.getData();
                status = cursor.getNext(key, data, rowLock);
            }
            return new PurgePage(out, status == OperationStatus.SUCCESS ? last : null);
        }
    }

    /** @param scannedTo where the next page starts scanning, null when the rows are all scanned */
    record PurgePage(List<byte[]> due, byte[] scannedTo) {
    }

    /** Deletes those of {@code keys} that are still purgeable, each read under its write lock. */
    int purgeIfDue(List<byte[]> keys, long now, long tombstoneTtlMs) {
        int removed = 0;
        for (byte[] k : keys) {
            DatabaseEntry key = new DatabaseEntry(k);
            DatabaseEntry data = new DatabaseEntry();
            if (rows.get(txn, key, data, LockMode.RMW) == OperationStatus.SUCCESS
                && purgeable(RowCodec.decode(data.getData()), now, tombstoneTtlMs)) {
                rows.delete(txn, key);
                removed++;
            }
        }
        return removed;
    }

    /** An expired row, or a tombstone older than the tombstone TTL. */
    private static boolean purgeable(StoredRow row, long now, long tombstoneTtlMs) {
        return row.tombstone() ? row.modificationTime() + tombstoneTtlMs <= now : row.isExpiredAt(now);
    }

    // --- agent state -------------------------------------------------------------------

    @Override
    public Optional<byte[]> agentState(String key) {
        return getCatalog("a/" + key);
    }

    @Override
    public void putAgentState(String key, byte[] value) {
        putCatalog("a/" + key, value);
    }

    @Override
    public void dropAgentStates(String keyPrefix) {
        deleteRange(catalog, ("a/" + keyPrefix).getBytes(StandardCharsets.UTF_8));
    }

    /** Deletes every record of {@code db} whose key starts with {@code prefix}, in this transaction. */
    private void deleteRange(Database db, byte[] prefix) {
        try (Cursor cursor = db.openCursor(txn, null)) {
            DatabaseEntry key = new DatabaseEntry(prefix);
            DatabaseEntry data = new DatabaseEntry();
            data.setPartial(0, 0, true);
            OperationStatus status = cursor.getSearchKeyRange(key, data, LockMode.RMW);
            while (status == OperationStatus.SUCCESS && startsWith(key.getData(), prefix)) {
                cursor.delete();
                status = cursor.getNext(key, data, LockMode.RMW);
            }
        }
    }

    /** Where a reader of the change log had got ({@link ChangeLogReaders}). */
    void putReaderPosition(String readerId, long position) {
        putCatalog("l/" + readerId, ByteBuffer.allocate(8).putLong(position).array());
    }

    Map<String, Long> readerPositions() {
        Map<String, Long> out = new HashMap<>();
        forEachCatalog("l/", (key, bytes) -> out.put(key.substring(2), ByteBuffer.wrap(bytes).getLong()));
        return out;
    }

    @Override
    public void putAgentStatistics(AgentStatisticsRecord record) {
        putCatalog(statisticsKey(record.endMs(), record.agentId()), CatalogCodec.write(record));
    }

    @Override
    public List<AgentStatisticsRecord> agentStatistics() {
        List<AgentStatisticsRecord> out = new ArrayList<>();
        forEachCatalog("s/", (key, bytes) -> out.add(CatalogCodec.read(bytes, AgentStatisticsRecord.class)));
        return out;
    }

    @Override
    public void dropAgentStatisticsBefore(long endMs) {
        // Keys sort by end time: delete from the oldest up to the first one to keep, each
        // write-locked as it is read, so two agents' statistics writers never upgrade a read
        // lock; if they cross, JE sees the deadlock between their transactions at once.
        byte[] stop = statisticsKey(endMs, "").getBytes(StandardCharsets.UTF_8);
        try (Cursor cursor = catalog.openCursor(txn, null)) {
            DatabaseEntry key = entry("s/");
            DatabaseEntry data = new DatabaseEntry();
            data.setPartial(0, 0, true);
            OperationStatus status = cursor.getSearchKeyRange(key, data, LockMode.RMW);
            while (status == OperationStatus.SUCCESS && compare(key.getData(), stop) < 0) {
                cursor.delete();
                status = cursor.getNext(key, data, LockMode.RMW);
            }
        }
    }

    private static String statisticsKey(long endMs, String agentId) {
        return String.format("s/%020d/%s", endMs, agentId);
    }

    // --- internals -------------------------------------------------------------------

    /** The regions other than this one that {@code table} spans now: the readers its writes are for. */
    private List<String> remoteRegionNames(TableSchema table) {
        return regions().stream().filter(r -> !r.local() && table.regionIds().contains(r.id()))
            .map(RegionInfo::name).toList();
    }

    private String localRegionName() {
        if (localRegion == null) {
            localRegion = regions().stream().filter(RegionInfo::local).map(RegionInfo::name)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                    "an MR table was written but the local region is not set"));
        }
        return localRegion;
    }

    private byte[] rowKey(TableSchema table, List<FieldValue> key) {
        return KeyCodec.encode(requireTableId(table.name()), table, key);
    }

    private int requireTableId(String name) {
        return tableId(name).orElseThrow(() -> new IllegalStateException("no table id for " + name));
    }

    private Optional<Integer> tableId(String name) {
        return getCatalog("i/" + lower(name)).map(b -> ByteBuffer.wrap(b).getInt());
    }

    private static FieldValue fieldIgnoringCase(StoredRow row, String name) {
        FieldValue v = row.value().get(name);
        if (v != null) {
            return v;
        }
        return row.value().getMap().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(java.util.Map.Entry::getValue).findFirst().orElse(null);
    }

    private Optional<byte[]> getCatalog(String key) {
        if (definitions != null && CatalogDefinitions.covers(key)) {
            // no DDL can run while this transaction does: no lock needed to read what only DDL writes
            return definitions.get(key, () -> storedCatalog(key, LockMode.READ_COMMITTED));
        }
        return storedCatalog(key, LockMode.DEFAULT);
    }

    private Optional<byte[]> storedCatalog(String key, LockMode mode) {
        DatabaseEntry data = new DatabaseEntry();
        OperationStatus status = catalog.get(txn, entry(key), data, mode);
        return status == OperationStatus.SUCCESS ? Optional.of(data.getData()) : Optional.empty();
    }

    private void putCatalog(String key, byte[] value) {
        checkMayChange(key);
        catalog.put(txn, entry(key), new DatabaseEntry(value));
    }

    private void deleteCatalog(String key) {
        checkMayChange(key);
        catalog.delete(txn, entry(key));
    }

    private void checkMayChange(String key) {
        if (definitions != null && CatalogDefinitions.covers(key)) {
            throw new IllegalStateException("catalog entry " + key + " changed outside RegionStore.changeCatalog: "
                + "transactions running meanwhile would go on reading the old one");
        }
    }

    /**
     * Visits the catalog entries under {@code prefix} without keeping their locks: a scan also
     * reads the first entry past the prefix (the oldest statistics record after the regions),
     * and a read lock kept on it until every writer commits would hold up the statistics
     * writer, and everyone queued behind it.
     */
    private void forEachCatalog(String prefix, java.util.function.BiConsumer<String, byte[]> each) {
        byte[] p = prefix.getBytes(StandardCharsets.UTF_8);
        try (Cursor cursor = catalog.openCursor(txn, CursorConfig.READ_COMMITTED)) {
            DatabaseEntry key = new DatabaseEntry(p);
            DatabaseEntry data = new DatabaseEntry();
            OperationStatus status = cursor.getSearchKeyRange(key, data, LockMode.DEFAULT);
            while (status == OperationStatus.SUCCESS && startsWith(key.getData(), p)) {
                each.accept(new String(key.getData(), StandardCharsets.UTF_8), data.getData());
                status = cursor.getNext(key, data, LockMode.DEFAULT);
            }
        }
    }

    private static DatabaseEntry entry(String key) {
        return new DatabaseEntry(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static int compare(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b);
    }
}
