package io.mrtck.mr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.mrtck.client.RegionClients;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.values.MapValue;

/**
 * The fault hooks of whichever target runs, each through the SDK only: a paused agent holds
 * replication back until resumed, a cut link holds both directions back until healed, a
 * restarted region keeps its rows and its endpoint. A hook the target lacks is skipped with
 * the reason.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
class FaultHooksIT {
    private static final Duration HELD = Duration.ofSeconds(2);
    private final Topology topology;
    private final MrFixture mr;

    FaultHooksIT(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.mr = new MrFixture(topology, clients);
    }

    private void require(Capability c) {
        assumeTrue(topology.capabilities().contains(c), "this target has no " + c + " hook; it has "
            + topology.capabilities());
    }

    private boolean inCo(String t, int id) {
        return mr.get("CO", t, new MapValue().put("id", id)).getValue() != null;
    }

    private boolean inFr(String t, int id) {
        return mr.get("FR", t, new MapValue().put("id", id)).getValue() != null;
    }

    @Test
    void aPausedAgentHoldsReplicationBackUntilResumed() {
        require(Capability.PAUSE_AGENT);
        String t = MrFixture.table("Pause");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(0, \"warm-up\")");
        mr.converge(t, "id");
        topology.region("CO").agent().pause();
        try {
            mr.sql("FR", "INSERT INTO " + t + " VALUES(1, \"held\")");
            await("row 1 stays out of CO while CO's agent is paused").during(HELD).atMost(HELD.plusSeconds(5))
                .until(() -> !inCo(t, 1));
        } finally {
            topology.region("CO").agent().resume();
        }
        await("row 1 in CO after resume").atMost(Duration.ofSeconds(60)).until(() -> inCo(t, 1));
    }

    @Test
    void aCutLinkHoldsBothDirectionsBackUntilHealed() {
        require(Capability.PARTITION);
        String t = MrFixture.table("Cut");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(0, \"warm-up\")");
        mr.converge(t, "id");
        topology.partition("FR", "CO");
        try {
            mr.sql("FR", "INSERT INTO " + t + " VALUES(1, \"from FR\")");
            mr.sql("CO", "INSERT INTO " + t + " VALUES(2, \"from CO\")");
            await("rows stay on their side while the link is cut").during(HELD).atMost(HELD.plusSeconds(5))
                .until(() -> !inCo(t, 1) && !inFr(t, 2));
        } finally {
            topology.heal("FR", "CO");
        }
        await("both rows in both regions after heal").atMost(Duration.ofSeconds(60))
            .until(() -> inCo(t, 1) && inFr(t, 2));
    }

    @Test
    void aRestartedRegionKeepsItsRowsAndEndpointAndReplicatesAgain() {
        require(Capability.RESTART_REGION);
        String t = MrFixture.table("Restart");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(1, \"before\")");
        mr.converge(t, "id");
        String endpoint = topology.region("CO").endpoint();
        topology.region("CO").restart();
        assertThat(topology.region("CO").endpoint()).isEqualTo(endpoint);
        assertThat(inCo(t, 1)).as("row 1 kept by CO's store across its restart").isTrue();
        mr.sql("FR", "INSERT INTO " + t + " VALUES(2, \"after\")");
        await("row 2 replicated to the restarted CO").atMost(Duration.ofSeconds(60)).until(() -> inCo(t, 2));
    }
}
