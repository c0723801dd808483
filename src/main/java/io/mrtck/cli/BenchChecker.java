package io.mrtck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mrtck.bench.CheckerBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Times the history checker on a large generated valid history: generate, write, read back, check. */
@Command(name = "bench-checker", mixinStandardHelpOptions = true,
    description = "Benchmark the history checker on a generated valid history of N operations (no regions needed).")
final class BenchChecker implements Callable<Integer> {

    @Option(names = "--ops", defaultValue = "1000000", description = "Operations in the history (default ${DEFAULT-VALUE}).")
    int ops;

    @Option(names = "--keys", defaultValue = "10000", description = "Keys they touch (default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the generator (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", defaultValue = "reports/benchmark-checker.md",
        description = "Where to write the Markdown table (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Main.printAndWrite(new CheckerBenchmark(ops, keys, seed, System.err).run(), out);
        return 0;
    }
}
