package io.mrtck.mr;

import io.mrtck.harness.MrFixture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;

/**
 * A region added to an MR table that already has rows receives them: the agent copies the
 * existing rows (table initialisation) before streaming (MR-SEMANTICS.md, "Adding a region").
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
class TableInitializationIT {
    private final MrFixture mr;

    TableInitializationIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    @Test
    void rowsWrittenBeforeTheRegionWasAddedAppearInIt() {
        String t = MrFixture.table("Grow");
        mr.ddl("FR", "CREATE TABLE " + t + "(id INTEGER, v STRING, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id)) IN REGIONS FR");
        for (int i = 0; i < 1_200; i++) {
            mr.sql("FR", "INSERT INTO " + t + " VALUES(" + i + ", \"v" + i + "\", DEFAULT)");
        }
        mr.sql("FR", "UPDATE " + t + " SET cnt = cnt + 7 WHERE id = 3");
        mr.sql("FR", "DELETE FROM " + t + " WHERE id = 5");

        mr.ddl("FR", "ALTER TABLE " + t + " ADD REGIONS CO");
        mr.ddl("CO", "CREATE TABLE " + t + "(id INTEGER, v STRING, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id)) IN REGIONS CO, FR");

        TableFingerprint agreed = mr.converge(t, "id");
        assertThat(agreed.rows()).as("rows copied to CO").hasSize(1_199);
        assertThat(mr.get("CO", t, new oracle.nosql.driver.values.MapValue().put("id", 3)).getValue().getInt("cnt"))
            .isEqualTo(7);
    }
}
