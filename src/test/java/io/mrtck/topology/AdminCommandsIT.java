package io.mrtck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.cli.Main;
import io.mrtck.client.RegionClients;
import io.mrtck.harness.MultiRegion;
import io.mrtck.harness.TableContents;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.values.MapValue;

/** The admin commands of a topology's regions, as the workshop uses them for backups. */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
class AdminCommandsIT {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void agentStatisticsComeInTheRealEnvelopeWithLagPerRemoteRegion(Topology topology, RegionClients clients)
        throws Exception {
        AdminAccess co = topology.region("CO").admin();
        AtomicReference<String> last = new AtomicReference<>();
        await("a statistics interval of CO's agent with a regionStat for FR").atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(250))
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

    @Test
    void theLatestIntervalCountsReplicatedWrites(Topology topology, RegionClients clients) throws Exception {
        TableContents.createEverywhere(clients, topology,
            "CREATE TABLE stats(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS CO, FR");
        AdminAccess co = topology.region("CO").admin();
        AtomicReference<String> last = new AtomicReference<>();
        AtomicInteger id = new AtomicInteger();
        // keep writing, so that whichever interval is the latest has seen writes from FR
        await("an interval of CO's agent with completeWriteOps > 0 from FR").atMost(Duration.ofSeconds(40))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> {
                clients.handle("FR").put(new PutRequest().setTableName("stats")
                    .setValue(new MapValue().put("id", id.incrementAndGet()).put("v", "x")));
                last.set(co.execute("show mrtable-agent-statistics -agent 0 -json"));
                assertThat(json.readTree(last.get()).at("/returnValue/0/statistics/regionStat/FR/completeWriteOps").asLong())
                    .as("completeWriteOps in %s", last.get()).isPositive();
            });
        JsonNode fr = json.readTree(last.get()).at("/returnValue/0/statistics/regionStat/FR");
        assertThat(fr.at("/laggingMs/count").asLong()).as(fr.toString()).isPositive();
        assertThat(fr.get("lastModificationMs").asLong()).as(fr.toString()).isPositive();

        // still writing: on targets whose admin takes a second per command the latest interval moves on
        AtomicReference<JsonNode> stats = new AtomicReference<>();
        await("the latest interval of table stats in CO counts puts").atMost(Duration.ofSeconds(40))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> {
                clients.handle("FR").put(new PutRequest().setTableName("stats")
                    .setValue(new MapValue().put("id", id.incrementAndGet()).put("v", "x")));
                stats.set(json.readTree(co.execute("show mrtable-agent-statistics -table stats -json"))
                    .at("/returnValue/XRegionService-1_0/statistics"));
                assertThat(stats.get().get("puts").asLong()).as(stats.get().toString()).isPositive();
            });
        JsonNode table = stats.get();
        assertThat(table.get("tableName").asText()).as(table.toString()).isEqualToIgnoringCase("stats");
        assertThat(table.has("expiredPuts")).as(table.toString()).isTrue();
        assertThat(table.has("initialization")).as(table.toString()).isTrue();
    }

    @Test
    void tableStatisticsAreKeyedByAgentId(Topology topology, RegionClients clients) throws Exception {
        TableContents.createEverywhere(clients, topology,
            "CREATE TABLE tstats(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS CO, FR");
        AdminAccess co = topology.region("CO").admin();
        await("CO's agent has written statistics").atMost(Duration.ofSeconds(20))
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
