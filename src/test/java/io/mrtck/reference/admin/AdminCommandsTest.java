package io.mrtck.reference.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import io.mrtck.reference.store.AgentStatisticsRecord;

/** The admin commands on one reference region, with statistics records written as an agent would. */
class AdminCommandsTest {
    private static final String STATS = "{\"agentId\":\"XRegionService-1_0\",\"beginMs\":1000,\"endMs\":%d,"
        + "\"intervalMs\":%d,\"localRegion\":\"FR\",\"puts\":3,\"dels\":0,\"winPuts\":3,\"winDels\":0,"
        + "\"expiredPuts\":0,\"incompatibleRows\":0,\"loopbackPuts\":0,\"loopbackDels\":0,\"streamBytes\":10,"
        + "\"persistStreamBytes\":10,\"requests\":0,\"responses\":0,\"regionStat\":{\"CO\":{\"completeWriteOps\":3,"
        + "\"lastMessageMs\":1900,\"lastModificationMs\":1800,\"laggingMs\":{\"min\":1,\"max\":7,\"avg\":3,\"count\":2,"
        + "\"percent95\":7,\"percent99\":7},\"latencyMs\":{\"min\":1,\"max\":9,\"avg\":4,\"count\":3,\"percent95\":9,"
        + "\"percent99\":9}}},\"tableStat\":{\"Users\":{\"tableName\":\"Users\",\"puts\":3,\"dels\":0,\"winPuts\":3,"
        + "\"winDels\":0,\"expiredPuts\":0,\"incompatibleRows\":0,\"initialization\":{\"CO\":{\"state\":\"COMPLETE\"}}}}}";

    @TempDir
    Path dir;
    private ReferenceRegion region;
    private AdminCommands admin;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() {
        region = ReferenceRegion.start(RegionOptions.of(dir).withName("FR").withStoreName("OUGFR"));
        admin = region.admin();
        admin.execute("execute 'SET LOCAL REGION FR'");
        admin.execute("execute 'CREATE REGION CO'");
    }

    @AfterEach
    void stop() {
        region.close();
    }

    private void statistics(long endMs) {
        region.store().write(txn -> {
            txn.putAgentStatistics(new AgentStatisticsRecord("XRegionService-1_0", endMs,
                STATS.formatted(endMs, endMs - 1000)));
            return null;
        });
    }

    @Test
    void executeRunsTableDdlAndSystemStatements() {
        assertThat(admin.execute("execute 'CREATE TABLE Users(uid INTEGER, person JSON,PRIMARY KEY(uid))  IN REGIONS CO , FR'"))
            .isEqualTo("Statement completed successfully");
        assertThat(admin.execute("execute 'SHOW AS JSON REGIONS'")).contains("\"name\" : \"FR\", \"type\" : \"local\"");
        assertThat(admin.execute("show tables")).contains("Users");
        assertThat(admin.execute("show tables -json")).contains("\"Users\"");
    }

    @Test
    void executeErrorsNameTheProblem() {
        assertThatThrownBy(() -> admin.execute("execute 'CREATE TABLE t(id INTEGER, PRIMARY KEY(id)) IN REGIONS NOWHERE, FR'"))
            .isInstanceOf(AdminException.class).hasMessageContaining("Unknown region: NOWHERE");
    }

    @Test
    void showRegionsIsRefusedAsTheRealAdminDoes() {
        assertThatThrownBy(() -> admin.execute("show regions")).isInstanceOf(AdminException.class)
            .hasMessage("show regions is not an admin command; use execute 'SHOW REGIONS'");
    }

    @Test
    void unknownCommandsAreNamedWithTheSupportedOnes() {
        assertThatThrownBy(() -> admin.execute("verify configuration -json")).isInstanceOf(AdminException.class)
            .hasMessageContaining("Unknown command: verify configuration").hasMessageContaining("show mrtable-agent-statistics");
    }

