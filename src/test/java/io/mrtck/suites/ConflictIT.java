package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.EngineUnderTest;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.ops.DeleteRequest;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Concurrent writes converge (MR-SEMANTICS.md, "Conflict resolution", "MR_COUNTER (CRDT)";
 * docs/suite-behaviours.md). Conflicts are made deterministic by pausing every agent while
 * both regions write; which write is later is read back through the SDK (modification times),
 * so these cases need no clock hook and run on every target that can pause agents. Clock skew
 * and ties need clock hooks and run where the target has them. Convergence is checked as equal
 * table fingerprints in every region (same rows, values, modification and expiration times).
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
@DisplayName("Conflict resolution")
class ConflictIT {
    private static final String PAUSED = "make concurrent writes deterministic";
    private final MrFixture mr;

    ConflictIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    private static MapValue id(int id) {
        return new MapValue().put("id", id);
    }

    private String value(String region, String t) {
        MapValue row = mr.get(region, t, id(1)).getValue();
        return row == null ? null : row.getString("v");
    }

    /** How a region writes row 1: a value write leaves the row in place, a delete leaves a tombstone. */
    enum Write {
        SQL_UPSERT, SDK_PUT, SQL_UPDATE, SQL_DELETE, SDK_DELETE;

        boolean deletes() {
            return this == SQL_DELETE || this == SDK_DELETE;
        }

        void run(MrFixture mr, String region, String t, String v) {
            switch (this) {
                case SQL_UPSERT -> mr.sql(region, "UPSERT INTO " + t + " VALUES(1, \"" + v + "\")");
                case SDK_PUT -> mr.put(region, t, new MapValue().put("id", 1).put("v", v), null);
                case SQL_UPDATE -> mr.sql(region, "UPDATE " + t + " SET v = \"" + v + "\" WHERE id = 1");
                case SQL_DELETE -> mr.sql(region, "DELETE FROM " + t + " WHERE id = 1");
                case SDK_DELETE -> mr.in(region).delete(new DeleteRequest().setTableName(t).setKey(id(1)));
            }
        }
    }

    /**
     * With every agent paused: {@code first} in one region, then {@code second} in the other,
     * strictly later by the regions' own modification times (a delete's time is bounded by a
     * clock reading of its region made after it). Returns the second write's modification time
     * (0 for a delete, whose time no read shows).
     */
    private long conflict(String t, Write first, String firstRegion, Write second, String secondRegion) {
        long[] secondTime = {0};
        mr.withAgentsPaused(() -> {
            first.run(mr, firstRegion, t, firstRegion);
            long firstTime = first.deletes() ? mr.clock(firstRegion)
                : mr.get(firstRegion, t, id(1)).getModificationTime();
            if (second.deletes()) {
                mr.awaitClockPast(secondRegion, firstTime);
                second.run(mr, secondRegion, t, secondRegion);
            } else {
                secondTime[0] = mr.writeLaterThan(firstTime, secondRegion, t, id(1),
                    () -> second.run(mr, secondRegion, t, secondRegion));
            }
        });
        return secondTime[0];
    }

