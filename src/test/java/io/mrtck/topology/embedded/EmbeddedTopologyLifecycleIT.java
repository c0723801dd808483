package io.mrtck.topology.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.client.RegionClients;
import io.mrtck.harness.TableContents;
import io.mrtck.topology.Region;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.values.MapValue;

/** Starting, stopping and restarting whole embedded topologies: nothing leaks, data persists. */
class EmbeddedTopologyLifecycleIT {
    @TempDir
    Path dir;

    @Test
    void aTopologyOnAGivenRootKeepsItsDataAcrossRestartsAndTheRootItself() {
        TopologySpec spec = TopologySpec.workshop().withRoot(dir.resolve("root")).withStatsIntervalSecs(1);
        try (EmbeddedTopology t = EmbeddedTopology.start(spec); RegionClients clients = new RegionClients(t)) {
            TableContents.createEverywhere(clients, t, "CREATE TABLE kept(id INTEGER, PRIMARY KEY(id)) IN REGIONS CO, FR");
            clients.handle("FR").put(new PutRequest().setTableName("kept").setValue(new MapValue().put("id", 1)));
        }
        assertThat(dir.resolve("root/fr/xrs/json.config")).exists();
        try (EmbeddedTopology t = EmbeddedTopology.start(spec); RegionClients clients = new RegionClients(t)) {
            assertThat(TableContents.query(clients.handle("FR"), "SELECT * FROM kept")).hasSize(1);
            assertThat(t.region("FR").admin().execute("execute 'SHOW REGIONS'")).contains("FR (local").contains("CO (remote");
        }
    }

    @Test
    void aTemporaryRootIsDeletedOnCloseAndCloseIsIdempotent() {
        EmbeddedTopology t = EmbeddedTopology.start(TopologySpec.workshop());
        Path root = t.root();
        assertThat(root).isDirectory();
        t.close();
        t.close();
        assertThat(root).doesNotExist();
    }

    @Test
    void aStartThatFailsHalfwayStopsWhatItStartedAndSaysWhy() throws Exception {
        Path root = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(root.resolve("co"), "a file where CO's directory should be");
        assertThatThrownBy(() -> EmbeddedTopology.start(TopologySpec.workshop().withRoot(root)))
            .hasMessageContaining("co");
        assertThat(Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
            .filter(n -> n.startsWith("xregion-")).toList()).as("agent threads left running").isEmpty();
        // FR's region was closed: a new topology can use the same root once CO's place is free
        Files.delete(root.resolve("co"));
        try (EmbeddedTopology t = EmbeddedTopology.start(TopologySpec.workshop().withRoot(root))) {
            assertThat(t.regions()).extracting(Region::name).containsExactly("FR", "CO");
        }
    }

    @Test
    void specsRejectTooFewOrRepeatedRegions() {
        assertThatThrownBy(() -> TopologySpec.ofRegions("FR")).hasMessageContaining("at least two regions");
        assertThatThrownBy(() -> TopologySpec.ofRegions("FR", "fr")).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> TopologySpec.ofRegions("FR", "C O")).hasMessageContaining("identifier");
        assertThat(TopologySpec.workshop().withMutants(Set.of()).mutants()).isEmpty();
    }
}
