package io.mrtck.topology;

import static io.mrtck.harness.TableContents.createEverywhere;
import static io.mrtck.harness.TableContents.describe;
import static io.mrtck.harness.TableContents.everywhere;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mrtck.client.RegionClients;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.harness.TableContents.RowView;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.values.MapValue;

/** Three regions: a write made in each one reaches the two others. */
@MultiRegion(regions = {"FR", "CO", "DE"}, statsIntervalSecs = 1)
class ThreeRegionTopologyIT {

    @Test
    void aWriteInEachRegionReachesEveryRegion(Topology topology, RegionClients clients) {
        createEverywhere(clients, topology, "CREATE TABLE trio(id INTEGER, origin STRING, PRIMARY KEY(id)) IN REGIONS FR, CO, DE");
        List<String> names = topology.regions().stream().map(Region::name).toList();
        assertThat(names).containsExactly("FR", "CO", "DE");
        for (int i = 0; i < names.size(); i++) {
            clients.handle(names.get(i)).put(new PutRequest().setTableName("trio")
                .setValue(new MapValue().put("id", i).put("origin", names.get(i))));
        }
        List<Integer> keys = List.of(0, 1, 2);
        await("every region holds the rows written in FR, CO and DE").atMost(MrFixture.firstWriteTimeout())
            .untilAsserted(() -> {
                Map<String, Map<Integer, RowView>> all = everywhere(clients, topology, "trio", "id", keys);
                for (String region : names) {
                    assertThat(all.get(region).values()).as("%s; regions hold %s", region, describe(all))
                        .doesNotContainNull();
                    assertThat(all.get(region)).as("%s vs FR; regions hold %s", region, describe(all))
                        .isEqualTo(all.get("FR"));
                }
            });
    }
}
