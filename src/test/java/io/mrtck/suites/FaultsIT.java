package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.ModelledTable;
import io.mrtck.harness.MultiRegion;
import io.mrtck.model.ModelTable;
import io.mrtck.model.Write;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replication survives faults (DESIGN.md "faults"; MR-SEMANTICS.md "Regressions": lost streamed
 * operations KVSTORE-1542, checkpoint data loss 772/1525, lost remote deletes after resume 986):
 * after an agent crash, a partition or a region restart the regions converge, with nothing
 * lost and no counter update applied twice.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
@DisplayName("Faults")
class FaultsIT {
    private static final int WRITES = 300;
    /** Kills per agent-crash case: each one can land between a checkpoint and the apply it covers. */
    private static final int KILLS = 3;
    /** How long a held-back write is watched for not arriving. */
    private static final Duration HELD = Duration.ofSeconds(2);
    private final Topology topology;
    private final RegionClients clients;
    private final MrFixture mr;

    FaultsIT(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.clients = clients;
        this.mr = new MrFixture(topology, clients);
    }

    /** An MR table {@code (id, cnt MR_COUNTER)} with row 0 in every region; its writes go through the model too. */
    private ModelledTable counterTable() {
        ModelledTable t = new ModelledTable(mr, clients, new ModelTable(MrFixture.table("Fault"),
            List.of(ModelTable.Column.of("id", "INTEGER"), ModelTable.Column.counter("cnt", "INTEGER")),
            List.of("id"), 0, null));
        t.write("FR", insert(t, 0));
        t.assertEveryRegionMatchesTheModel();
        return t;
    }

    private static Write insert(ModelledTable t, int id) {
        return new Write.Put(t.name(), t.row("id", id), Write.Condition.IF_ABSENT, null, null, false);
    }

