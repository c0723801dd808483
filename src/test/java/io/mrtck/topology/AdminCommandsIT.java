package io.mrtck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
    void agentStatisticsShowLagPerRemoteRegionInTheRealEnvelope(Topology topology, RegionClients clients) throws Exception {
        TableContents.createEverywhere(clients, topology,
            "CREATE TABLE stats(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS CO, FR");
        for (int i = 0; i < 20; i++) {
            clients.handle("FR").put(new PutRequest().setTableName("stats").setValue(new MapValue().put("id", i).put("v", "x")));
        }
        AdminAccess co = topology.region("CO").admin();
        AtomicReference<String> last = new AtomicReference<>();
        await("an interval of CO's agent with completeWriteOps > 0 from FR").atMost(Duration.ofSeconds(40))
            .pollInterval(Duration.ofMillis(250))
            .untilAsserted(() -> {
                last.set(co.execute("show mrtable-agent-statistics -agent 0 -json"));
                assertThat(json.readTree(last.get()).at("/returnValue/0/statistics/regionStat/FR/completeWriteOps").asLong())
                    .as("completeWriteOps in %s", last.get()).isPositive();
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
        JsonNode fr = stats.at("/regionStat/FR");
        for (String field : new String[] {"lastMessageMs", "lastModificationMs", "completeWriteOps"}) {
            assertThat(fr.has(field)).as("regionStat.FR.%s in %s", field, stats).isTrue();
        }
        for (String field : new String[] {"min", "max", "avg", "count", "percent95", "percent99"}) {
            assertThat(fr.at("/laggingMs").has(field)).as("laggingMs.%s in %s", field, stats).isTrue();
            assertThat(fr.at("/latencyMs").has(field)).as("latencyMs.%s in %s", field, stats).isTrue();
        }

        JsonNode table = json.readTree(co.execute("show mrtable-agent-statistics -table stats -json"))
            .at("/returnValue/XRegionService-1_0/statistics");
        assertThat(table.get("tableName").asText()).as(table.toString()).isEqualToIgnoringCase("stats");
        assertThat(table.has("expiredPuts")).as(table.toString()).isTrue();
        assertThat(table.has("initialization")).as(table.toString()).isTrue();
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
