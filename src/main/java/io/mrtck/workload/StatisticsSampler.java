package io.mrtck.workload;

import java.util.List;

import io.mrtck.history.History;
import io.mrtck.history.Op;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;

/**
 * Records each agent's latest statistics in the history, for the checker's INV-STATS; a target
 * without them records the failure, and the checker then has nothing to judge.
 */
public final class StatisticsSampler {
    private StatisticsSampler() {
    }

    public static void sample(History history, Topology topology, List<String> regions) {
        for (String name : regions) {
            Region r = topology.region(name);
            for (var agent : r.agents()) {
                var op = history.invoke("checker", r.name(), Op.Kind.STATS);
                try {
                    op.note(r.admin().execute("show mrtable-agent-statistics -agent " + agent.id() + " -json")).ok();
                } catch (RuntimeException e) {
                    op.fail(e.getMessage());
                }
            }
        }
    }
}
