package io.mrtck.topology.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.client.RegionClients;
import io.mrtck.reference.Mutant;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.TableContents;
import io.mrtck.topology.Region;
import oracle.nosql.driver.ops.DeleteRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.values.MapValue;

/** Starting, stopping and restarting whole embedded topologies: nothing leaks, data persists. */
// alone: it checks that no agent thread is left in the JVM, which other classes' topologies would have
@Isolated
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
    void mutantsOfTheSpecReachTheAgents() {
        TopologySpec spec = TopologySpec.workshop().withMutants(Set.of(Mutant.DELETES_NOT_REPLICATED))
            .withStatsIntervalSecs(1);
        try (EmbeddedTopology t = EmbeddedTopology.start(spec); RegionClients clients = new RegionClients(t)) {
            TableContents.createEverywhere(clients, t, "CREATE TABLE m(id INTEGER, PRIMARY KEY(id)) IN REGIONS CO, FR");
            // the initial table copy carries tombstones too; the mutant is about the stream that follows it
            await("CO's copy of FR's table m is initialised").atMost(MrFixture.firstWriteTimeout())
                .until(() -> t.region("CO").admin().execute("show mrtable-agent-statistics -table m -json")
                    .contains("\"FR\":{\"state\":\"COMPLETE\""));
            clients.handle("FR").put(new PutRequest().setTableName("m").setValue(new MapValue().put("id", 1)));
            await("row 1 in CO").atMost(MrFixture.convergeTimeout())
                .until(() -> TableContents.row(clients.handle("CO"), "m", "id", 1) != null);
            clients.handle("FR").delete(new DeleteRequest().setTableName("m").setKey(new MapValue().put("id", 1)));
            await("with DELETES_NOT_REPLICATED, FR's delete never removes row 1 from CO")
                .during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(1).plus(MrFixture.convergeTimeout()))
                .until(() -> TableContents.row(clients.handle("CO"), "m", "id", 1) != null);
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
