package io.mrtck.reference.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.Mutant;

/**
 * A table dropped and created again under the same name is a new table (catalogue M13,
 * KVSTORE-1535): the agents copy the other region's rows into it, and its writes stream both ways.
 */
class RecreatedTableTest {
    private static final Duration REPLICATION = Duration.ofSeconds(60);
    private static final String DDL = "CREATE TABLE t(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS FR, CO";
    /** A table written after each step: once its row has arrived, what streamed before it has been applied. */
    private static final String MARKER_DDL = "CREATE TABLE marker(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS FR, CO";

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
    void aTableDroppedAndCreatedAgainInOneRegionIsInitialisedAgainEveryTime() {
        regions = ReferenceRegions.start(dir, 1, Set.of(), "FR", "CO");
        createEverywhere();
        regions.write("FR", "t", 0, 100);
        regions.write("CO", "t", 100, 200);
        awaitSameRows(range(0, 200));
        Set<Integer> expected = range(0, 200);
        for (int round = 1; round <= 4; round++) {
            regions.ddl("CO", "DROP TABLE t");
            regions.ddl("CO", DDL);
            int base = 1000 * round;
            regions.write("CO", "t", base, base + 10);
            regions.write("FR", "t", base + 500, base + 510);
            expected.addAll(range(base, base + 10));
            expected.addAll(range(base + 500, base + 510));
            awaitSameRows(expected);
        }
    }

    @Test
    void underTheMutantTheNewTableNeverGetsTheOtherRegionsRows() {
        regions = ReferenceRegions.start(dir, 1, Set.of(Mutant.RECREATED_TABLE_KEEPS_OLD_STATE), "FR", "CO");
        createEverywhere();
        regions.write("FR", "t", 0, 100);
        awaitSameRows(range(0, 100));
        await("CO's copy of FR's table complete").atMost(REPLICATION)
            .until(() -> regions.initialisation("CO", "t", "FR").containsValue("COMPLETE"));
        regions.ddl("CO", "DROP TABLE t");
        regions.ddl("CO", DDL);
        regions.write("FR", "t", 500, 510);
        regions.write("FR", "marker", 0, 1);
        await("FR's new rows and the marker in CO").atMost(REPLICATION)
            .until(() -> regions.ids("CO", "t").containsAll(range(500, 510)) && !regions.ids("CO", "marker").isEmpty());
        await("CO still without FR's rows from before the drop").during(Duration.ofSeconds(2))
            .atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(regions.ids("CO", "t")).as("ids in CO")
                .isEqualTo(range(500, 510)));
    }

    private void createEverywhere() {
        for (String r : new String[] {"FR", "CO"}) {
            regions.ddl(r, DDL);
            regions.ddl(r, MARKER_DDL);
        }
    }

    private void awaitSameRows(Set<Integer> expected) {
        await("both regions hold " + expected.size() + " rows").atMost(REPLICATION).untilAsserted(() -> {
            assertThat(regions.ids("FR", "t")).as("ids in FR").isEqualTo(expected);
            assertThat(regions.ids("CO", "t")).as("ids in CO").isEqualTo(expected);
        });
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> out = new TreeSet<>();
        for (int i = from; i < to; i++) {
            out.add(i);
        }
        return out;
    }
}
