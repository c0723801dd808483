package io.mrtck.mr;

import io.mrtck.harness.MrFixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.values.MapValue;

/**
 * An agent killed in the middle of a stream of inserts and increments, then restarted,
 * leaves every region with exactly the expected rows and counts: nothing lost, nothing
 * counted twice (the checkpoint commits with the batch it covers).
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
class AgentCrashIT {
    private final Topology topology;
    private final MrFixture mr;

    AgentCrashIT(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.mr = new MrFixture(topology, clients);
    }

    @ParameterizedTest(name = "kill the agent of {0}")
    @ValueSource(strings = {"CO", "FR"})
    void killedAgentResumesWithoutLossOrDoubleCounting(String victim) throws Exception {
        String t = MrFixture.table("Crash");
        mr.createMrTable(t, "id INTEGER, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(0, DEFAULT)");
        mr.converge(t, "id");
        int writes = 300;
        ExecutorService writer = Executors.newFixedThreadPool(2);
        try {
            Future<?> fr = writer.submit(() -> {
                for (int i = 1; i <= writes; i++) {
                    mr.sql("FR", "INSERT INTO " + t + " VALUES(" + i + ", DEFAULT)");
                    mr.sql("FR", "UPDATE " + t + " SET cnt = cnt + 1 WHERE id = 0");
                }
            });
            Future<?> co = writer.submit(() -> {
                for (int i = 1; i <= writes; i++) {
                    mr.sql("CO", "INSERT INTO " + t + " VALUES(" + (10_000 + i) + ", DEFAULT)");
                    mr.sql("CO", "UPDATE " + t + " SET cnt = cnt + 1 WHERE id = 0");
                }
            });
            // Kill once the stream is under way, restart while writes still flow.
            org.awaitility.Awaitility.await("some FR rows reached CO before the kill")
                .atMost(MrFixture.convergeTimeout()).until(() -> mr.get("CO", t, new MapValue().put("id", 20)).getValue() != null);
            topology.region(victim).agent().kill();
            org.awaitility.Awaitility.await("more writes made while the agent is down")
                .atMost(MrFixture.convergeTimeout()).until(() -> mr.get("FR", t, new MapValue().put("id", 150)).getValue() != null);
            topology.region(victim).agent().restart();
            fr.get();
            co.get();
        } finally {
            writer.shutdownNow();
        }
        TableFingerprint agreed = mr.converge(t, "id");
        assertThat(agreed.rows()).as("rows in both regions").hasSize(1 + 2 * writes);
        assertThat(mr.get("FR", t, new MapValue().put("id", 0)).getValue().getInt("cnt"))
            .as("increments counted once each").isEqualTo(2 * writes);
    }
}
