package io.mrtck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.cli.Main;
import io.mrtck.client.RegionClients;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.harness.StatisticsInterval;
import io.mrtck.harness.TableContents;
import oracle.nosql.driver.values.MapValue;

/** The admin commands of a topology's regions, as the workshop uses them for backups. */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = AdminCommandsIT.STATS_INTERVAL_SECS)
class AdminCommandsIT {
    private final ObjectMapper json = new ObjectMapper();

    /**
     * Long enough that a slow admin command (a JVM per command on the process target) still sees
     * each interval while it is the latest, and two commands in a row often see the same one.
     */
    static final int STATS_INTERVAL_SECS = 5;
    /** A statistics interval is written once it ends: up to two intervals after something happened (60 s each on a real agent). */
    private static final Duration INTERVALS = Duration.ofSeconds(2 * 60);

    @Test
    void agentStatisticsComeInTheRealEnvelopeWithLagPerRemoteRegion(Topology topology, RegionClients clients)
        throws Exception {
        AdminAccess co = topology.region("CO").admin();
        AtomicReference<String> last = new AtomicReference<>();
        await("a statistics interval of CO's agent with a regionStat for FR")
            .atMost(MrFixture.firstWriteTimeout().plus(INTERVALS)).pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> {
                last.set(co.execute("show mrtable-agent-statistics -agent 0 -json"));
                assertThat(json.readTree(last.get()).at("/returnValue/0/statistics/regionStat/FR").isObject())
                    .as("regionStat.FR in %s", last.get()).isTrue();
            });
        JsonNode env = json.readTree(last.get());
        assertThat(env.get("operation").asText()).isEqualTo("show mrtable-agent-statistics");
        assertThat(env.get("returnCode").asInt()).isEqualTo(5000);
        assertThat(env.get("description").asText()).isEqualTo("Operation ends successfully");
        JsonNode entry = env.at("/returnValue/0");
        assertThat(entry.get("timestamp").asLong()).isPositive();
        JsonNode stats = entry.get("statistics");
        assertThat(stats.get("agentId").asText()).isEqualTo("XRegionService-1_0");
        assertThat(stats.get("localRegion").asText()).isEqualTo("CO");
        for (String field : new String[] {"beginMs", "endMs", "intervalMs", "puts", "dels", "winPuts", "streamBytes"}) {
            assertThat(stats.has(field)).as("%s in %s", field, stats).isTrue();
        }
        assertThat(stats.has("tableStat")).as("tableStat is shown only with -table: %s", stats).isFalse();
        JsonNode fr = stats.at("/regionStat/FR");
        for (String field : new String[] {"lastMessageMs", "lastModificationMs", "completeWriteOps"}) {
            assertThat(fr.has(field)).as("regionStat.FR.%s in %s", field, stats).isTrue();
        }
        for (String field : new String[] {"min", "max", "avg", "count", "percent95", "percent99"}) {
            assertThat(fr.at("/laggingMs").has(field)).as("laggingMs.%s in %s", field, stats).isTrue();
            assertThat(fr.at("/latencyMs").has(field)).as("latencyMs.%s in %s", field, stats).isTrue();
        }
    }

    /** The interval in which CO's agent applied a write from FR, and the same interval of the table's statistics. */
    private record Applied(StatisticsInterval agent, JsonNode table) {
    }

    @Test
    void theIntervalThatAppliedAReplicatedWriteCountsIt(Topology topology, RegionClients clients) throws Exception {
        MrFixture mr = new MrFixture(topology, clients);
        String t = MrFixture.table("stats");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        AdminAccess co = topology.region("CO").admin();
        AtomicInteger id = new AtomicInteger();
        AtomicReference<Applied> found = new AtomicReference<>();
        List<String> seen = new ArrayList<>();
        // Only the latest interval is shown: write, find the interval that applied the write if the
        // command still shows it (else write again), and ask the table's statistics of that same interval.
        try {
            await("the interval of CO's agent that applied a write from FR to " + t)
                .atMost(MrFixture.firstWriteTimeout().plus(INTERVALS.multipliedBy(2))).pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    MapValue key = new MapValue().put("id", id.incrementAndGet());
                    mr.put("FR", t, new MapValue().put("id", id.get()).put("v", "x"), null);
                    long writtenAt = mr.get("FR", t, key).getModificationTime();
                    StatisticsInterval after = firstIntervalThatHasSeen(co, writtenAt, mr.timeoutFor(t).plus(INTERVALS));
                    seen.add("write at " + writtenAt + ", interval " + after);
                    if (!after.applied("FR", writtenAt)) {
                        return false;
                    }
                    JsonNode table = json.readTree(co.execute("show mrtable-agent-statistics -table " + t + " -json"))
                        .at("/returnValue/XRegionService-1_0");
                    found.set(new Applied(after, table.path("statistics")));
                    return table.path("timestamp").asLong() == after.timestamp();
                });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no interval of CO's agent showed a write from FR as applied in it, with the "
                + "table's statistics of the same interval; last seen: " + seen.subList(Math.max(0, seen.size() - 3),
                seen.size()), e);
        }
        JsonNode fr = found.get().agent().from("FR");
        String intervals = found.get().agent() + "; table: " + found.get().table();
        assertThat(fr.path("completeWriteOps").asLong()).as(intervals).isPositive();
        assertThat(fr.at("/laggingMs/count").asLong()).as(intervals).isPositive();
        assertThat(found.get().agent().statistics().path("puts").asLong()).as(intervals).isPositive();
        JsonNode table = found.get().table();
        assertThat(table.get("tableName").asText()).as(intervals).isEqualToIgnoringCase(t);
        assertThat(table.get("puts").asLong()).as(intervals).isPositive();
        assertThat(table.has("expiredPuts")).as(intervals).isTrue();
        assertThat(table.has("initialization")).as(intervals).isTrue();
    }

    /** The first latest interval of CO's agent whose lastModificationMs from FR is at least {@code writtenAt}. */
    private static StatisticsInterval firstIntervalThatHasSeen(AdminAccess co, long writtenAt, Duration bound) {
        AtomicReference<StatisticsInterval> latest = new AtomicReference<>();
        try {
            await().atMost(bound).pollInterval(Duration.ofMillis(100)).until(() -> {
                latest.set(StatisticsInterval.latest(co));
                return latest.get() != null && latest.get().from("FR").path("lastModificationMs").asLong(-1) >= writtenAt;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("no interval of CO's agent saw FR's write of " + writtenAt + " within " + bound
                + "; latest: " + latest.get(), e);
        }
        return latest.get();
    }

    @Test
    void tableStatisticsAreKeyedByAgentId(Topology topology, RegionClients clients) throws Exception {
        TableContents.createEverywhere(clients, topology,
            "CREATE TABLE tstats(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS CO, FR");
        AdminAccess co = topology.region("CO").admin();
        await("CO's agent has written statistics").atMost(MrFixture.firstWriteTimeout().plus(INTERVALS))
            .until(() -> json.readTree(co.execute("show mrtable-agent-statistics -json")).get("returnValue").size() > 0);
        JsonNode table = json.readTree(co.execute("show mrtable-agent-statistics -table tstats -json"))
            .at("/returnValue/XRegionService-1_0/statistics");
        assertThat(table.get("tableName").asText()).as(table.toString()).isEqualTo("tstats");
        assertThat(table.get("agentId").asText()).as(table.toString()).isEqualTo("XRegionService-1_0");
        for (String field : new String[] {"puts", "dels", "winPuts", "winDels", "expiredPuts", "incompatibleRows",
            "initialization", "tableId"}) {
            assertThat(table.has(field)).as("%s in %s", field, table).isTrue();
        }
        assertThatThrownBy(() -> co.execute("show mrtable-agent-statistics -table nosuch -json"))
            .isInstanceOf(AdminCommandException.class).hasMessage("Table not found: nosuch");
    }

    @Test
    void adminRefusalsAreAdminCommandExceptions(Topology topology) {
        AdminAccess fr = topology.region("FR").admin();
        assertThatThrownBy(() -> fr.execute("show regions")).isInstanceOf(AdminCommandException.class)
            .hasMessageContaining("execute 'SHOW REGIONS'");
        assertThatThrownBy(() -> fr.execute("frobnicate")).isInstanceOf(AdminCommandException.class)
            .hasMessageContaining("Unknown command: frobnicate");
        assertThat(fr.execute("execute 'SHOW AS JSON REGIONS'"))
            .contains("{\"name\" : \"FR\", \"type\" : \"local\", \"state\" : \"active\"}")
            .contains("{\"name\" : \"CO\", \"type\" : \"remote\", \"state\" : \"active\"}");
        assertThat(fr.execute("ping")).contains("OUGFR").contains("RUNNING");
    }

    @Test
    void theAdminCommandLineReachesARegionOverHttp(Topology topology) {
        String endpoint = topology.region("CO").endpoint();
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int ok;
        int refused;
        try (PrintStream p = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(p);
            System.setErr(p);
            ok = Main.run("admin", "--endpoint", endpoint, "execute", "SHOW REGIONS");
            refused = Main.run("admin", "--endpoint", endpoint, "show regions");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String text = captured.toString(StandardCharsets.UTF_8);
        assertThat(ok).as(text).isZero();
        assertThat(refused).as(text).isEqualTo(1);
        assertThat(text).contains("CO (local, active)").contains("not an admin command");
    }
}