    @Test
    void theWorkshops1x1DeploymentIsAcceptedAndWhatA1x1StoreCannotBeIsRefused() throws Exception {
        String script = new String(getClass().getResourceAsStream("/fixtures/workshop/template_config1x1.kvs").readAllBytes())
            .replace("<HERE>", "OUGFR").replace("<HERE_HOST>", "localhost");
        for (String line : script.lines().filter(l -> !l.isBlank()).toList()) {
            assertThat(admin.execute(line)).as(line).isNotBlank();
        }
        assertThat(admin.execute("show topology")).contains("store=OUGFR").contains("repFactor=1");
        assertThatThrownBy(() -> admin.execute("plan deploy-sn -zn zn1 -host other -port 5000 -wait"))
            .hasMessageContaining("a second storage node is not supported");
        assertThatThrownBy(() -> admin.execute("plan deploy-zone -name Zone1 -rf 3 -wait"))
            .hasMessageContaining("replication factor 3 is not supported");
        assertThatThrownBy(() -> admin.execute("configure -name OUGCO"))
            .hasMessageContaining("already configured as OUGFR");
    }

    @Test
    void pingReportsStoreRegionAndStatus() {
        assertThat(admin.execute("ping")).contains("OUGFR").contains("FR").contains("RUNNING");
    }

    @Test
    void noStatisticsYetIsAnEmptyEnvelopeOrAClearMessage() throws Exception {
        JsonNode env = json.readTree(admin.execute("show mrtable-agent-statistics -agent 0 -json"));
        assertThat(env.get("returnCode").asInt()).isEqualTo(5000);
        assertThat(env.get("returnValue").isEmpty()).isTrue();
        assertThat(admin.execute("show mrtable-agent-statistics")).contains("No MR table agent statistics");
    }

    @Test
    void agentStatisticsAreTheLatestIntervalInTheRealEnvelope() throws Exception {
        statistics(2000);
        statistics(3000);
        String out = admin.execute("show mrtable-agent-statistics -agent 0 -json");
        assertThat(out).startsWith("{\"operation\":\"show mrtable-agent-statistics\",\"returnCode\":5000,"
            + "\"description\":\"Operation ends successfully\",\"returnValue\":{\"0\":{\"timestamp\":3000,\"statistics\":{");
        JsonNode stats = json.readTree(out).at("/returnValue/0/statistics");
        assertThat(stats.get("agentId").asText()).isEqualTo("XRegionService-1_0");
        assertThat(stats.at("/regionStat/CO/laggingMs/max").asInt()).isEqualTo(7);
        assertThat(stats.has("tableStat")).isFalse();
        assertThat(json.readTree(admin.execute("show mrtable-agent-statistics -agent 1 -json")).get("returnValue").isEmpty())
            .isTrue();
    }

    @Test
    void tableStatisticsAreKeyedByAgentId() throws Exception {
        admin.execute("execute 'CREATE TABLE Users(uid INTEGER, person JSON,PRIMARY KEY(uid))  IN REGIONS CO , FR'");
        statistics(2000);
        JsonNode stats = json.readTree(admin.execute("show mrtable-agent-statistics -table users -json"))
            .at("/returnValue/XRegionService-1_0/statistics");
        assertThat(stats.get("tableName").asText()).isEqualTo("Users");
        assertThat(stats.get("puts").asInt()).isEqualTo(3);
        assertThat(stats.get("expiredPuts").asInt()).isZero();
        assertThat(stats.get("tableId").asInt()).isPositive();
        assertThat(stats.at("/initialization/CO/state").asText()).isEqualTo("COMPLETE");
        assertThat(stats.get("localRegion").asText()).isEqualTo("FR");
        assertThatThrownBy(() -> admin.execute("show mrtable-agent-statistics -table nosuch -json"))
            .isInstanceOf(AdminException.class).hasMessage("Table not found: nosuch");
    }

    @Test
    void adminIsServedOverHttpOnTheRegionPort() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> ok = http.send(post("ping"), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("RUNNING");
        HttpResponse<String> refused = http.send(post("show regions"), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("not an admin command");
    }

    private HttpRequest post(String commandLine) {
        return HttpRequest.newBuilder(URI.create(region.endpoint() + "/mrtck/admin"))
            .POST(HttpRequest.BodyPublishers.ofString(commandLine)).build();
    }
}
