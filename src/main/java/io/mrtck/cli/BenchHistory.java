package io.mrtck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mrtck.bench.HistoryBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What recording a history costs: puts with and without recording, alternately, in one run. */
@Command(name = "bench-history", mixinStandardHelpOptions = true,
    description = "Benchmark history recording: SDK puts to a reference region with and without recording, alternately.")
final class BenchHistory implements Callable<Integer> {

    @Option(names = "--seconds", defaultValue = "3", description = "Seconds per phase (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--threads", defaultValue = "4", description = "Client threads (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rounds", defaultValue = "3", description = "Pairs of phases (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--out", defaultValue = "reports/benchmark-history.md",
        description = "Where to write the Markdown table (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        Main.printAndWrite(new HistoryBenchmark(seconds, threads, rounds).run(), out);
        return 0;
    }
}
