package io.mrtck.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.mrtck.client.RegionClients;
import io.mrtck.client.UserTables;
import io.mrtck.harness.MultiRegion;
import io.mrtck.harness.TableContents;
import oracle.nosql.driver.ops.ListTablesRequest;

/**
 * Each XRegion agent's stream has a checkpoint table ({@code RegionAgentCkpt_from_<src>_to_<dst>_1_0})
 * that listTables and {@code show tables} show like a user table, as on a real deployment; the
 * kit's {@link UserTables} leaves it out. Which region holds it is the engine's business (the
 * real one: the stream's source region), so the test looks in all of them.
 */
@MultiRegion(regions = {"FR", "CO"})
class AgentCheckpointTablesIT {

    @Test
    void eachStreamsCheckpointTableIsListedAndUserTablesLeavesItOut(Topology topology, RegionClients clients) {
        TableContents.createEverywhere(clients, topology,
            "CREATE TABLE ckptprobe(id INTEGER, PRIMARY KEY(id)) IN REGIONS CO, FR");
        List<String> expected = List.of("RegionAgentCkpt_from_CO_to_FR_1_0", "RegionAgentCkpt_from_FR_to_CO_1_0");
        Map<String, List<String>> listed = new TreeMap<>();
        await("the agents' checkpoint tables " + expected + " in some region's listTables")
            .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
            .untilAsserted(() -> {
                List<String> all = new ArrayList<>();
                for (Region r : topology.regions()) {
                    List<String> names = List.of(clients.handle(r.name()).listTables(new ListTablesRequest()).getTables());
                    listed.put(r.name(), names);
                    all.addAll(names);
                }
                assertThat(all).as("listTables per region: %s", listed).containsAll(expected);
            });

        String shown = String.join("\n", topology.regions().stream().map(r -> r.admin().execute("show tables")).toList());
        assertThat(shown).as("show tables of every region").contains(expected);

        for (Region r : topology.regions()) {
            List<String> user = UserTables.listed(clients.handle(r.name()));
            assertThat(user).as("user tables of %s (listTables: %s)", r.name(), listed.get(r.name()))
                .contains("ckptprobe")
                .noneMatch(t -> t.startsWith("RegionAgentCkpt_") || t.startsWith("SYS$"));
        }
    }
}
