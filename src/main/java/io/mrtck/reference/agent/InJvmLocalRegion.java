package io.mrtck.reference.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mrtck.reference.mr.ApplyResult;
import io.mrtck.reference.mr.RemoteChangeApplier;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.AgentStatisticsRecord;
import io.mrtck.reference.store.Change;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.RegionStore;
import java.util.function.Supplier;

/** The agent's local region when it runs in the same JVM: straight to the store. */
public final class InJvmLocalRegion implements LocalRegionAccess {
    private final Supplier<RegionStore> stores;
    private final Clock clock;
    /**
     * Load, for the STREAMED_OPS_LOST_UNDER_LOAD mutant: this many local client writes of MR tables
     * within this many ms (a sustained writer, not the odd single write).
     */
    private static final int LOAD_WRITES = 10;
    private static final long LOAD_WINDOW_MS = 250;
    private final RemoteChangeApplier applier;
    private final boolean lostUnderLoad;

    public InJvmLocalRegion(Supplier<RegionStore> stores, Clock clock, RemoteChangeApplier applier) {
        this(stores, clock, applier, false);
    }

    /** @param lostUnderLoad the STREAMED_OPS_LOST_UNDER_LOAD mutant */
    public InJvmLocalRegion(Supplier<RegionStore> stores, Clock clock, RemoteChangeApplier applier, boolean lostUnderLoad) {
        this.stores = stores;
        this.clock = clock;
        this.applier = applier;
        this.lostUnderLoad = lostUnderLoad;
    }

    @Override
    public Optional<String> regionName() {
        return store().read(txn -> txn.regions().stream().filter(RegionInfo::local).map(RegionInfo::name).findFirst());
    }

    @Override
    public List<TableSchema> tables() {
        return store().read(txn -> txn.tables());
    }

    @Override
    public List<String> regionNames(List<Integer> ids) {
        return store().read(txn -> txn.regions().stream().filter(r -> ids.contains(r.id()))
            .map(RegionInfo::name).toList());
    }

    @Override
    public Optional<byte[]> state(String key) {
        return store().read(txn -> txn.agentState(key));
    }

    @Override
    public List<ApplyResult> apply(List<Change> changes, String stateKey, byte[] stateValue) {
        boolean lose = lostUnderLoad && !changes.isEmpty() && localClientsWriting(clock.millis());
        return store().write(txn -> {
            long now = clock.millis();
            List<ApplyResult> results = new ArrayList<>(changes.size());
            for (Change c : changes) {
                if (lose) {
                    // KVSTORE-1542: competing with local clients, the write is reported done and never made
                    results.add(c.row().tombstone() ? ApplyResult.WON_DELETE : ApplyResult.WON_PUT);
                    continue;
                }
                results.add(applier.apply(txn, c, now));
            }
            txn.putAgentState(stateKey, stateValue);
            return results;
        });
    }

    @Override
    public void putStatistics(AgentStatisticsRecord record) {
        store().write(txn -> {
            txn.putAgentStatistics(record);
            // Kept for 3 days, as the real statistics table.
            txn.dropAgentStatisticsBefore(record.endMs() - 3 * 24 * 3_600_000L);
            return null;
        });
    }

    /** Whether local clients are writing MR tables: the last {@link #LOAD_WRITES} change-log entries are that recent. */
    private boolean localClientsWriting(long now) {
        RegionStore s = store();
        long horizon = s.changeHorizon();
        List<Change> recent = horizon >= LOAD_WRITES ? s.changesAfter(horizon - LOAD_WRITES, LOAD_WRITES) : List.of();
        return recent.size() == LOAD_WRITES && now - recent.get(0).row().modificationTime() < LOAD_WINDOW_MS;
    }

    /** The region's current store; a region that is down (restarting) is unreachable. */
    private RegionStore store() {
        RegionStore s = stores.get();
        if (s == null || s.isClosed()) {
            throw new RegionUnreachableException("the store of " + "the local region" + " is not running");
        }
        return s;
    }
}
