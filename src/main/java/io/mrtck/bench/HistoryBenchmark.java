package io.mrtck.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;

import io.mrtck.history.History;
import io.mrtck.history.Op;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * What recording a history costs a client: SDK puts to one reference region, alternately without
 * and with each put recorded in a {@link History} (invoke, complete, key and row as JSON), in the
 * same run; then how long the history takes to write as JSON lines. A benchmark: asserts nothing.
 */
public final class HistoryBenchmark {
    private final int seconds;
    private final int threads;
    private final int rounds;

    public HistoryBenchmark(int seconds, int threads, int rounds) {
        this.seconds = seconds;
        this.threads = threads;
        this.rounds = rounds;
    }

    public String run() throws Exception {
        Path root = ScratchRegion.directory("mrtck-bench-history-");
        try (ScratchRegion scratch = ScratchRegion.start(root)) {
            NoSQLHandle handle = scratch.handle;
            handle.doTableRequest(new TableRequest().setStatement(
                "CREATE TABLE IF NOT EXISTS Hist(id INTEGER, v STRING, PRIMARY KEY(id))"), 10_000, 50);
            History history = new History();
            IntConsumer plain = i -> handle.put(new PutRequest().setTableName("Hist").setValue(row(i)));
            IntConsumer recorded = i -> {
                MapValue row = row(i);
                var op = history.invoke("bench-" + Thread.currentThread().getId(), "FR", Op.Kind.PUT)
                    .row("Hist", "{\"id\":" + (i % 10_000) + "}").value(row.toJson());
                boolean applied = handle.put(new PutRequest().setTableName("Hist").setValue(row)).getVersion() != null;
                op.ok(applied);
            };
            for (int w = 0; w < 3; w++) { // warm-up: the JIT, the store's caches
                TimedLoad.run(threads, 2, plain);
                TimedLoad.run(threads, 2, recorded);
            }
            StringBuilder table = new StringBuilder();
            double sumPlain = 0;
            double sumRecorded = 0;
            for (int r = 1; r <= rounds; r++) {
                // the order alternates too, so that a drift of the machine favours neither
                boolean plainFirst = r % 2 == 1;
                LatencyRecorder.Summary first = TimedLoad.run(threads, seconds, plainFirst ? plain : recorded);
                LatencyRecorder.Summary second = TimedLoad.run(threads, seconds, plainFirst ? recorded : plain);
                LatencyRecorder.Summary p = plainFirst ? first : second;
                LatencyRecorder.Summary h = plainFirst ? second : first;
                sumPlain += p.opsPerSecond();
                sumRecorded += h.opsPerSecond();
                table.append(p.row("put " + r)).append('\n').append(h.row("put+rec " + r)).append('\n');
            }
            Path file = root.resolve("history.jsonl");
            long t0 = System.nanoTime();
            history.writeJsonLines(file);
            long writeMs = (System.nanoTime() - t0) / 1_000_000;
            long bytes = Files.size(file);
            return String.format("# History recording benchmark%n%nMachine: %d cores, Java %s. %d client threads, "
                + "%d s per phase, after 12 s of warm-up; phases alternate, in alternating order (plain SDK put; the same put recorded in a history).%n%n"
                + "| phase  |      ops |      ops/s | p50 µs  | p95 µs  | p99 µs  | max µs  |%n"
                + "|--------|----------|------------|---------|---------|---------|---------|%n%s%n"
                + "Mean throughput: %.0f puts/s without recording, %.0f with (%.1f %% overhead).%n"
                + "History: %d operations, written as JSON lines in %d ms (%d bytes, %d bytes per operation).%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), threads, seconds,
                table, sumPlain / rounds, sumRecorded / rounds, 100 * (1 - sumRecorded / sumPlain),
                history.size(), writeMs, bytes, history.size() == 0 ? 0 : bytes / history.size());
        } finally {
            ScratchRegion.delete(root);
        }
    }

    private static MapValue row(int i) {
        return new MapValue().put("id", i % 10_000).put("v", "value-" + i);
    }
}
