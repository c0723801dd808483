package io.mrtck.reference.agent;

import java.util.List;
import java.util.Optional;

import io.mrtck.reference.mr.ApplyResult;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.AgentStatisticsRecord;
import io.mrtck.reference.store.Change;

/**
 * What an agent does to its local region. Coarse operations, each atomic, so that the
 * region may be in this JVM or behind a connection.
 */
public interface LocalRegionAccess {

    /** The local region's name as set with SET LOCAL REGION, or empty when not set yet. */
    Optional<String> regionName();

    List<TableSchema> tables();

    /** Names of the regions the local catalog knows, by local id. */
    List<String> regionNames(List<Integer> ids);

    /** The agent state stored under {@code key} (checkpoints, initialisation progress). */
    Optional<byte[]> state(String key);

    /**
     * Applies {@code changes} with conflict resolution and stores {@code stateValue} under
     * {@code stateKey}, in one transaction: either both happen or neither.
     */
    List<ApplyResult> apply(List<Change> changes, String stateKey, byte[] stateValue);

    void putStatistics(AgentStatisticsRecord record);
}
