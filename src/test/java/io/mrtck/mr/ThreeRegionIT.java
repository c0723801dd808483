package io.mrtck.mr;

import io.mrtck.harness.MrFixture;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.values.MapValue;

/** Three regions, each writing: all three converge on the same rows and counter values. */
@MultiRegion(regions = {"FR", "CO", "DE"}, statsIntervalSecs = 1)
class ThreeRegionIT {
    private final MrFixture mr;

    ThreeRegionIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    @Test
    void writesFromEveryRegionConvergeEverywhere() {
        String t = MrFixture.table("Tri");
        mr.createMrTable(t, "id INTEGER, origin STRING, cnt INTEGER AS MR_COUNTER, PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(0, \"FR\", DEFAULT)");
        mr.converge(t, "id");
        List<String> regions = List.of("FR", "CO", "DE");
        for (int r = 0; r < regions.size(); r++) {
            String region = regions.get(r);
            for (int i = 1; i <= 20; i++) {
                mr.sql(region, "UPSERT INTO " + t + " VALUES(" + (r * 100 + i) + ", \"" + region + "\", DEFAULT)");
                mr.sql(region, "UPDATE " + t + " SET cnt = cnt + " + (r + 1) + " WHERE id = 0");
            }
        }
        TableFingerprint agreed = mr.converge(t, "id");
        assertThat(agreed.rows()).hasSize(61);
        assertThat(mr.get("DE", t, new MapValue().put("id", 0)).getValue().getInt("cnt"))
            .as("20 x (1 + 2 + 3)").isEqualTo(120);
    }
}
