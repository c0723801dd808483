package io.mrtck.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.mrtck.client.RegionClients;
import io.mrtck.history.History;
import io.mrtck.reference.Mutant;
import io.mrtck.topology.Targets;
import io.mrtck.topology.Topology;
import io.mrtck.topology.embedded.TopologySpec;

/**
 * A scenario on a target from start to end: its topology started as the file says (regions,
 * statistics interval, and the reference's mutants where asked), the run, and the topology closed.
 */
public final class Replay {
    private Replay() {
    }

    /**
     * @param mutants reference defects to switch on (a target started from a real release ignores them)
     */
    public static ScenarioOutcome run(Scenario s, String target, Set<Mutant> mutants, ScenarioRunner.Settings settings) {
        String unavailable = Targets.unavailable(target).orElse(null);
        if (unavailable == null && s.topology().agentGroupSize() > 1 && !target.equals("embedded")) {
            // the workshop's 1x1 stores have one shard, and an agent group cannot have more agents than shards
            unavailable = "agentGroupSize " + s.topology().agentGroupSize() + ": the " + target
                + " target runs one XRegion agent per region";
        }
        if (unavailable != null) {
            return new ScenarioOutcome(s, ScenarioOutcome.Status.SKIPPED, unavailable, List.of(), new History(),
                Duration.ZERO);
        }
        TopologySpec spec = TopologySpec.ofRegions(s.topology().regions().toArray(String[]::new)).withMutants(mutants)
            .withAgentGroupSize(s.topology().agentGroupSize());
        if (s.topology().statsIntervalSecs() != null) {
            spec = spec.withStatsIntervalSecs(s.topology().statsIntervalSecs());
        }
        try (Topology topology = Targets.start(target, spec); RegionClients clients = new RegionClients(topology)) {
            return new ScenarioRunner(topology, clients, s, settings).run();
        }
    }
}