    static Stream<Arguments> lwwCases() {
        List<Arguments> out = new ArrayList<>();
        for (String[] pair : new String[][] {{"FR", "CO"}, {"CO", "FR"}}) {
            for (Write w : List.of(Write.SQL_UPSERT, Write.SDK_PUT, Write.SQL_UPDATE)) {
                out.add(Arguments.of(pair[0], pair[1], w));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{2}: {1} writes later than {0} and wins in both regions")
    @MethodSource("lwwCases")
    void theWriteWithTheLaterTimestampWins(String earlier, String later, Write how) {
        // docs/suite-behaviours.md "last writer wins": the row version with the later modification time wins.
        mr.require(Capability.PAUSE_AGENT, PAUSED);
        String t = mr.streamingTable("Lww");
        long laterTime = conflict(t, how, earlier, how, later);
        TableFingerprint agreed = mr.converge(t, "id");
        for (String r : mr.regionNames()) {
            assertThat(value(r, t)).as("winner in %s; regions hold %s", r, agreed).isEqualTo(later);
        }
        assertThat(agreed.rows().values().iterator().next().modificationTime())
            .as("the winner keeps its modification time in every region").isEqualTo(laterTime);
    }

    @ParameterizedTest(name = "{0} writes first in real time but its clock runs 1 h ahead: {0} wins over {1}")
    @CsvSource({"FR, CO", "CO, FR"})
    void aSkewedClockDecidesTheWinner(String skewed, String other) {
        // docs/suite-behaviours.md "last writer wins": timestamps come from the writing region's clock.
        mr.require(Capability.PAUSE_AGENT, PAUSED);
        mr.require(Capability.CLOCK_SKEW, "decide a conflict by clock skew");
        String t = mr.streamingTable("Lww");
        mr.withAgentsPaused(() -> {
            mr.withClockSkew(skewed, Duration.ofHours(1), () -> mr.sql(skewed, "UPSERT INTO " + t + " VALUES(1, \"" + skewed + "\")"));
            mr.sql(other, "UPSERT INTO " + t + " VALUES(1, \"" + other + "\")");
        });
        mr.converge(t, "id");
        assertThat(value(other, t)).as("row in %s", other).isEqualTo(skewed);
    }

    @ParameterizedTest(name = "tie at one instant, {0} writes first: the greater region name (FR) wins")
    @CsvSource({"CO, FR", "FR, CO"})
    void onEqualTimestampsTheGreaterRegionNameWins(String first, String second) {
        EngineUnderTest.requireReference("the tie rule (equal timestamps: the greater region name wins)");
        mr.require(Capability.CLOCK_FREEZE, "make both regions write at one instant");
        String t = mr.streamingTable("Lww");
        Instant at = Instant.now().plusSeconds(10);
        mr.withAgentsPaused(() -> {
            mr.topology().regions().forEach(r -> r.freezeClock(at));
            try {
                mr.sql(first, "UPSERT INTO " + t + " VALUES(1, \"" + first + "\")");
                mr.sql(second, "UPSERT INTO " + t + " VALUES(1, \"" + second + "\")");
            } finally {
                mr.topology().regions().forEach(r -> r.skewClock(Duration.ZERO));
            }
        });
        TableFingerprint agreed = mr.converge(t, "id");
        assertThat(value("CO", t)).as("FR > CO: FR's write wins the tie").isEqualTo("FR");
        assertThat(agreed.rows().values().iterator().next().modificationTime()).isEqualTo(at.toEpochMilli());
    }

    @ParameterizedTest(name = "two writes in one millisecond in {0} ({1}): the later one reaches every region")
    @CsvSource({"FR, update", "CO, update", "FR, delete", "CO, delete"})
    void twoWritesOfOneRegionInOneMillisecondTheLaterReachesTheOther(String writer, String second) {
        EngineUnderTest.requireReference("a region's two writes with one modification time reach the others in order");
        mr.require(Capability.CLOCK_FREEZE, "make two writes share one modification time");
        String t = mr.streamingTable("Lww");
        mr.topology().region(writer).freezeClock(Instant.now());
        try {
            mr.sql(writer, "UPSERT INTO " + t + " VALUES(1, \"first\")");
            if (second.equals("update")) {
                mr.sql(writer, "UPDATE " + t + " SET v = \"second\" WHERE id = 1");
            } else {
                mr.sql(writer, "DELETE FROM " + t + " WHERE id = 1");
            }
        } finally {
            mr.topology().region(writer).skewClock(Duration.ZERO);
        }
        TableFingerprint agreed = mr.converge(t, "id");
        if (second.equals("update")) {
            assertThat(agreed.rows().values().iterator().next().valueJson()).contains("second");
        } else {
            assertThat(agreed.rows()).isEmpty();
        }
    }

    static Stream<Arguments> deleteAndWriteCases() {
        List<Arguments> out = new ArrayList<>();
        Write[][] pairs = {{Write.SQL_DELETE, Write.SQL_UPDATE}, {Write.SQL_UPDATE, Write.SQL_DELETE},
            {Write.SQL_UPSERT, Write.SDK_DELETE}, {Write.SDK_DELETE, Write.SDK_PUT}};
        for (Write[] pair : pairs) {
            out.add(Arguments.of(pair[0], "FR", pair[1], "CO"));
            out.add(Arguments.of(pair[0], "CO", pair[1], "FR"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}, then later {2} in {3}: the later one wins in both regions")
    @MethodSource("deleteAndWriteCases")
    void aDeleteAndAWriteTheLaterWinsTombstonesIncluded(Write first, String firstRegion, Write second, String secondRegion) {
        // docs/suite-behaviours.md "tombstones": a delete leaves a tombstone that takes part in
        // resolution like a write (KVSTORE-986, KVSTORE-1822).
        mr.require(Capability.PAUSE_AGENT, PAUSED);
        String t = mr.streamingTable("Lww");
        conflict(t, first, firstRegion, second, secondRegion);
        TableFingerprint agreed = mr.converge(t, "id");
        if (second.deletes()) {
            assertThat(agreed.rows()).as("the later delete wins: no row in any region").isEmpty();
        } else {
            for (String r : mr.regionNames()) {
                assertThat(value(r, t)).as("the later write wins in %s; regions hold %s", r, agreed).isEqualTo(secondRegion);
            }
        }
    }

    // -------------------------------------------------------------------------- counters

    /** A counter declaration, its path in an UPDATE, and how the inserted row initialises it. */
    enum Counter {
        INTEGER_COLUMN("c INTEGER AS MR_COUNTER", "u.c", "DEFAULT"),
        LONG_COLUMN("c LONG AS MR_COUNTER", "u.c", "DEFAULT"),
        NUMBER_COLUMN("c NUMBER AS MR_COUNTER", "u.c", "DEFAULT"),
        JSON_INTEGER("doc JSON(hits AS INTEGER MR_COUNTER)", "u.doc.hits", "{\"hits\": 0}"),
        JSON_LONG("doc JSON(a.hits AS LONG MR_COUNTER)", "u.doc.a.hits", "{\"a\": {\"hits\": 0}}"),
        JSON_NUMBER("doc JSON(hits AS NUMBER MR_COUNTER)", "u.doc.hits", "{\"hits\": 0}");

        final String declaration;
        final String path;
        final String initial;

        Counter(String declaration, String path, String initial) {
            this.declaration = declaration;
            this.path = path;
            this.initial = initial;
        }

        BigDecimal read(MapValue row) {
            FieldValue v = row;
            for (String step : path.substring(2).split("\\.")) {
                v = v.asMap().get(step);
            }
            return new BigDecimal(v.toJson());
        }
    }

    private String counterTable(Counter c) {
        String t = MrFixture.table("Cnt");
        mr.createMrTable(t, "id INTEGER, v STRING, " + c.declaration + ", PRIMARY KEY(id)");
        mr.sql("FR", "INSERT INTO " + t + " VALUES(1, \"v\", " + c.initial + ")");
        mr.converge(t, "id");
        return t;
    }

    private void add(String region, String t, Counter c, int delta) {
        mr.sql(region, "UPDATE " + t + " u SET " + c.path + " = " + c.path + (delta >= 0 ? " + " : " - ")
            + Math.abs(delta) + " WHERE id = 1");
    }

    private void assertCounterEverywhere(String t, Counter c, long expected) {
        mr.converge(t, "id");
        for (String r : mr.regionNames()) {
            assertThat(c.read(mr.get(r, t, id(1)).getValue())).as("counter %s in %s", c, r)
                .isEqualByComparingTo(BigDecimal.valueOf(expected));
        }
    }

    static Stream<Arguments> counterDirections() {
        List<Arguments> out = new ArrayList<>();
        for (Counter c : Counter.values()) {
            out.add(Arguments.of(c, "FR", "CO"));
            out.add(Arguments.of(c, "CO", "FR"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: +10 in {1} and -4 in {2} at the same time read 6 in both")
    @MethodSource("counterDirections")
    void concurrentIncrementAndDecrementMerge(Counter c, String inc, String dec) {
        // MR-SEMANTICS.md "MR_COUNTER": the blog example, +10 in one region, -4 in the other => 6 everywhere.
        mr.require(Capability.PAUSE_AGENT, PAUSED);
        String t = counterTable(c);
        mr.withAgentsPaused(() -> {
            add(inc, t, c, 10);
            add(dec, t, c, -4);
        });
        assertCounterEverywhere(t, c, 6);
    }

    @ParameterizedTest(name = "{0}: alternating updates from both regions, converging in between")
    @EnumSource(Counter.class)
    void sequentialUpdatesFromBothRegionsAreCountedOnce(Counter c) {
        // Merge takes the per-region maximum: a state seen twice must not count twice.
        String t = counterTable(c);
        long expected = 0;
        for (int round = 1; round <= 4; round++) {
            String region = round % 2 == 0 ? "CO" : "FR";
            add(region, t, c, round * 3);
            add(region, t, c, -round);
            expected += round * 2L;
            mr.converge(t, "id");
        }
        assertCounterEverywhere(t, c, expected);
    }

    @ParameterizedTest(name = "{0}: 4 clients per region, each 25 x (+3, -1), read 400 in both")
    @EnumSource(Counter.class)
    void manyConcurrentClientsInBothRegionsCountExactly(Counter c) throws Exception {
        // MR-SEMANTICS.md "Seen on a real deployment": concurrent increments from 4 clients per region converged exactly.
        String t = counterTable(c);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (String region : mr.regionNames()) {
                for (int k = 0; k < 4; k++) {
                    clients.add(pool.submit(() -> {
                        for (int i = 0; i < 25; i++) {
                            add(region, t, c, 3);
                            add(region, t, c, -1);
                        }
                    }));
                }
            }
            for (Future<?> f : clients) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertCounterEverywhere(t, c, 2 * 4 * 25 * 2);
    }

    @ParameterizedTest(name = "{0}: counter incremented in {1}, other column updated in {2}: counter unchanged")
    @MethodSource("counterDirections")
    void aNonCounterUpdateLeavesTheCounterAlone(Counter c, String counting, String updating) {
        // MR-SEMANTICS.md "MR_COUNTER": a non-counter update leaves the counter alone.
        String t = counterTable(c);
        add(counting, t, c, 7);
        mr.converge(t, "id");
        mr.sql(updating, "UPDATE " + t + " SET v = \"changed\" WHERE id = 1");
        assertCounterEverywhere(t, c, 7);
        assertThat(mr.get(counting, t, id(1)).getValue().getString("v")).isEqualTo("changed");
    }
}
