package io.mrtck.reference.agent;

import java.util.List;
import java.util.Optional;

import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.Change;

/**
 * What an agent reads from a remote region. Any call may throw
 * {@link RegionUnreachableException} when the link is down.
 */
public interface RemoteRegionAccess {

    String regionName();

    /** Up to {@code max} local writes of MR tables logged after {@code sequence}. */
    List<Change> changesAfter(long sequence, int max);

    /** Waits up to {@code waitMs} for a change logged after {@code sequence}; whether there is one. */
    boolean awaitChangesAfter(long sequence, long waitMs);

    Optional<TableSchema> table(String name);

    /** Every table of the remote region (their ids tell a re-created table from the one it replaced). */
    List<TableSchema> tables();

    /**
     * A page of the table's current rows (tombstones included) in key order, after the row
     * whose key is {@code afterKey} (null: from the start), as changes with sequence 0.
     */
    TablePage tableRows(String table, byte[] afterKey, int max);

    /** Creates {@code table} in this region's store unless it is there already. */
    void createCheckpointTable(CheckpointTable table);

    /** @param next where the following page starts, null when this was the last */
    record TablePage(List<Change> rows, byte[] next) {
    }
}
