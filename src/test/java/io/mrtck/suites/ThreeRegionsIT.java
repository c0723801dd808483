package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;

import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Three regions (MR-SEMANTICS.md "Regressions": 3+ regions and the checkpoint table,
 * KVSTORE-2406): every region streams from every other, so rows and counter updates made in
 * each one reach the two others, each counted once.
 */
@MultiRegion(regions = {"FR", "CO", "DE"}, statsIntervalSecs = 1)
@DisplayName("Three regions")
class ThreeRegionsIT {
    private final MrFixture mr;

    ThreeRegionsIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    @Test
    void rowsAndCounterUpdatesFromEveryRegionConvergeEverywhere() {
        assertThat(mr.regionNames()).as("regions in the order asked").containsExactly("FR", "CO", "DE");
        String t = MrFixture.table("Tri");
        mr.createMrTable(t, "id INTEGER, origin STRING, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(0, \"FR\", DEFAULT)");
        mr.converge(t, "id");
        for (int r = 0; r < mr.regionNames().size(); r++) {
            String region = mr.regionNames().get(r);
            for (int i = 1; i <= 20; i++) {
                mr.sql(region, "UPSERT INTO " + t + " VALUES(" + (r * 100 + i) + ", \"" + region + "\", DEFAULT)");
                mr.sql(region, "UPDATE " + t + " SET cnt = cnt + " + (r + 1) + " WHERE id = 0");
            }
        }
        TableFingerprint agreed = mr.converge(t, "id");
        assertThat(agreed.rows()).as("row 0 and 20 rows from each region").hasSize(61);
        for (String region : mr.regionNames()) {
            assertThat(mr.get(region, t, new MapValue().put("id", 0)).getValue().getInt("cnt"))
                .as("20 x (1 + 2 + 3) in %s", region).isEqualTo(120);
        }
    }
}
