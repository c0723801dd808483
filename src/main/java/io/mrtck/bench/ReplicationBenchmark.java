package io.mrtck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.mrtck.client.RegionClients;
import io.mrtck.topology.Topology;
import io.mrtck.topology.embedded.EmbeddedTopology;
import io.mrtck.topology.embedded.TopologySpec;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * Measures replication on the embedded FR/CO topology through the SDK: the lag of single
 * writes (put acknowledged in FR → readable in CO, by polling CO with gets), and the
 * throughput of a burst (rows/s from the first write in FR until the last is readable in CO).
 * A benchmark, not a test: it prints figures and asserts nothing.
 */
public final class ReplicationBenchmark {
    private final int lagSamples;
    private final int burstRows;
    private final int threads;

    public ReplicationBenchmark(int lagSamples, int burstRows, int threads) {
        this.lagSamples = lagSamples;
        this.burstRows = burstRows;
        this.threads = threads;
    }

    public String run() throws Exception {
        try (Topology topology = EmbeddedTopology.start(TopologySpec.workshop());
             RegionClients clients = new RegionClients(topology)) {
            NoSQLHandle fr = clients.handle("FR");
            NoSQLHandle co = clients.handle("CO");
            String ddl = "CREATE TABLE Bench(id INTEGER, name STRING, doc JSON, PRIMARY KEY(id)) IN REGIONS FR, CO";
            fr.doTableRequest(new TableRequest().setStatement(ddl), 20_000, 50);
            co.doTableRequest(new TableRequest().setStatement(ddl), 20_000, 50);
            awaitVisible(co, write(fr, -1), 30_000); // the agents have found the table

            LatencyRecorder lag = new LatencyRecorder();
            for (int i = 0; i < lagSamples; i++) {
                long acked = writeAndTime(fr, i);
                lag.record(awaitVisible(co, i, 10_000) - acked);
            }
            LatencyRecorder.Summary lagSummary = lag.summary(1);

            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            AtomicInteger next = new AtomicInteger(1_000_000);
            int last = 1_000_000 + burstRows - 1;
            try {
                List<Future<?>> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    writers.add(pool.submit(() -> {
                        for (int id = next.getAndIncrement(); id <= last; id = next.getAndIncrement()) {
                            write(fr, id);
                        }
                    }));
                }
                for (Future<?> w : writers) {
                    w.get();
                }
            } finally {
                pool.shutdownNow();
            }
            long written = System.nanoTime();
            awaitCount(co, lagSamples + 1 + burstRows, 120_000);
            long visible = System.nanoTime();
            return report(lagSummary, (written - start) / 1e9, (visible - start) / 1e9);
        }
    }

    private static int write(NoSQLHandle h, int id) {
        h.put(new PutRequest().setTableName("Bench").setValue(new MapValue().put("id", id).put("name", "n" + id)
            .putFromJson("doc", "{\"i\":" + id + ",\"tags\":[\"a\",\"b\"]}", null)));
        return id;
    }

    private static long writeAndTime(NoSQLHandle h, int id) {
        write(h, id);
        return System.nanoTime();
    }

    /** Busy-polls until the row is readable; returns when it was first seen (nanoTime). */
    private static long awaitVisible(NoSQLHandle h, int id, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        GetRequest get = new GetRequest().setTableName("Bench").setKey(new MapValue().put("id", id));
        while (System.nanoTime() < deadline) {
            if (h.get(get).getValue() != null) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException("row " + id + " did not reach CO within " + timeoutMs + " ms");
    }

    private static void awaitCount(NoSQLHandle h, long expected, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        long seen = -1;
        while (System.nanoTime() < deadline) {
            try (QueryRequest q = new QueryRequest().setStatement("SELECT count(*) FROM Bench")) {
                seen = h.query(q).getResults().get(0).get("Column_1").getLong();
            }
            if (seen >= expected) {
                return;
            }
        }
        throw new IllegalStateException("CO holds " + seen + " of " + expected + " rows after " + timeoutMs + " ms");
    }

    private String report(LatencyRecorder.Summary lag, double writeSeconds, double replicatedSeconds) {
        return String.format("# Replication benchmark (embedded FR -> CO)%n%n"
                + "Machine: %d cores, Java %s.%n%n"
                + "Single-write lag, put acknowledged in FR -> readable in CO, %d samples: "
                + "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n%n"
                + "Burst: %d rows written in FR by %d threads in %.2f s (%.0f rows/s); all readable in CO after "
                + "%.2f s: replication throughput %.0f rows/s%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
            lag.ops(), lag.p50() / 1000.0, lag.p95() / 1000.0, lag.p99() / 1000.0, lag.max() / 1000.0,
            burstRows, threads, writeSeconds, burstRows / writeSeconds, replicatedSeconds,
            burstRows / replicatedSeconds);
    }
}
