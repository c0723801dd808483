package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.mrtck.client.RegionClients;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two XRegion agents per region ({@code agentGroupSize} 2, MR-SEMANTICS.md "xrstart JSON
 * config"): the agents split the tables, and the initial copy of a table that gains a region
 * still brings every row (MR-BUG-CATALOGUE.md M10, KVSTORE-2111). Only targets that can run an
 * agent group run it; the workshop's 1x1 stores have one shard, so one agent.
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1, agentGroupSize = 2)
@DisplayName("Agent groups")
class AgentGroupIT {
    private static final int TABLES = 6;
    private static final int ROWS = 40;
    private final MrFixture mr;

    AgentGroupIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    @Test
    void addRegionsWithTwoAgentsPerRegionCopiesEveryRowOfEveryTable() throws Exception {
        String columns = "(id INTEGER, v STRING, PRIMARY KEY(id))";
        for (int n = 0; n < TABLES; n++) {
            String t = "Group" + n + "_" + MrFixture.table("");
            mr.ddl("FR", "CREATE TABLE " + t + columns + " IN REGIONS FR");
            for (int i = 0; i < ROWS; i++) {
                mr.sql("FR", "INSERT INTO " + t + " VALUES(" + i + ", \"before CO\")");
            }
            mr.ddl("FR", "ALTER TABLE " + t + " ADD REGIONS CO");
            mr.ddl("CO", "CREATE TABLE " + t + columns + " IN REGIONS CO, FR");
            mr.sql("CO", "INSERT INTO " + t + " VALUES(" + ROWS + ", \"from CO\")");
            assertThat(mr.converge(t, "id").rows()).as("rows of %s in both regions", t).hasSize(ROWS + 1);
        }
    }
}
