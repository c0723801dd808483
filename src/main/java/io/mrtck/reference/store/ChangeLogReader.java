package io.mrtck.reference.store;

import java.util.Locale;

/**
 * One reader of a region's change log: agent {@code agentId} of the group of {@code groupSize}
 * agents that region {@code region} runs (its checkpoint table in the source region is
 * {@code RegionAgentCkpt_from_<source>_to_<region>_<groupSize>_<agentId>}).
 */
public record ChangeLogReader(String region, int groupSize, int agentId) {

    public ChangeLogReader {
        region = region.toUpperCase(Locale.ROOT);
    }

    /** How the region keeps it in its catalog. */
    String id() {
        return region + "/" + groupSize + "/" + agentId;
    }

    static ChangeLogReader parse(String id) {
        String[] parts = id.split("/");
        return new ChangeLogReader(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }
}
