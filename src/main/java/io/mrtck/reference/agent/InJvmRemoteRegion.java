package io.mrtck.reference.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.SqlEngine;
import io.mrtck.reference.store.Change;
import io.mrtck.reference.store.ChangeLogReader;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.reference.store.ResumeKey;
import java.util.function.Supplier;
import oracle.nosql.driver.values.FieldValue;

/** A remote region in the same JVM, read straight from its store. */
public final class InJvmRemoteRegion implements RemoteRegionAccess {
    private final String name;
    private final Supplier<RegionStore> stores;
    private final ChangeLogReader reader;

    /** @param reader the agent reading, so that the region keeps its log for it */
    public InJvmRemoteRegion(String name, Supplier<RegionStore> stores, ChangeLogReader reader) {
        this.name = name;
        this.stores = stores;
        this.reader = reader;
    }

    @Override
    public String regionName() {
        return name;
    }

    @Override
    public List<Change> changesAfter(long sequence, int max) {
        return store().changesAfter(reader, sequence, max);
    }

    @Override
    public boolean awaitChangesAfter(long sequence, long waitMs) {
        return store().awaitChangesAfter(sequence, waitMs);
    }

    @Override
    public Optional<TableSchema> table(String table) {
        return store().read(txn -> txn.table(table));
    }

    @Override
    public List<TableSchema> tables() {
        return store().read(txn -> txn.tables());
    }

    @Override
    public TablePage tableRows(String table, byte[] afterKey, int max) {
        return store().read(txn -> {
            TableSchema t = txn.table(table).orElse(null);
            if (t == null) {
                return new TablePage(List.of(), null);
            }
            List<RegionInfo> regions = txn.regions();
            List<FieldValue> after = afterKey == null ? null : ResumeKey.decode(t, afterKey);
            List<Change> rows = new ArrayList<>();
            List<List<FieldValue>> lastKey = new ArrayList<>(1);
            boolean[] more = {false};
            txn.scan(t, List.of(), after, (key, row) -> {
                if (rows.size() == max) {
                    more[0] = true;
                    return false;
                }
                String origin = regions.stream().filter(r -> r.id() == row.originRegionId())
                    .map(RegionInfo::name).findFirst().orElse(name);
                rows.add(new Change(0, t.name(), origin, row));
                lastKey.clear();
                lastKey.add(key);
                return true;
            });
            return new TablePage(rows, more[0] ? ResumeKey.encode(lastKey.get(0)) : null);
        });
    }

    @Override
    public void createCheckpointTable(CheckpointTable table) {
        SqlEngine.executeTableDdl(store(), table.ddl());
    }

    /** The region's current store; a region that is down (restarting) is unreachable. */
    private RegionStore store() {
        RegionStore s = stores.get();
        if (s == null || s.isClosed()) {
            throw new RegionUnreachableException("the store of " + "region " + name + " is not running");
        }
        return s;
    }
}
