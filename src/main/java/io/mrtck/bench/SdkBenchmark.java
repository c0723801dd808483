package io.mrtck.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.mrtck.client.RegionClients;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * Measures two regions the way a user's program sees them: the SDK in this JVM, the regions
 * behind their HTTP endpoints (another process, or a real deployment), an MR table
 * {@code (id INTEGER, v STRING)} in both, 100-byte values, one handle per region. Four
 * figures: put and get with one client thread, put with eight, and the lag from a put
 * acknowledged in the first region to the row readable in the second. Nothing here knows
 * what serves the endpoints, so the same command compares the reference with a real
 * deployment.
 */
public final class SdkBenchmark {
    /** What to measure and where. */
    public record Settings(String firstUrl, String secondUrl, List<String> regions, String table,
                           int seconds, int threads, int lagSamples, int valueBytes) { }

    /**
     * One measured row: throughput, latency quantiles in milliseconds, and the CPU time each
     * operation cost the client and the server process (microseconds; -1 when the server's
     * process is not known). CPU per operation moves far less than latency on a busy machine.
     */

    public record Figure(String name, int clientThreads, long operations, double opsPerSecond,
                         double p50Ms, double p95Ms, double p99Ms, double maxMs,
                         double clientCpuMicrosPerOp, double serverCpuMicrosPerOp) {
        static Figure of(String name, int threads, LatencyRecorder.Summary s, CpuMeter.Usage cpu) {
            return new Figure(name, threads, s.ops(), s.opsPerSecond(), s.p50() / 1000.0, s.p95() / 1000.0,
                s.p99() / 1000.0, s.max() / 1000.0, cpu.clientMicros() / Math.max(1, s.ops()),
                cpu.serverMicros() < 0 ? -1 : cpu.serverMicros() / Math.max(1, s.ops()));
        }
    }

