package io.mrtck.suites;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.mrtck.client.RegionClients;
import io.mrtck.client.RowImage;
import io.mrtck.client.TableFingerprint;
import io.mrtck.harness.CpuBurners;
import io.mrtck.harness.MrFixture;
import io.mrtck.harness.MultiRegion;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.WriteMultipleRequest;
import oracle.nosql.driver.ops.WriteMultipleResult;
import oracle.nosql.driver.values.MapValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Concurrent writes from many clients of both regions, on a machine made busy on purpose
 * (a CPU-burning thread per core): every write succeeds and the regions converge exactly
 * (MR-SEMANTICS.md "Seen on a real two-region deployment": concurrent counter increments
 * from 4 clients per region converged exactly; concurrent conflicting puts from both regions
 * converged to the same row and modification time, either region winning).
 *
 * <p>Sizes: {@value #CLIENTS} (clients per region, default 16), {@value #INCREMENTS}
 * (increments per client, default {@value #DEFAULT_INCREMENTS}; the full stress is 2000),
 * {@value #ROUNDS} (rounds of simultaneous puts, default {@value #DEFAULT_ROUNDS}).
 */
@MultiRegion(regions = {"FR", "CO"}, statsIntervalSecs = 1)
@DisplayName("Concurrency under load")
// alone: its CPU burners are its own load, not the other test classes' (which run in parallel)
@Isolated
class ConcurrencyIT {
    static final String CLIENTS = "mrtck.stress.clients";
    static final String INCREMENTS = "mrtck.stress.increments";
    static final String ROUNDS = "mrtck.stress.rounds";
    static final int DEFAULT_INCREMENTS = 100;
    static final int DEFAULT_ROUNDS = 300;
    private static final int HOT_ROWS = 10;
    private static final int HOT_WRITERS_PER_REGION = 2;
    /** A bound for a whole workload, far above what a passing run needs even on a slow machine. */
    private static final long WORKLOAD_LIMIT_MINUTES = 20;

    private final MrFixture mr;

    ConcurrencyIT(Topology topology, RegionClients clients) {
        this.mr = new MrFixture(topology, clients);
    }

    private static int size(String property, int fallback) {
        return Integer.getInteger(property, fallback);
    }

    /** Every operation a client saw fail, as data: region, operation, what the SDK threw. */
    private static final class ClientErrors {
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

        void record(String region, String operation, Object failure) {
            errors.add(region + " " + operation + ": " + failure);
        }

        /** Runs one client operation, recording instead of throwing what it fails with. */
        void run(String region, String operation, Runnable op) {
            try {
                op.run();
            } catch (RuntimeException e) {
                record(region, operation, e);
            }
        }

        List<String> all() {
            return List.copyOf(errors);
        }
    }

    @Test
    @DisplayName("16 clients per region increment one counter while others upsert 10 hot rows: exact counts, equal rows")
    void counterIncrementsAndHotRowUpsertsFromManyClientsInBothRegionsConvergeExactly() throws Exception {
        int clients = size(CLIENTS, 16);
        int increments = size(INCREMENTS, DEFAULT_INCREMENTS);
        String counter = MrFixture.table("Stress");
        mr.createMrTable(counter, "id INTEGER, cnt LONG AS MR_COUNTER, PRIMARY KEY(id)");
        String hot = MrFixture.table("Hot");
        mr.createMrTable(hot, "sk INTEGER, id INTEGER, v STRING, PRIMARY KEY(SHARD(sk), id)");
        mr.sql("FR", "INSERT INTO " + counter + " VALUES(1, DEFAULT)");
        mr.converge(counter, "id");

        ClientErrors errors = new ClientErrors();
        AtomicLong hotWrites = new AtomicLong();
        List<String> regions = mr.regionNames();
        int threads = regions.size() * (clients + HOT_WRITERS_PER_REGION);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (CpuBurners burners = CpuBurners.onEveryCore()) {
            CountDownLatch countersDone = new CountDownLatch(regions.size() * clients);
            List<Future<?>> work = new ArrayList<>();
            for (String region : regions) {
                for (int c = 0; c < clients; c++) {
                    work.add(pool.submit(() -> {
                        try {
                            for (int i = 0; i < increments; i++) {
                                errors.run(region, "UPDATE cnt = cnt + 1", () -> increment(region, counter, errors));
                            }
                        } finally {
                            countersDone.countDown();
                        }
                    }));
                }
                for (int w = 0; w < HOT_WRITERS_PER_REGION; w++) {
                    String writer = region + "-" + w;
                    work.add(pool.submit(() -> {
                        for (int i = 0; countersDone.getCount() > 0; i++) {
                            int n = i;
                            errors.run(region, "hot-row write " + n, () -> writeHotRows(region, hot, writer, n, errors));
                            hotWrites.incrementAndGet();
                        }
                    }));
                }
            }
            for (Future<?> f : work) {
                f.get(WORKLOAD_LIMIT_MINUTES, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long updates = (long) regions.size() * clients * increments;
        System.out.printf("ConcurrencyIT: %d counter UPDATEs and %d hot-row writes from %d regions in %.1f s"
            + " under %d CPU burners; %d client errors%n", updates, hotWrites.get(), regions.size(), seconds,
            Runtime.getRuntime().availableProcessors(), errors.all().size());

        assertThat(errors.all()).as("client errors (a real store fails none of these writes)").isEmpty();
        TableFingerprint counted = mr.converge(counter, "id");
        Map<String, Long> byRegion = regions.stream().collect(Collectors.toMap(r -> r,
            r -> mr.get(r, counter, new MapValue().put("id", 1)).getValue().getLong("cnt")));
        assertThat(byRegion).as("counter in each region after %d acknowledged increments (agreed row: %s)",
            updates, counted.rows()).allSatisfy((region, value) -> assertThat(value).isEqualTo(updates));
        TableFingerprint hotRows = mr.converge(hot, "sk", "id");
        assertThat(hotRows.rows()).as("hot rows in every region").hasSize(HOT_ROWS);
    }

    private void increment(String region, String table, ClientErrors errors) {
        List<MapValue> result = mr.sql(region, "UPDATE " + table + " SET cnt = cnt + 1 WHERE id = 1");
        if (result.size() != 1 || result.get(0).getInt("NumRowsUpdated") != 1) {
            errors.record(region, "UPDATE cnt = cnt + 1", "the row was not updated: " + result);
        }
    }

    /** One write of the hot rows, by turns an SDK put, a SQL UPSERT and a write-multiple of three rows. */
    private void writeHotRows(String region, String table, String writer, int n, ClientErrors errors) {
        String v = writer + "#" + n;
        int id = Math.floorMod(n * 7 + writer.hashCode(), HOT_ROWS);
        switch (n % 3) {
            case 0 -> mr.put(region, table, new MapValue().put("sk", 0).put("id", id).put("v", v), null);
            case 1 -> mr.sql(region, "UPSERT INTO " + table + " VALUES(0, " + id + ", \"" + v + "\")");
            default -> {
                // Three rows in an order that differs between writers: row locks are taken in different orders.
                WriteMultipleRequest batch = new WriteMultipleRequest();
                for (int k = 0; k < 3; k++) {
                    int row = Math.floorMod(id + (n % 2 == 0 ? k : -k), HOT_ROWS);
                    batch.add(new PutRequest().setTableName(table)
                        .setValue(new MapValue().put("sk", 0).put("id", row).put("v", v)), true);
                }
                WriteMultipleResult r = mr.in(region).writeMultiple(batch);
                if (!r.getSuccess()) {
                    errors.record(region, "write-multiple " + n, "failed at operation " + r.getFailedOperationIndex());
                }
            }
        }
    }

    @Test
    @DisplayName("simultaneous puts of one key through FR and CO with different values converge, round after round")
    void simultaneousConflictingPutsFromBothRegionsConverge() throws Exception {
        int rounds = size(ROUNDS, DEFAULT_ROUNDS);
        String t = MrFixture.table("Race");
        mr.createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        // The first write to a new MR table may take long to arrive on a real store.
        mr.put("FR", t, new MapValue().put("id", 0).put("v", "first"), null);
        mr.converge(t, "id");

        List<String> regions = mr.regionNames();
        CyclicBarrier together = new CyclicBarrier(regions.size());
        ClientErrors errors = new ClientErrors();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(regions.size());
        try (CpuBurners burners = CpuBurners.onEveryCore()) {
            List<Future<?>> writers = new ArrayList<>();
            for (String region : regions) {
                writers.add(pool.submit(() -> {
                    for (int r = 1; r <= rounds; r++) {
                        together.await(1, TimeUnit.MINUTES);
                        // A key new in this round (both regions insert it) and key 0 (both overwrite it).
                        String v = region + "#" + r;
                        int round = r;
                        errors.run(region, "put new key " + r, () ->
                            mr.put(region, t, new MapValue().put("id", round).put("v", v), null));
                        errors.run(region, "put key 0", () ->
                            mr.put(region, t, new MapValue().put("id", 0).put("v", v), null));
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(WORKLOAD_LIMIT_MINUTES, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        System.out.printf("ConcurrencyIT: %d rounds of simultaneous puts from %s in %.1f s; %d client errors%n",
            rounds, regions, (System.nanoTime() - started) / 1e9, errors.all().size());

        assertThat(errors.all()).as("client errors").isEmpty();
        // Convergence names every key whose rows differ, with each region's row.
        TableFingerprint agreed = mr.converge(t, "id");
        assertThat(agreed.rows()).as("one row per round and key 0").hasSize(rounds + 1);
        for (Map.Entry<String, RowImage> row : agreed.rows().entrySet()) {
            assertThat(row.getValue().valueJson()).as("row %s holds a value one of the regions wrote", row.getKey())
                .containsAnyOf(regions.stream().map(r -> "\"" + r + "#").toArray(String[]::new));
        }
    }
}
