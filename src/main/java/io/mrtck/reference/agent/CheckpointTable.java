package io.mrtck.reference.agent;

/**
 * The user table each stream of a real XRegion agent creates in its <em>source</em> region's
 * store: {@code RegionAgentCkpt_from_<source>_to_<host>_<group>_<id>} (RegionAgentThread
 * names it; the stream's publisher, which owns it, connects to the source store), with the
 * schema of the real subscription checkpoint table (CheckpointTableManager). The reference
 * creates it so that listings show what a real deployment shows; its own checkpoints stay in
 * the host store, committed with each applied batch.
 *
 * @param name e.g. {@code RegionAgentCkpt_from_CO_to_FR_1_0}: the FR agent's stream from CO
 */
public record CheckpointTable(String name) {
    private static final String PREFIX = "RegionAgentCkpt";

    /** The table of {@code config}'s agent streaming from {@code sourceRegion}. */
    static CheckpointTable of(AgentConfig config, String sourceRegion) {
        return new CheckpointTable(PREFIX + "_from_" + sourceRegion + "_to_" + config.region() + "_"
            + config.agentGroupSize() + "_" + config.agentId());
    }

    /** Idempotent: a restarted agent finds its table there. */
    public String ddl() {
        return "CREATE TABLE IF NOT EXISTS " + name + " (subscription STRING, shard_id INTEGER, vlsn LONG, "
            + "timestamp LONG, PRIMARY KEY (SHARD(subscription), shard_id))";
    }
}
