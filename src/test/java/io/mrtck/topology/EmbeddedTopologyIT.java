package io.mrtck.topology;

import static io.mrtck.harness.TableContents.createEverywhere;
import static io.mrtck.harness.TableContents.describe;
import static io.mrtck.harness.TableContents.everywhere;
import static io.mrtck.harness.TableContents.query;
import static io.mrtck.harness.TableContents.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mrtck.client.RegionClients;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.harness.TableContents.RowView;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * The embedded topology end to end, only through the SDK and the topology's hooks: the
 * workshop's table and DML replicate exactly, link latency delays one direction, a skewed clock
 * stamps writes. Pausing, killing, partitioning and restarting are checked by the suites
 * (FaultsIT), on every target that offers them.
 * Each test uses its own table, so tests are independent of each other's order.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
class EmbeddedTopologyIT {

    /** This class checks the embedded target's own hooks (all capabilities, clocks); other targets have theirs. */
    @org.junit.jupiter.api.BeforeAll
    static void embeddedOnly() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Targets.selected().equals("embedded"),
            "EmbeddedTopologyIT checks the embedded target only");
    }
    /** The first write to a new MR table may take long (agents discover the table); bounds only, waits end early. */
    private static final Duration FIRST_WRITE = MrFixture.firstWriteTimeout();
    private static final Duration ARRIVAL = MrFixture.convergeTimeout();
    private static final Duration HELD_BACK = Duration.ofSeconds(1);
    /** Long against any stall of a busy machine, so "not arrived yet" checked right after a fast write holds. */
    private static final Duration LATENCY = Duration.ofSeconds(10);

    private final Topology topology;
    private final RegionClients clients;

    EmbeddedTopologyIT(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.clients = clients;
    }

    private NoSQLHandle fr() {
        return clients.handle("FR");
    }

    private NoSQLHandle co() {
        return clients.handle("CO");
    }

    private void createTable(String name) {
        createEverywhere(clients, topology, "CREATE TABLE " + name
            + "(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS CO, FR");
    }

    private void put(NoSQLHandle h, String table, int id, String v) {
        h.put(new PutRequest().setTableName(table).setValue(new MapValue().put("id", id).put("v", v)));
    }

    private String v(NoSQLHandle h, String table, int id) {
        RowView r = row(h, table, "id", id);
        return r == null ? null : r.value().getString("v");
    }

    /** Waits until {@code id} holds {@code expected} in CO; the message shows both regions. */
    private void awaitInCo(String table, int id, String expected, Duration atMost) {
        awaitIn("CO", table, id, expected, atMost);
    }

    private void awaitIn(String region, String table, int id, String expected, Duration atMost) {
        await(table + " row " + id + " = " + expected + " in " + region).atMost(atMost).untilAsserted(() ->
            assertThat(v(clients.handle(region), table, id)).as("%s row %d in %s; regions hold %s", table, id, region,
                describe(everywhere(clients, topology, table, "id", List.of(id)))).isEqualTo(expected));
    }


    /** A replicated first row, so later waits measure the fault, not table discovery. */
    private void warmUp(String table) {
        put(fr(), table, 0, "warm-up");
        awaitInCo(table, 0, "warm-up", FIRST_WRITE);
    }

    @Test
    void workshopRowsReachCoWithTheSameValuesAndTimes() throws IOException {
        createEverywhere(clients, topology, "CREATE TABLE Users(uid INTEGER, person JSON,PRIMARY KEY(uid))  IN REGIONS CO , FR");
        List<String> dml = Files.readAllLines(Path.of("fixtures/workshop/users-dml.sql")).stream()
            .map(String::strip).filter(s -> !s.isEmpty() && !s.toLowerCase().startsWith("select"))
            .map(s -> s.endsWith(";") ? s.substring(0, s.length() - 1) : s).toList();
        assertThat(dml).hasSize(4);
        dml.forEach(s -> query(fr(), s));
        fr().put(new PutRequest().setTableName("users").setTTL(TimeToLive.ofDays(3))
            .setValue(new MapValue().put("uid", 3).putFromJson("person", "{\"firstName\":\"ttl\",\"location\":\"FR\"}", null)));
        List<Integer> keys = List.of(1, 2, 3);

        await("FR's users rows (values, modification and expiration times) in CO").atMost(FIRST_WRITE)
            .untilAsserted(() -> {
                Map<String, Map<Integer, RowView>> all = everywhere(clients, topology, "users", "uid", keys);
                assertThat(all.get("CO")).as("CO vs FR; regions hold %s", describe(all)).isEqualTo(all.get("FR"));
            });
        Map<String, Map<Integer, RowView>> all = everywhere(clients, topology, "users", "uid", keys);
        Map<Integer, RowView> fr = all.get("FR");
        assertThat(fr.get(1).value().get("person").asMap().getString("location")).as(describe(all)).isEqualTo("CO");
        assertThat(fr.get(2).value().get("person").asMap().getString("location")).as(describe(all)).isEqualTo("FR");
        assertThat(fr.get(3).expirationTime()).as(describe(all)).isPositive();
        assertThat(query(co(), "SELECT * FROM users")).hasSize(3);
    }

    @Test
    void latencyOnOneLinkDelaysOnlyThatDirection() {
        String t = "slow";
        createTable(t);
        warmUp(t);
        topology.addLatency("FR", "CO", LATENCY);
        try {
            put(fr(), t, 1, "slow");
            put(co(), t, 2, "fast");
            // over the undelayed CO -> FR link; by then FR's earlier write is still on the slow link
            awaitIn("FR", t, 2, "fast", ARRIVAL);
            assertThat(v(co(), t, 1)).as("FR's write over the link with %s latency, once CO's write reached FR", LATENCY)
                .isNull();
            awaitInCo(t, 1, "slow", ARRIVAL.plus(LATENCY));
        } finally {
            topology.addLatency("FR", "CO", Duration.ZERO);
        }
    }

    @Test
    void aSkewedClockStampsWritesAndDecidesConflicts() {
        String t = "skewed";
        createTable(t);
        warmUp(t);
        Region frRegion = topology.region("FR");
        Agent frAgent = frRegion.agent();
        Agent coAgent = topology.region("CO").agent();
        frRegion.skewClock(Duration.ofHours(1));
        try {
            frAgent.pause();
            coAgent.pause();
            try {
                long before = System.currentTimeMillis();
                put(fr(), t, 1, "FR, an hour ahead");
                put(co(), t, 1, "CO, later in real time");
                assertThat(row(fr(), t, "id", 1).modificationTime())
                    .as("FR's modification time comes from its skewed clock")
                    .isGreaterThanOrEqualTo(before + Duration.ofMinutes(59).toMillis());
            } finally {
                frAgent.resume();
                coAgent.resume();
            }
            awaitInCo(t, 1, "FR, an hour ahead", ARRIVAL);
            await("FR keeps its own (later-stamped) write").during(HELD_BACK).atMost(ARRIVAL)
                .until(() -> "FR, an hour ahead".equals(v(fr(), t, 1)));
            assertThat(row(co(), t, "id", 1).modificationTime()).isEqualTo(row(fr(), t, "id", 1).modificationTime());
        } finally {
            frRegion.skewClock(Duration.ZERO);
        }
    }

    @Test
    void unknownRegionsAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> topology.region("DE")).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("DE").hasMessageContaining("FR").hasMessageContaining("CO");
        assertThat(topology.capabilities()).containsExactlyInAnyOrder(Capability.values());
        assertThat(topology.region("fr").storeName()).isEqualTo("OUGFR");
    }
}
