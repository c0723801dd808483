package io.mrtck.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * Measures one reference region through the SDK: how long a start takes, and put, get and
 * query throughput and latency with a few client threads. A benchmark, not a test: it
 * asserts nothing and prints a Markdown table.
 */
public final class RegionBenchmark {
    private final int seconds;
    private final int threads;
    private final int starts;

    public RegionBenchmark(int seconds, int threads, int starts) {
        this.seconds = seconds;
        this.threads = threads;
        this.starts = starts;
    }

    public String run() throws Exception {
        Path root = ScratchRegion.directory("mrtck-bench-");
        try {
            long[] startMillis = measureStarts(root);
            try (ScratchRegion scratch = ScratchRegion.start(root)) {
                NoSQLHandle handle = scratch.handle;
                handle.doTableRequest(new TableRequest().setStatement(
                    "CREATE TABLE IF NOT EXISTS Bench(id INTEGER, name STRING, doc JSON, PRIMARY KEY(id))"),
                    10_000, 50);
                int keys = 10_000;
                LatencyRecorder.Summary put = phase(i -> handle.put(new PutRequest().setTableName("Bench")
                    .setValue(row(i % keys))));
                LatencyRecorder.Summary get = phase(i -> handle.get(new GetRequest().setTableName("Bench")
                    .setKey(new MapValue().put("id", ThreadLocalRandom.current().nextInt(keys)))));
                LatencyRecorder.Summary query = phase(i -> {
                    int id = ThreadLocalRandom.current().nextInt(keys);
                    try (QueryRequest q = new QueryRequest().setStatement(
                             "SELECT id, name FROM Bench WHERE id = " + id);
                         QueryIterableResult r = handle.queryIterable(q)) {
                        r.forEach(v -> { });
                    }
                });
                return report(startMillis, put, get, query);
            }
        } finally {
            ScratchRegion.delete(root);
        }
    }

    /** Start-to-ready times: the first start creates the store, the others reopen it. */
    private long[] measureStarts(Path root) {
        long[] ms = new long[starts];
        for (int i = 0; i < starts; i++) {
            long t0 = System.nanoTime();
            ReferenceRegion region = ReferenceRegion.start(RegionOptions.of(root));
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
            region.close();
        }
        return ms;
    }

    private LatencyRecorder.Summary phase(IntConsumer op) throws Exception {
        return TimedLoad.run(threads, seconds, op);
    }

    private static MapValue row(int id) {
        return new MapValue().put("id", id).put("name", "user-" + id)
            .putFromJson("doc", "{\"visits\":" + id + ",\"tags\":[\"a\",\"b\"]}", null);
    }

    private String report(long[] startMillis, LatencyRecorder.Summary... phases) {
        long[] reopen = Arrays.copyOfRange(startMillis, 1, startMillis.length);
        Arrays.sort(reopen);
        StringBuilder out = new StringBuilder();
        out.append("# Reference region benchmark\n\n");
        out.append(String.format("Machine: %d cores, Java %s. %d client threads, %d s per phase.%n%n",
            Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), threads, seconds));
        out.append(String.format("Start: first (new store) %d ms; reopen median %d ms, max %d ms over %d starts%n%n",
            startMillis[0], reopen.length == 0 ? 0 : reopen[reopen.length / 2],
            reopen.length == 0 ? 0 : reopen[reopen.length - 1], startMillis.length));
        out.append("| op     |      ops |      ops/s | p50 µs  | p95 µs  | p99 µs  | max µs  |\n");
        out.append("|--------|----------|------------|---------|---------|---------|---------|\n");
        String[] names = {"put", "get", "query"};
        for (int i = 0; i < phases.length; i++) {
            out.append(phases[i].row(names[i])).append('\n');
        }
        return out.toString();
    }
}
