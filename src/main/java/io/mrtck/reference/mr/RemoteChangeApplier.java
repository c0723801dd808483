package io.mrtck.reference.mr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.mrtck.reference.Mutant;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.ValueCoercion;
import io.mrtck.reference.store.Change;
import io.mrtck.reference.store.RegionInfo;
import io.mrtck.reference.store.StoreTxn;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * Applies a change streamed from another region to the local store: last-writer-wins on
 * the row (tombstones included), and MR_COUNTER states merged whichever side wins, as long
 * as neither side is a tombstone. Applying the same change twice leaves the same state.
 */
public final class RemoteChangeApplier {
    private static final long DAY_MS = 86_400_000L;
    private final LastWriterWins rule;
    private final boolean mergeBySum;
    private final boolean dropDecrements;
    private final boolean ignoreMembership;
    private final boolean keyOnlyMergeFails;
    private final boolean ttlUnitChangeKept;

    /**
     * @param mergeBySum     a mutant: counter states are added instead of merged by maximum
     * @param dropDecrements a mutant: the incoming side's decrements are ignored
     */
    public RemoteChangeApplier(LastWriterWins rule, boolean mergeBySum, boolean dropDecrements) {
        this(rule, mergeBySum, dropDecrements, false, false, false);
    }

    /**
     * @param ignoreMembership  the DROP_REGIONS_KEEPS_REPLICATING mutant
     * @param keyOnlyMergeFails the KEYONLY_MERGE_FAILS mutant
     * @param ttlUnitChangeKept the TTL_UNIT_CHANGE_NOT_REPLICATED mutant
     */
    private RemoteChangeApplier(LastWriterWins rule, boolean mergeBySum, boolean dropDecrements,
                                boolean ignoreMembership, boolean keyOnlyMergeFails, boolean ttlUnitChangeKept) {
        this.rule = rule;
        this.mergeBySum = mergeBySum;
        this.dropDecrements = dropDecrements;
        this.ignoreMembership = ignoreMembership;
        this.keyOnlyMergeFails = keyOnlyMergeFails;
        this.ttlUnitChangeKept = ttlUnitChangeKept;
    }

    /** The DROP_REGIONS_KEEPS_REPLICATING mutant: changes apply whatever regions either side's table spans. */
    public RemoteChangeApplier ignoringRegionMembership() {
        return new RemoteChangeApplier(rule, mergeBySum, dropDecrements, true, keyOnlyMergeFails, ttlUnitChangeKept);
    }

    public static RemoteChangeApplier standard() {
        return new RemoteChangeApplier(LastWriterWins.standard(), false, false);
    }

    /** The applier with the merge defects among {@code mutants} switched on. */
    public static RemoteChangeApplier withDefects(Set<Mutant> mutants) {
        return new RemoteChangeApplier(
            new LastWriterWins(mutants.contains(Mutant.LWW_REVERSED), mutants.contains(Mutant.TIE_RULE_REVERSED)),
            mutants.contains(Mutant.COUNTER_MERGE_SUMS), mutants.contains(Mutant.DECREMENTS_DROPPED),
            mutants.contains(Mutant.DROP_REGIONS_KEEPS_REPLICATING), mutants.contains(Mutant.KEYONLY_MERGE_FAILS),
            mutants.contains(Mutant.TTL_UNIT_CHANGE_NOT_REPLICATED));
    }

