package io.mrtck.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.mrtck.checker.Checker;
import io.mrtck.checker.Verdict;
import io.mrtck.history.History;

/**
 * {@code mrtck bench-checker}: how long the checker takes on a large valid history. Generates a
 * {@link SyntheticHistory} of N operations, writes it as JSON lines, reads it back and checks it;
 * times each phase, with the heap the read-back history holds and the peak heap of the run.
 */
public final class CheckerBenchmark {
    private static final long MB = 1024 * 1024;

    private final int ops;
    private final int keys;
    private final long seed;
    private final PrintStream progress;

    public CheckerBenchmark(int ops, int keys, long seed, PrintStream progress) {
        this.ops = ops;
        this.keys = keys;
        this.seed = seed;
        this.progress = progress;
    }

    /** The figures as Markdown. */
    public String run() throws IOException {
        List<String> rows = new ArrayList<>();
        Path dir = Files.createTempDirectory("mrtck-bench-checker");
        Path file = dir.resolve("history.jsonl");
        try {
            long start = System.nanoTime();
            History generated = SyntheticHistory.generate(ops, keys, seed);
            rows.add(row("generate", System.nanoTime() - start));
            progress.println("generated " + generated.size() + " operations");

            start = System.nanoTime();
            generated.writeJsonLines(file);
            rows.add(row("write JSON lines", System.nanoTime() - start));
            long bytes = Files.size(file);
            generated = null; // so that the heap measured below holds only the read-back history

            System.gc();
            long before = usedHeap();
            start = System.nanoTime();
            History read = History.readJsonLines(file);
            rows.add(row("read JSON lines back", System.nanoTime() - start));
            System.gc();
            long held = usedHeap() - before;
            progress.println("read back " + read.size() + " operations");

            start = System.nanoTime();
            Verdict verdict = Checker.standard().check(read);
            long checkNanos = System.nanoTime() - start;
            rows.add(row("check (all six invariants)", checkNanos));
            progress.println(verdict.ok() ? "verdict: OK" : "verdict: " + verdict.violations().size() + " violations");

            StringBuilder md = new StringBuilder("# Checker benchmark\n\n")
                .append(String.format(Locale.ROOT, "%,d operations over %,d keys, two regions (FR, CO), seed %d; "
                    + "%d CPUs, Java %s, max heap %,d MB.%n%n", ops, keys, seed,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    Runtime.getRuntime().maxMemory() / MB))
                .append("| Phase | Wall time (ms) | Operations/s |\n|---|---:|---:|\n");
            rows.forEach(r -> md.append(r).append('\n'));
            md.append(String.format(Locale.ROOT, "%n- History file: %,d MB of JSON lines (%d bytes per operation).%n",
                    bytes / MB, bytes / ops))
                .append(String.format(Locale.ROOT, "- Heap held by the read-back history: %,d MB (%d bytes per "
                    + "operation); peak heap of the run: %,d MB.%n", held / MB, held / ops, peakHeap() / MB))
                .append("- Verdict: ").append(verdict.ok() ? "OK (no violation, as the generated history is valid)"
                    : verdict.violations().size() + " violations (the generated history should have none)").append(".\n");
            return md.toString();
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }

    private String row(String phase, long nanos) {
        double ms = nanos / 1e6;
        return String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |", phase, ms, ops / (nanos / 1e9));
    }

    private static long usedHeap() {
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
