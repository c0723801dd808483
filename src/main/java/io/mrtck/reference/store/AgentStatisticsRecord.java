package io.mrtck.reference.store;

/**
 * One collection interval of an XRegion agent's statistics, kept in the agent's local
 * region like the real store's {@code SYS$MRTableAgentStat} table.
 *
 * @param agentId  e.g. {@code XRegionService-1_0}
 * @param endMs    end of the interval
 * @param json     the statistics object in the real engine's JSON shape
 */
public record AgentStatisticsRecord(String agentId, long endMs, String json) {
}
