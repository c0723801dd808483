package io.mrtck.reference.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.store.ChangeLogReader;
import io.mrtck.reference.store.RegionStore;
import oracle.nosql.driver.values.MapValue;

/**
 * The change log keeps what some agent has still to apply, not the region's history: with the
 * agents running its size stays bounded however many rows are written, while a paused or killed
 * agent keeps every entry it has not applied. {@code -Dmrtck.changelog.rows=1000000} runs the
 * bounded-growth test with a million rows (the default keeps {@code mvn test} short).
 */
class ChangeLogTruncationTest {
    private static final Duration REPLICATION = Duration.ofSeconds(120);
    private static final int ROWS = Integer.getInteger("mrtck.changelog.rows", 30_000);
    /** Rows written before the writer waits for the agent to come within a chunk of it. */
    private static final int CHUNK = 5_000;
    private static final int ROWS_PER_TXN = 100;
    /**
     * Two chunks the agent may lag behind, plus what it applies between two truncations (200 ms):
     * without truncation the log would hold every row written.
     */
    private static final long BOUND = 4L * CHUNK;
    private static final long SAMPLE_NANOS = 5_000_000;
    private static final ChangeLogReader CO_AGENT = new ChangeLogReader("CO", 1, 0);

    @TempDir
    Path dir;
    private ReferenceRegions regions;

    @BeforeEach
    void start() {
        regions = ReferenceRegions.start(dir, 1, Set.of(), "FR", "CO");
        for (String r : new String[] {"FR", "CO"}) {
            regions.ddl(r, "CREATE TABLE t(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS FR, CO");
        }
    }

    @AfterEach
    void stop() {
        regions.close();
    }

    @Test
    void withTheAgentsRunningTheLogStaysBoundedWhileEveryRowArrives() throws Exception {
        RegionStore fr = regions.region("FR").store();
        AtomicLong largest = new AtomicLong();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (writing.get()) {
                largest.accumulateAndGet(fr.changeLogSize(), Math::max);
                LockSupport.parkNanos(SAMPLE_NANOS);
            }
        }, "changelog-sampler");
        long began = System.nanoTime();
        sampler.start();
        try {
            for (int from = 0; from < ROWS; from += CHUNK) {
                write(regions.region("FR"), from, Math.min(ROWS, from + CHUNK));
                await("CO's agent within a chunk of FR's log").atMost(REPLICATION).pollInterval(Duration.ofMillis(10))
                    .until(() -> fr.changeLogReaders().getOrDefault(CO_AGENT, 0L) >= fr.changeHorizon() - CHUNK);
            }
            await("every row in CO").atMost(REPLICATION).until(() -> regions.ids("CO", "t").size() == ROWS);
            await("the log truncated once CO has applied it all").atMost(REPLICATION).until(() -> fr.changeLogSize() <= 1);
        } finally {
            writing.set(false);
            sampler.join();
        }
        System.out.printf("change log: %d rows written and streamed in %.1f s, at most %d entries (bound %d)%n",
            ROWS, (System.nanoTime() - began) / 1e9, largest.get(), BOUND);
        assertThat(largest.get()).as("the largest change log seen while %d rows were written", ROWS).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void aPausedAgentKeepsItsEntriesAndAKilledOneFindsThemFromItsCheckpoint() {
        RegionStore fr = regions.region("FR").store();
        regions.agents("CO").forEach(XRegionAgent::pause);
        write(regions.region("FR"), 0, 2_000);
        fr.truncateChangeLog();
        assertThat(fr.changeLogSize()).as("entries the paused agent has not applied").isGreaterThanOrEqualTo(2_000);
        regions.agents("CO").forEach(XRegionAgent::resume);
        await("the paused agent's rows in CO").atMost(REPLICATION).until(() -> regions.ids("CO", "t").size() == 2_000);

        regions.agents("CO").forEach(XRegionAgent::kill);
        write(regions.region("FR"), 2_000, 4_000);
        fr.truncateChangeLog();
        assertThat(fr.changeLogSize()).as("entries the killed agent has not applied").isGreaterThanOrEqualTo(2_000);
        regions.restartAgents("CO");
        await("the killed agent's rows in CO").atMost(REPLICATION).until(() -> regions.ids("CO", "t").size() == 4_000);
        await("the log truncated once the restarted agent has applied it").atMost(REPLICATION)
            .until(() -> fr.changeLogSize() <= 1);
    }

    /** Rows {@code from .. to-1} through the region's row layer, a hundred per transaction. */
    private static void write(ReferenceRegion region, int from, int to) {
        for (int first = from; first < to; first += ROWS_PER_TXN) {
            int start = first;
            region.store().write(txn -> {
                for (int id = start; id < Math.min(to, start + ROWS_PER_TXN); id++) {
                    region.rows().put(txn, PutOp.upsert("t", new MapValue().put("id", id).put("v", "row " + id)));
                }
                return null;
            });
        }
    }
}
