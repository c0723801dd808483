package io.mrtck.suites;

import io.mrtck.client.RegionClients;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import org.junit.jupiter.api.DisplayName;

/**
 * The model-based random run with three regions (MR-BUG-CATALOGUE.md: 3+ regions, KVSTORE-2406):
 * every region streams from every other, so a conflict round has up to three competing versions
 * of a key and counter states from three regions to merge.
 */
@MultiRegion(regions = {"FR", "CO", "DE"}, statsIntervalSecs = 1)
@DisplayName("Model-based random runs, three regions")
class ModelBasedThreeRegionsIT extends ModelBasedIT {

    ModelBasedThreeRegionsIT(Topology topology, RegionClients clients) {
        super(topology, clients);
    }

    @Override
    int defaultOperations() {
        return 200;
    }
}