    /** Every figure of a run, with what it ran against. */
    public record Result(String first, String second, int cores, String java, int warmUpSeconds, List<Figure> figures) {
        public String markdown() {
            StringBuilder md = new StringBuilder();
            md.append("# SDK benchmark (separate-process client)\n\n")
                .append(String.format("%s -> %s; client: %d cores, Java %s, Oracle NoSQL Java SDK in this JVM; "
                    + "measured after %d s of warm-up.%n%n", first, second, cores, java, warmUpSeconds))
                .append("| measure | client threads | ops | ops/s | p50 ms | p95 ms | p99 ms | max ms "
                    + "| client CPU µs/op | server CPU µs/op |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
            for (Figure f : figures) {
                md.append(String.format("| %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %.2f | %.0f | %s |%n", f.name(),
                    f.clientThreads(), f.operations(), f.opsPerSecond(), f.p50Ms(), f.p95Ms(), f.p99Ms(), f.maxMs(),
                    f.clientCpuMicrosPerOp(), f.serverCpuMicrosPerOp() < 0 ? "–"
                        : String.format("%.0f", f.serverCpuMicrosPerOp())));
            }
            return md.toString();
        }

        public String json() {
            try {
                return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this) + "\n";
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final int KEYS = 10_000;
    private static final int REQUEST_TIMEOUT_MS = 30_000;
    private static final int MIN_WARM_UP_ROUNDS = 5;
    private static final int MAX_WARM_UP_ROUNDS = 30;
    /** Seconds of one warm-up round: puts from many threads, then gets and puts from one. */
    private static final int WARM_UP_ROUND_SECONDS = 4;

    private final Settings settings;
    private final CpuMeter cpu;
    private final String value;

    /** @param server the process serving the endpoints, when known: its CPU time is measured too */
    public SdkBenchmark(Settings settings, java.util.Optional<ProcessHandle> server) {
        this.settings = settings;
        this.cpu = new CpuMeter(server);
        this.value = "v".repeat(settings.valueBytes());
    }

    public Result run() throws Exception {
        try (NoSQLHandle first = RegionClients.open(settings.firstUrl(), REQUEST_TIMEOUT_MS);
             NoSQLHandle second = RegionClients.open(settings.secondUrl(), REQUEST_TIMEOUT_MS)) {
            createTable(first);
            createTable(second);
            // the agents find a new table on their own schedule: wait (bounded) for the first row
            awaitVisible(second, put(first, -1), 120_000);
            for (int i = 0; i < KEYS; i += 1) {
                put(first, i);
            }
            List<Figure> figures = new ArrayList<>();
            long warmUpStart = System.nanoTime();
            warmUp(first);
            int warmUpSeconds = (int) ((System.nanoTime() - warmUpStart) / 1_000_000_000L);
            CpuMeter.Usage before = cpu.now();
            LatencyRecorder.Summary put1 = phase(1, i -> put(first, i % KEYS));
            figures.add(Figure.of("put", 1, put1, cpu.since(before)));
            before = cpu.now();
            LatencyRecorder.Summary get1 = phase(1, i -> get(first, ThreadLocalRandom.current().nextInt(KEYS)));
            figures.add(Figure.of("get", 1, get1, cpu.since(before)));
            before = cpu.now();
            LatencyRecorder.Summary putN = phase(settings.threads(), i -> put(first, i % KEYS));
            figures.add(Figure.of("put", settings.threads(), putN, cpu.since(before)));
            before = cpu.now();
            LatencyRecorder.Summary lag = lag(first, second);
            figures.add(Figure.of("lag " + settings.regions().get(0) + " -> " + settings.regions().get(1), 1, lag,
                cpu.since(before)));
            return new Result(settings.firstUrl(), settings.secondUrl(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), warmUpSeconds, figures);
        }
    }

    private void createTable(NoSQLHandle h) {
        String ddl = "CREATE TABLE IF NOT EXISTS " + settings.table() + "(id INTEGER, v STRING, PRIMARY KEY(id)) IN REGIONS "
            + String.join(", ", settings.regions());
        h.doTableRequest(new TableRequest().setStatement(ddl), 60_000, 100);
    }

    private int put(NoSQLHandle h, int id) {
        h.put(new PutRequest().setTableName(settings.table()).setValue(new MapValue().put("id", id).put("v", value)));
        return id;
    }

    private MapValue get(NoSQLHandle h, int id) {
        return h.get(new GetRequest().setTableName(settings.table()).setKey(new MapValue().put("id", id))).getValue();
    }

    /**
     * Untimed rounds of puts and gets until the CPU an operation costs (this JVM's, and the
     * server's when its process is known) has stopped falling: two rounds in a row no cheaper
     * than the best before them. The SDK and the server compile for tens of seconds (a JIT
     * compiler took half a core through the first minute of a run), and a measure taken while
     * they do reports the compilers' CPU, not the operations'.
     */
    private void warmUp(NoSQLHandle h) throws Exception {
        double best = Double.MAX_VALUE;
        int flat = 0;
        for (int round = 1; round <= MAX_WARM_UP_ROUNDS; round++) {
            CpuMeter.Usage before = cpu.now();
            long ops = phase(settings.threads(), i -> put(h, i % KEYS), WARM_UP_ROUND_SECONDS / 2).ops()
                + phase(1, i -> get(h, i % KEYS), WARM_UP_ROUND_SECONDS / 4).ops()
                + phase(1, i -> put(h, i % KEYS), WARM_UP_ROUND_SECONDS / 4).ops();
            CpuMeter.Usage used = cpu.since(before);
            double perOp = (used.clientMicros() + Math.max(0, used.serverMicros())) / Math.max(1, ops);
            if (perOp < best * 0.95) {
                best = perOp;
                flat = 0;
            } else {
                flat++;
            }
            if (round >= MIN_WARM_UP_ROUNDS && flat >= 2) {
                return;
            }
        }
    }

    private LatencyRecorder.Summary phase(int threads, IntConsumer op) throws Exception {
        return phase(threads, op, settings.seconds());
    }

    private LatencyRecorder.Summary phase(int threads, IntConsumer op, int seconds) throws Exception {
        return TimedLoad.run(threads, seconds, op);
    }

    /** Put acknowledged in the first region → readable in the second (polled with gets). */
    private LatencyRecorder.Summary lag(NoSQLHandle first, NoSQLHandle second) {
        LatencyRecorder lag = new LatencyRecorder();
        long began = System.nanoTime();
        for (int i = 0; i < settings.lagSamples(); i++) {
            int id = 1_000_000 + i;
            put(first, id);
            long acked = System.nanoTime();
            lag.record(awaitVisible(second, id, 10_000) - acked);
        }
        return lag.summary((System.nanoTime() - began) / 1e9);
    }

    private long awaitVisible(NoSQLHandle h, int id, long timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (get(h, id) != null) {
                return System.nanoTime();
            }
        }
        throw new IllegalStateException("row " + id + " of " + settings.table() + " did not reach "
            + settings.secondUrl() + " within " + timeoutMs + " ms");
    }
}
