package io.mrtck.harness;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.topology.AdminAccess;

/**
 * One collection interval of an agent's statistics, as {@code show mrtable-agent-statistics
 * -agent 0 -json} shows it: the command shows only the latest interval, so a test that wants
 * the interval in which a write was applied recognises it ({@link #applied}) instead of
 * assuming the latest one is it.
 */
public record StatisticsInterval(long timestamp, JsonNode statistics) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The latest interval of agent 0 of the region behind {@code admin}; null when it has none yet. */
    public static StatisticsInterval latest(AdminAccess admin) throws IOException {
        JsonNode entry = JSON.readTree(admin.execute("show mrtable-agent-statistics -agent 0 -json")).at("/returnValue/0");
        return entry.isMissingNode() ? null : new StatisticsInterval(entry.path("timestamp").asLong(), entry.path("statistics"));
    }

    public long beginMs() {
        return statistics.path("beginMs").asLong();
    }

    /** What the agent reports of its stream from {@code region}. */
    public JsonNode from(String region) {
        return statistics.at("/regionStat/" + region);
    }

    /**
     * Whether a write made in {@code region} with modification time {@code writtenAt} was applied
     * within this interval: the interval began before the write, and by its end the agent
     * had applied an operation of {@code region} at least that recent (its {@code
     * lastModificationMs}). An interval that began later tells nothing: the write was applied in
     * an earlier one, which the command no longer shows. (The write's time is the writing
     * region's clock, the interval's the agent's: regions on one machine or NTP-synchronised.)
     */
    public boolean applied(String region, long writtenAt) {
        return beginMs() < writtenAt && from(region).path("lastModificationMs").asLong(-1) >= writtenAt;
    }

    @Override
    public String toString() {
        return statistics.toString();
    }
}