    /** Both regions insert WRITES rows and increment row 0 once per row, while {@code fault} runs. */
    private void writeFromBothRegions(ModelledTable t, Runnable fault) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            Future<?> fr = writers.submit(() -> writes("FR", t, 1));
            Future<?> co = writers.submit(() -> writes("CO", t, 10_000));
            fault.run();
            fr.get();
            co.get();
        } finally {
            writers.shutdownNow();
        }
    }

    private void writes(String region, ModelledTable t, int firstId) {
        ObjectNode row0 = t.row("id", 0);
        for (int i = 0; i < WRITES; i++) {
            t.write(region, insert(t, firstId + i));
            t.write(region, new Write.Update(t.name(), row0, List.of(new Write.Increment("cnt", 1))));
            if (i % 50 == 49) {
                // a row written a while ago: a delete in the same millisecond as its insert meets a
                // known reference gap (ConflictIT#twoWritesOfOneRegionInOneMillisecond)
                t.write(region, new Write.Delete(t.name(), t.row("id", firstId + i - 25), Write.Condition.ALWAYS, null));
            }
        }
    }

    /** The regions agree with the model of these writes, and with the counts the test knows. */
    private void assertNothingLostNothingCountedTwice(ModelledTable modelled) {
        String t = modelled.name();
        TableFingerprint agreed = mr.convergeAfterFault(t, "id");
        modelled.assertEveryRegionMatchesTheModel();
        assertThat(agreed.rows()).as("rows in every region").hasSize(1 + 2 * (WRITES - WRITES / 50));
        for (String r : mr.regionNames()) {
            assertThat(mr.get(r, t, new MapValue().put("id", 0)).getValue().getInt("cnt"))
                .as("increments counted once each in %s", r).isEqualTo(2 * WRITES);
        }
    }

    private boolean has(String region, String t, int id) {
        return mr.get(region, t, new MapValue().put("id", id)).getValue() != null;
    }

    /** Bounded like a first write: the row may have to wait for an agent that is starting again. */
    private void awaitRow(String region, String t, int id) {
        await("row " + id + " visible in " + region).atMost(MrFixture.firstWriteTimeout()).until(() -> has(region, t, id));
    }

    /** Absence can only be watched for a while: {@link #HELD}, within a generous bound for busy machines. */
    private void assertHeldBack(String what, Callable<Boolean> absent) {
        await(what).during(HELD).atMost(HELD.plus(MrFixture.convergeTimeout())).until(absent);
    }

    @ParameterizedTest(name = "the agent of {0} is paused: a write from the other region waits until it resumes")
    @ValueSource(strings = {"CO", "FR"})
    void aPausedAgentHoldsReplicationBackUntilResumed(String paused) {
        // The premise of ConflictIT: while an agent is paused, nothing reaches its region.
        mr.require(Capability.PAUSE_AGENT, "pause an agent");
        String t = mr.streamingTable("Held");
        String writer = paused.equals("CO") ? "FR" : "CO";
        topology.region(paused).agent().pause();
        try {
            mr.sql(writer, "INSERT INTO " + t + " VALUES(2, \"held\")");
            assertHeldBack("row 2 stays out of " + paused + " while its agent is paused", () -> !has(paused, t, 2));
        } finally {
            topology.region(paused).agent().resume();
        }
        assertThat(mr.converge(t, "id").rows()).as("rows after resume").hasSize(2);
    }

    @ParameterizedTest(name = "the link is cut: writes stay on their side until it heals (first write in {0})")
    @ValueSource(strings = {"FR", "CO"})
    void aCutLinkHoldsBothDirectionsBackUntilHealed(String first) {
        mr.require(Capability.PARTITION, "cut the link between regions");
        String t = mr.streamingTable("Held");
        String second = first.equals("FR") ? "CO" : "FR";
        topology.partition("FR", "CO");
        try {
            mr.sql(first, "INSERT INTO " + t + " VALUES(2, \"from " + first + "\")");
            mr.sql(second, "INSERT INTO " + t + " VALUES(3, \"from " + second + "\")");
            assertHeldBack("rows stay on their side while the link is cut",
                () -> !has(second, t, 2) && !has(first, t, 3));
        } finally {
            topology.heal("FR", "CO");
        }
        assertThat(mr.convergeAfterFault(t, "id").rows()).as("rows after heal").hasSize(3);
    }

    @ParameterizedTest(name = "the agent of {0} is killed mid-stream and restarted, " + KILLS + " times")
    @ValueSource(strings = {"CO", "FR"})
    void aKilledAgentResumesFromItsCheckpoint(String victim) throws Exception {
        // MR-SEMANTICS.md "Regressions": checkpoint data loss (KVSTORE-772, 1525), lost streamed operations
        // (1542); MR-BUG-CATALOGUE.md M2: the agent killed repeatedly while a numbered sequence streams.
        mr.require(Capability.KILL_AGENT, "crash an agent");
        ModelledTable t = counterTable();
        String writer = victim.equals("CO") ? "FR" : "CO";
        int firstId = writer.equals("FR") ? 1 : 10_000;
        writeFromBothRegions(t, () -> {
            for (int kill = 1; kill <= KILLS; kill++) {
                // ids clear of the rows writes() deletes (firstId + 24, + 74, ...)
                awaitRow(victim, t.name(), firstId + 40 * kill);
                topology.region(victim).agent().kill();
                awaitRow(writer, t.name(), firstId + 40 * kill + 20);
                topology.region(victim).agent().restart();
            }
        });
        assertNothingLostNothingCountedTwice(t);
    }

    @ParameterizedTest(name = "the link is partitioned while both write (first write in {0}), then healed")
    @ValueSource(strings = {"FR", "CO"})
    void aHealedPartitionConverges(String first) throws Exception {
        // MR-SEMANTICS.md "Regressions": lost remote deletes after resume (KVSTORE-986).
        mr.require(Capability.PARTITION, "cut the link between regions");
        ModelledTable t = counterTable();
        int firstId = first.equals("FR") ? 1 : 10_000;
        writeFromBothRegions(t, () -> {
            awaitRow(first, t.name(), firstId + 10);
            topology.partition("FR", "CO");
            awaitRow(first, t.name(), firstId + 120);
            topology.heal("FR", "CO");
        });
        assertNothingLostNothingCountedTwice(t);
    }

    @ParameterizedTest(name = "region {0} restarts between two batches of writes")
    @ValueSource(strings = {"FR", "CO"})
    void aRestartedRegionCatchesUp(String victim) throws Exception {
        // MR-SEMANTICS.md "Seen on a real deployment": a restarted store is ready in ~12 s and the agents resume.
        mr.require(Capability.RESTART_REGION, "restart a region");
        ModelledTable m = counterTable();
        String t = m.name();
        String other = victim.equals("FR") ? "CO" : "FR";
        Write increment = new Write.Update(t, m.row("id", 0), List.of(new Write.Increment("cnt", 1)));
        for (int i = 1; i <= 50; i++) {
            m.write(other, insert(m, i));
            m.write(victim, increment);
        }
        topology.region(victim).restart();
        for (int i = 51; i <= 100; i++) {
            m.write(other, insert(m, i));
            m.write(victim, increment);
        }
        TableFingerprint agreed = mr.convergeAfterFault(t, "id");
        m.assertEveryRegionMatchesTheModel();
        assertThat(agreed.rows()).hasSize(101);
        assertThat(mr.get(other, t, new MapValue().put("id", 0)).getValue().getInt("cnt")).isEqualTo(100);
    }
}
