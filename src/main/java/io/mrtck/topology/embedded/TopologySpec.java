package io.mrtck.topology.embedded;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.mrtck.reference.Mutant;

/**
 * What {@link EmbeddedTopology#start} brings up.
 *
 * @param regions           the regions, at least two, distinct names
 * @param root              where the regions keep their data; null = a temporary directory
 *                          that the topology deletes when it closes
 * @param statsIntervalSecs how often agents write statistics (the real default is 60)
 * @param mutants           defects switched on in every region and its agent (empty = none)
 * @param agentGroupSize    XRegion agents per region (xrstart's {@code agentGroupSize}); they
 *                          split the tables among them
 */
public record TopologySpec(List<RegionSpec> regions, Path root, int statsIntervalSecs, Set<Mutant> mutants,
                           int agentGroupSize) {

    /** One region: its name and its store's name. */
    public record RegionSpec(String name, String storeName) {
        public RegionSpec {
            Objects.requireNonNull(name, "region name");
            Objects.requireNonNull(storeName, "store name");
            if (!name.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("region name must be an identifier, is '" + name + "'");
            }
        }

        /** The workshop's convention: region FR lives in store OUGFR. */
        public static RegionSpec named(String name) {
            return new RegionSpec(name, "OUG" + name);
        }
    }

    public TopologySpec {
        regions = List.copyOf(regions);
        if (regions.size() < 2) {
            throw new IllegalArgumentException("a multi-region topology needs at least two regions, got " + regions);
        }
        Set<String> names = new HashSet<>();
        Set<String> stores = new HashSet<>();
        for (RegionSpec r : regions) {
            if (!names.add(r.name().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException("region " + r.name() + " is listed twice in " + regions);
            }
            if (!stores.add(r.storeName())) {
                throw new IllegalArgumentException("store " + r.storeName() + " is used by two regions in " + regions);
            }
        }
        if (statsIntervalSecs < 1) {
            throw new IllegalArgumentException("statsIntervalSecs must be at least 1, is " + statsIntervalSecs);
        }
        mutants = mutants == null || mutants.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(mutants));
        if (agentGroupSize < 1) {
            throw new IllegalArgumentException("agentGroupSize must be at least 1, is " + agentGroupSize);
        }
    }

    /** FR/OUGFR and CO/OUGCO, a temporary root, statistics every 60 s, no mutants, one agent per region. */
    public static TopologySpec workshop() {
        return ofRegions("FR", "CO");
    }

    /** Regions named {@code names}, each in store OUG&lt;name&gt;. */
    public static TopologySpec ofRegions(String... names) {
        return new TopologySpec(java.util.Arrays.stream(names).map(RegionSpec::named).toList(), null, 60, Set.of(), 1);
    }

    public TopologySpec withRoot(Path newRoot) {
        return new TopologySpec(regions, newRoot, statsIntervalSecs, mutants, agentGroupSize);
    }

    public TopologySpec withStatsIntervalSecs(int secs) {
        return new TopologySpec(regions, root, secs, mutants, agentGroupSize);
    }

    public TopologySpec withMutants(Set<Mutant> newMutants) {
        return new TopologySpec(regions, root, statsIntervalSecs, newMutants, agentGroupSize);
    }

    public TopologySpec withAgentGroupSize(int agents) {
        return new TopologySpec(regions, root, statsIntervalSecs, mutants, agents);
    }

    /**
     * For targets that deploy the workshop's 1x1 stores: an agent group cannot have more agents
     * than the store has shards, and those stores have one.
     *
     * @throws UnsupportedOperationException when this spec asks for several agents per region
     */
    public void requireOneAgentPerRegion(String target) {
        if (agentGroupSize > 1) {
            throw new UnsupportedOperationException("the " + target + " target runs one XRegion agent per region: its "
                + "1x1 stores have one shard, and an agent group cannot have more agents than shards (asked: "
                + "agentGroupSize " + agentGroupSize + ")");
        }
    }
}
