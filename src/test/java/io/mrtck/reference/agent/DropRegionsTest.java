package io.mrtck.reference.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.reference.Mutant;

/**
 * {@code ALTER TABLE t DROP REGIONS X} in one region stops the table's replication with X both
 * ways, and the schema no longer lists X; ADD REGIONS copies X's rows again (catalogue M20,
 * KVSTORE-1374: membership and replication must agree).
 */
class DropRegionsTest {
    private static final Duration REPLICATION = Duration.ofSeconds(60);
    private static final String COLUMNS = "(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS FR, CO";

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
    void afterDropRegionsNeitherRegionsWritesReachTheOtherAndAddRegionsCopiesAgain() throws Exception {
        regions = ReferenceRegions.start(dir, 1, Set.of(), "FR", "CO");
        createEverywhere();
        regions.write("FR", "t", 0, 1);
        await("a first row in CO").atMost(REPLICATION).until(() -> regions.ids("CO", "t").contains(0));
        // a copy still to run (a busy machine delays it) would copy FR's rows written after the drop
        await("the initial copies done").atMost(REPLICATION).until(() ->
            regions.initialisation("CO", "t", "FR").containsValue("COMPLETE")
                && regions.initialisation("FR", "t", "CO").containsValue("COMPLETE"));

        regions.ddl("FR", "ALTER TABLE t DROP REGIONS CO");
        assertThat(new ObjectMapper().readTree(regions.region("FR").sql().executeSystem("DESCRIBE AS JSON TABLE t"))
            .path("regions").size()).as("regions FR's DESCRIBE lists").isEqualTo(1);
        regions.write("FR", "t", 1, 2);
        regions.write("CO", "t", 2, 3);
        awaitMarkers(1);
        assertThat(regions.ids("CO", "t")).as("ids in CO: FR's write after the drop stays in FR").doesNotContain(1);
        assertThat(regions.ids("FR", "t")).as("ids in FR: CO's write after the drop stays in CO").doesNotContain(2);

        regions.ddl("FR", "ALTER TABLE t ADD REGIONS CO");
        await("CO's row written while dropped, copied into FR by the new initialisation").atMost(REPLICATION)
            .until(() -> regions.ids("FR", "t").contains(2));
        regions.write("FR", "t", 3, 4);
        regions.write("CO", "t", 4, 5);
        await("new writes in both regions").atMost(REPLICATION)
            .until(() -> regions.ids("CO", "t").contains(3) && regions.ids("FR", "t").contains(4));
    }

    @Test
    void underTheMutantReplicationGoesOnAfterDropRegions() {
        regions = ReferenceRegions.start(dir, 1, Set.of(Mutant.DROP_REGIONS_KEEPS_REPLICATING), "FR", "CO");
        createEverywhere();
        regions.ddl("FR", "ALTER TABLE t DROP REGIONS CO");
        regions.write("FR", "t", 1, 2);
        regions.write("CO", "t", 2, 3);
        awaitMarkers(1);
        assertThat(regions.ids("CO", "t")).as("ids in CO").contains(1);
        assertThat(regions.ids("FR", "t")).as("ids in FR").contains(2);
    }

    private void createEverywhere() {
        for (String r : new String[] {"FR", "CO"}) {
            regions.ddl(r, "CREATE TABLE t" + COLUMNS);
            regions.ddl(r, "CREATE TABLE marker" + COLUMNS);
        }
    }

    /**
     * Writes marker {@code n} in both regions and waits until each has the other's: a stream
     * applies a region's writes in order, so whatever was written before has been dealt with.
     */
    private void awaitMarkers(int n) {
        regions.write("FR", "marker", 2 * n, 2 * n + 1);
        regions.write("CO", "marker", 2 * n + 1, 2 * n + 2);
        await("markers " + n + " in both regions").atMost(REPLICATION)
            .until(() -> regions.ids("CO", "marker").contains(2 * n) && regions.ids("FR", "marker").contains(2 * n + 1));
    }
}
