package io.mrtck.reference.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.reference.Mutant;

/**
 * Two agents per region ({@code agentGroupSize} 2): the tables are split between them, each
 * initialises and streams only its own, reports its own statistics and has its own checkpoint
 * table, and together they copy every row (catalogue M10, KVSTORE-2111).
 */
class AgentGroupTest {
    private static final Duration REPLICATION = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int GROUP = 2;
    private static final int ROWS = 300;
    private static final List<String> TABLES = List.of("t0", "t1", "t2", "t3", "t4", "t5");

    @TempDir
    Path dir;
    private ReferenceRegions regions;

    @AfterEach
    void stop() {
        if (regions != null) {
            regions.close();
        }
    }

    @Test
    void eachAgentCopiesItsOwnTablesAndTogetherTheyCopyEveryRow() {
        assertThat(TABLES.stream().map(t -> RegionStream.agentOf(t, GROUP)).distinct())
            .as("the tables' owners").containsExactlyInAnyOrder(0, 1);
        regions = ReferenceRegions.start(dir, GROUP, Set.of(), "FR", "CO");
        loadInFrThenAddCo();
        for (String t : TABLES) {
            await("every row of " + t + " copied into CO").atMost(REPLICATION)
                .untilAsserted(() -> assertThat(regions.ids("CO", t)).as("ids of %s in CO", t).isEqualTo(range(0, ROWS)));
        }
        for (String t : TABLES) {
            String owner = "XRegionService-2_" + RegionStream.agentOf(t, GROUP);
            await("only " + owner + " reports the copy of " + t).atMost(REPLICATION)
                .untilAsserted(() -> assertThat(regions.initialisation("CO", t, "FR")).as("initialisation of %s by agent", t)
                    .isEqualTo(Map.of(owner, "COMPLETE")));
            regions.write("CO", t, ROWS, ROWS + 1);
        }
        for (String t : TABLES) {
            await("CO's new row of " + t + " in FR").atMost(REPLICATION).until(() -> regions.ids("FR", t).contains(ROWS));
        }
        for (int id = 0; id < GROUP; id++) {
            String agent = String.valueOf(id);
            await("agent " + id + "'s own statistics").atMost(REPLICATION).untilAsserted(() ->
                assertThat(JSON.readTree(regions.region("CO").admin().execute(
                    "show mrtable-agent-statistics -agent " + agent + " -json")).path("returnValue").path(agent)
                    .path("statistics").path("agentId").asText()).isEqualTo("XRegionService-2_" + agent));
            String table = "RegionAgentCkpt_from_FR_to_CO_2_" + id;
            boolean there = regions.region("FR").store().read(txn -> txn.table(table).isPresent());
            assertThat(there).as(table + " in FR").isTrue();
        }
    }

    @Test
    void underTheMutantTheCopyLeavesRowsOutWithoutAnError() {
        regions = ReferenceRegions.start(dir, GROUP, Set.of(Mutant.AGENT_GROUP_INIT_SKIPS_ROWS), "FR", "CO");
        loadInFrThenAddCo();
        for (String t : TABLES) {
            await("the copy of " + t + " complete").atMost(REPLICATION)
                .until(() -> regions.initialisation("CO", t, "FR").containsValue("COMPLETE"));
            assertThat(regions.ids("CO", t).size()).as("rows of %s in CO", t).isLessThan(ROWS);
        }
    }

    /** Rows written in FR while the tables span FR only, so that only the initial copy can bring them to CO. */
    private void loadInFrThenAddCo() {
        for (String t : TABLES) {
            regions.ddl("FR", "CREATE TABLE " + t + "(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS FR");
            regions.write("FR", t, 0, ROWS);
            regions.ddl("FR", "ALTER TABLE " + t + " ADD REGIONS CO");
            regions.ddl("CO", "CREATE TABLE " + t + "(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS CO, FR");
        }
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> out = new TreeSet<>();
        IntStream.range(from, to).forEach(out::add);
        return out;
    }
}
