package io.mrtck.topology.embedded;

import java.util.List;
import java.util.Optional;

import io.mrtck.reference.agent.CheckpointTable;
import io.mrtck.reference.agent.RemoteRegionAccess;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.Change;

/** An agent's access to a remote region through the faults of the link between them. */
public final class FaultyLink implements RemoteRegionAccess {
    private final RemoteRegionAccess remote;
    private final String localRegion;
    private final LinkFaults faults;

    /** @param localRegion the region whose agent reads {@code remote} */
    public FaultyLink(RemoteRegionAccess remote, String localRegion, LinkFaults faults) {
        this.remote = remote;
        this.localRegion = localRegion;
        this.faults = faults;
    }

    @Override
    public String regionName() {
        return remote.regionName();
    }

    @Override
    public List<Change> changesAfter(long sequence, int max) {
        return faults.cross(remote.regionName(), localRegion, () -> remote.changesAfter(sequence, max));
    }

    /** Not delayed: only the changes themselves cross the link late. */
    @Override
    public boolean awaitChangesAfter(long sequence, long waitMs) {
        return faults.crossUndelayed(remote.regionName(), localRegion, () -> remote.awaitChangesAfter(sequence, waitMs));
    }

    @Override
    public Optional<TableSchema> table(String name) {
        return faults.cross(remote.regionName(), localRegion, () -> remote.table(name));
    }

    @Override
    public List<TableSchema> tables() {
        return faults.cross(remote.regionName(), localRegion, remote::tables);
    }

    @Override
    public TablePage tableRows(String table, byte[] afterKey, int max) {
        return faults.cross(remote.regionName(), localRegion, () -> remote.tableRows(table, afterKey, max));
    }

    @Override
    public void createCheckpointTable(CheckpointTable table) {
        faults.cross(remote.regionName(), localRegion, () -> {
            remote.createCheckpointTable(table);
            return null;
        });
    }
}