    public ApplyResult apply(StoreTxn txn, Change change, long now) {
        Optional<TableSchema> local = txn.table(change.table());
        List<RegionInfo> regions = txn.regions();
        RegionInfo source = regions.stream().filter(r -> r.name().equalsIgnoreCase(change.originRegion()))
            .findFirst().orElse(null);
        if (local.isEmpty() || !local.get().isMultiRegion() || source == null
            || !ignoreMembership && !isMember(local.get(), source, change, regions)) {
            return ApplyResult.NO_TABLE;
        }
        TableSchema t = local.get();
        StoredRow incoming = change.row();
        List<FieldValue> key;
        MapValue value;
        try {
            key = ValueCoercion.primaryKey(t, incoming.value(), false);
            value = incoming.tombstone() ? incoming.value() : ValueCoercion.row(t, incoming.value(), false);
        } catch (RequestException | IllegalStateException e) {
            return ApplyResult.INCOMPATIBLE;
        }
        StoredRow existing = txn.row(t, key)
            .filter(r -> r.tombstone() || !r.isExpiredAt(now)).orElse(null);
        if (keyOnlyMergeFails && existing != null && t.fields().size() == t.primaryKey().size()) {
            // KVSTORE-253: the merge asks the key-only row for a value it does not have
            throw new IllegalArgumentException("cannot merge a remote row of key-only table " + t.name()
                + ": the row has no value fields");
        }
        boolean wins = existing == null || rule.incomingWins(incoming.modificationTime(), change.originRegion(),
            existing.modificationTime(), regionName(regions, existing.originRegionId()));
        if (!incoming.tombstone() && incoming.isExpiredAt(now)) {
            if (wins && existing != null && !existing.tombstone()) {
                // the newer version has expired: the older one it replaced must not outlive it here
                txn.putRow(t, key, new StoredRow(value, incoming.modificationTime(), incoming.expirationTime(),
                    txn.nextVersion(), source.id(), false, Map.of()));
            }
            return ApplyResult.EXPIRED_PUT;
        }
        boolean merge = existing != null && !existing.tombstone() && !incoming.tombstone();
        Map<String, PnCounter> counters = merge ? merged(existing.counters(), incoming.counters())
            : (wins ? incoming.counters() : existing.counters());

        if (wins) {
            MapValue row = incoming.tombstone() ? value
                : withCounterValues(t, ReplicatedJson.membersSorted(t, value), counters);
            long expiration = incoming.expirationTime();
            if (ttlUnitChangeKept && existing != null && !existing.tombstone() && inHours(existing.expirationTime())
                && expiration != 0 && expiration % DAY_MS == 0) {
                expiration = existing.expirationTime(); // KVSTORE-406: the HOURS expiration survives a change to DAYS
            }
            txn.putRow(t, key, new StoredRow(row, incoming.modificationTime(), expiration,
                txn.nextVersion(), source.id(), incoming.tombstone(), incoming.tombstone() ? Map.of() : counters));
            return incoming.tombstone() ? ApplyResult.WON_DELETE : ApplyResult.WON_PUT;
        }
        if (merge && !counters.equals(existing.counters())) {
            MapValue row = withCounterValues(t, copy(existing.value()), counters);
            txn.putRow(t, key, new StoredRow(row, existing.modificationTime(), existing.expirationTime(),
                txn.nextVersion(), existing.originRegionId(), false, counters));
        }
        return incoming.tombstone() ? ApplyResult.LOST_DELETE : ApplyResult.LOST_PUT;
    }

    /** An expiration that a TTL in HOURS gave (on an hour that is not a day boundary). */
    private static boolean inHours(long expiration) {
        return expiration != 0 && expiration % DAY_MS != 0;
    }

    /**
     * Both sides still have each other in the table: the local table spans the source region, and
     * the source's table spanned this region when the change was written (ALTER … DROP REGIONS in
     * either region stops the table's replication both ways).
     */
    private static boolean isMember(TableSchema local, RegionInfo source, Change change, List<RegionInfo> regions) {
        String here = regions.stream().filter(RegionInfo::local).map(RegionInfo::name).findFirst().orElse("");
        return local.regionIds().contains(source.id()) && change.isFor(here);
    }

    private Map<String, PnCounter> merged(Map<String, PnCounter> a, Map<String, PnCounter> b) {
        Map<String, PnCounter> out = new HashMap<>(a);
        b.forEach((path, state) -> {
            PnCounter in = dropDecrements ? new PnCounter(state.increments(), Map.of()) : state;
            out.merge(path, in, mergeBySum ? RemoteChangeApplier::sum : PnCounter::merge);
        });
        return out;
    }

    private static PnCounter sum(PnCounter a, PnCounter b) {
        PnCounter out = a;
        for (var e : b.increments().entrySet()) {
            out = out.add(e.getKey(), e.getValue());
        }
        for (var e : b.decrements().entrySet()) {
            out = out.add(e.getKey(), e.getValue().negate());
        }
        return out;
    }

    private static MapValue withCounterValues(TableSchema t, MapValue row, Map<String, PnCounter> counters) {
        for (CounterPaths.Counter c : CounterPaths.of(t)) {
            PnCounter state = counters.getOrDefault(c.path(), PnCounter.ZERO);
            if (CounterPaths.read(row, c.path()) != null) {
                CounterPaths.write(row, c, state.value());
            }
        }
        return row;
    }

    private static MapValue copy(MapValue v) {
        return (MapValue) io.mrtck.reference.nson.NsonCodec.decode(io.mrtck.reference.nson.NsonCodec.encode(v));
    }

    private static String regionName(List<RegionInfo> regions, int id) {
        return regions.stream().filter(r -> r.id() == id).map(RegionInfo::name).findFirst().orElse("");
    }
}
