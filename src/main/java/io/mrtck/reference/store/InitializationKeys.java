package io.mrtck.reference.store;

import java.util.Locale;

import io.mrtck.reference.schema.TableSchema;

/**
 * Where the agents keep a table's initialisation progress among their state
 * ({@link StoreTxn#agentState}): under the local table's id, then the remote region, so the
 * DDL can forget it when the table is dropped or the region is dropped from it (ADD REGIONS
 * then copies again), and a re-created table, which has a new id, starts afresh.
 */
public final class InitializationKeys {
    private InitializationKeys() {
    }

    /**
     * The progress of {@code agentId} copying the remote region's incarnation {@code remoteTableId} into
     * {@code local} as altered last: a page the agent was copying while DROP REGIONS forgot the
     * progress writes it under the version before, so the ADD REGIONS that follows copies again.
     */
    public static String of(TableSchema local, String remoteRegion, String agentId, String remoteTableId) {
        return prefix(local, remoteRegion) + agentId + "/" + remoteTableId + "/v" + local.tableVersion();
    }

    /** Every agent's progress copying {@code remoteRegion}'s table into {@code local}. */
    public static String prefix(TableSchema local, String remoteRegion) {
        return prefix(local) + remoteRegion.toUpperCase(Locale.ROOT) + "/";
    }

    /** Every agent's progress copying into {@code local} from any region. */
    public static String prefix(TableSchema local) {
        return "init/" + incarnation(local) + "/";
    }

    /** The table's id; its name for a table defined before tables had ids. */
    public static String incarnation(TableSchema table) {
        return table.id() != null ? table.id() : table.name().toLowerCase(Locale.ROOT);
    }
}
