package io.mrtck.mr;

import io.mrtck.harness.MrFixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mrtck.client.RegionClients;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.values.MapValue;

/**
 * Concurrent writes converge (MR-SEMANTICS.md, "Conflict resolution" and "MR_COUNTER"). Conflicts
 * are made deterministic by pausing both agents, writing both sides, then resuming; which write
 * is later is decided by skewing the later region's clock forward.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
class ConflictIT {
    private final Topology topology;
    private final MrFixture mr;

    ConflictIT(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.mr = new MrFixture(topology, clients);
    }

    private void later(String region, Runnable writes) {
        org.junit.jupiter.api.Assumptions.assumeTrue(topology.capabilities().contains(io.mrtck.topology.Capability.CLOCK_SKEW),
            "this target cannot skew a region's clock (CLOCK_SKEW): which write is later cannot be arranged");
        topology.region(region).skewClock(Duration.ofSeconds(5));
        try {
            writes.run();
        } finally {
            topology.region(region).skewClock(Duration.ZERO);
        }
    }

    @ParameterizedTest(name = "{1} writes later and wins")
    @CsvSource({"FR, CO", "CO, FR"})
    void theLaterWriteWinsInBothRegions(String earlier, String later) {
        String t = MrFixture.table("Lww");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.pauseAgents();
        try {
            mr.sql(earlier, "UPSERT INTO " + t + " VALUES(1, \"" + earlier + "\")");
            later(later, () -> mr.sql(later, "UPSERT INTO " + t + " VALUES(1, \"" + later + "\")"));
        } finally {
            mr.resumeAgents();
        }
        mr.converge(t, "id");
        assertThat(mr.get(earlier, t, new MapValue().put("id", 1)).getValue().getString("v")).isEqualTo(later);
    }

    @ParameterizedTest(name = "delete in {0}, later update in {1}: the update wins")
    @CsvSource({"FR, CO", "CO, FR"})
    void aLaterUpdateBeatsAnEarlierDelete(String deleter, String updater) {
        String t = MrFixture.table("DelUpd");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.sql("FR", "UPSERT INTO " + t + " VALUES(1, \"first\")");
        mr.converge(t, "id");
        mr.pauseAgents();
        try {
            mr.sql(deleter, "DELETE FROM " + t + " WHERE id = 1");
            later(updater, () -> mr.sql(updater, "UPDATE " + t + " SET v = \"updated\" WHERE id = 1"));
        } finally {
            mr.resumeAgents();
        }
        mr.converge(t, "id");
        assertThat(mr.get(deleter, t, new MapValue().put("id", 1)).getValue().getString("v")).isEqualTo("updated");
    }

    @ParameterizedTest(name = "update in {0}, later delete in {1}: the delete wins")
    @CsvSource({"FR, CO", "CO, FR"})
    void aLaterDeleteBeatsAnEarlierUpdate(String updater, String deleter) {
        String t = MrFixture.table("UpdDel");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        mr.sql("FR", "UPSERT INTO " + t + " VALUES(1, \"first\")");
        mr.converge(t, "id");
        mr.pauseAgents();
        try {
            mr.sql(updater, "UPDATE " + t + " SET v = \"updated\" WHERE id = 1");
            later(deleter, () -> mr.sql(deleter, "DELETE FROM " + t + " WHERE id = 1"));
        } finally {
            mr.resumeAgents();
        }
        assertThat(mr.converge(t, "id").rows()).as("rows after the delete won").isEmpty();
    }

    @Test
    void onEqualTimestampsTheGreaterRegionNameWins() {
        // MR-SEMANTICS.md: on-prem tie rule, names compared case-insensitively ("to verify" on a real store).
        String t = MrFixture.table("Tie");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        java.time.Instant instant = java.time.Instant.now().plusSeconds(10);
        org.junit.jupiter.api.Assumptions.assumeTrue(topology.capabilities().contains(io.mrtck.topology.Capability.CLOCK_FREEZE),
            "this target cannot freeze region clocks (CLOCK_FREEZE): a timestamp tie cannot be arranged");
        mr.pauseAgents();
        try {
            topology.regions().forEach(r -> r.freezeClock(instant));
            mr.sql("CO", "UPSERT INTO " + t + " VALUES(1, \"CO\")");
            mr.sql("FR", "UPSERT INTO " + t + " VALUES(1, \"FR\")");
        } finally {
            topology.regions().forEach(r -> r.skewClock(Duration.ZERO));
            mr.resumeAgents();
        }
        mr.converge(t, "id");
        assertThat(mr.get("CO", t, new MapValue().put("id", 1)).getValue().getString("v"))
            .as("FR > CO: FR's write wins the tie in CO").isEqualTo("FR");
        assertThat(mr.get("CO", t, new MapValue().put("id", 1)).getModificationTime()).isEqualTo(instant.toEpochMilli());
    }

    @Test
    void counterPlusTenInFrAndMinusFourInCoReadsSixInBoth() {
        String t = MrFixture.table("Cnt");
        mr.createMrTable(t, "id INTEGER, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(1, DEFAULT)");
        mr.converge(t, "id");
        mr.pauseAgents();
        try {
            mr.sql("FR", "UPDATE " + t + " SET cnt = cnt + 10 WHERE id = 1");
            mr.sql("CO", "UPDATE " + t + " SET cnt = cnt - 4 WHERE id = 1");
        } finally {
            mr.resumeAgents();
        }
        mr.converge(t, "id");
        assertThat(mr.get("FR", t, new MapValue().put("id", 1)).getValue().getInt("cnt")).isEqualTo(6);
    }

    @Test
    void concurrentIncrementsFromManyClientsInBothRegionsSumExactly() throws Exception {
        String t = MrFixture.table("Many");
        mr.createMrTable(t, "id INTEGER, cnt LONG AS MR_COUNTER, doc JSON(hits AS NUMBER MR_COUNTER), PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(1, DEFAULT, {\"hits\": 0})");
        mr.converge(t, "id");
        int perClient = 50;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (String region : List.of("FR", "CO")) {
                for (int c = 0; c < 4; c++) {
                    clients.add(pool.submit(() -> {
                        for (int i = 0; i < perClient; i++) {
                            mr.sql(region, "UPDATE " + t + " u SET u.cnt = u.cnt + 1, u.doc.hits = u.doc.hits - 1"
                                + " WHERE id = 1");
                        }
                    }));
                }
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        mr.converge(t, "id");
        MapValue row = mr.get("CO", t, new MapValue().put("id", 1)).getValue();
        assertThat(row.getLong("cnt")).as("LONG counter after 400 increments").isEqualTo(400L);
        assertThat(row.get("doc").asMap().get("hits").getNumber().intValueExact())
            .as("JSON NUMBER counter after 400 decrements").isEqualTo(-400);
    }
}
