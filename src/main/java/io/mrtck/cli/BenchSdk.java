package io.mrtck.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.mrtck.bench.ReferenceTopologyProcess;
import io.mrtck.bench.SdkBenchmark;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The four figures a user's program sees of two regions — put and get latency with one
 * client thread, put throughput with eight, replication lag — measured from this JVM over
 * HTTP, against given endpoints (a real deployment, or {@code mrtck up} elsewhere) or
 * against the reference started in a JVM of its own.
 */
@Command(name = "bench-sdk", mixinStandardHelpOptions = true,
    description = "Benchmark two regions through the SDK from a separate process: put/get latency, "
        + "put throughput, replication lag. Writes Markdown and JSON.")
final class BenchSdk implements Callable<Integer> {

    static final class Where {
        @ArgGroup(exclusive = false)
        Endpoints endpoints;

        @Option(names = "--start-reference", description = "Start the reference topology (mrtck up) in a JVM of its "
            + "own and measure it.")
        boolean startReference;
    }

    static final class Endpoints {
        @Option(names = "--fr", required = true, description = "SDK endpoint of the first region (http://host:port).")
        String first;

        @Option(names = "--co", required = true, description = "SDK endpoint of the second region.")
        String second;
    }

    @ArgGroup(multiplicity = "1")
    Where where;

    @Option(names = "--server-pid", description = "Process id of the server behind the endpoints (on this machine): "
        + "its CPU time per operation is reported too.")
    Long serverPid;

    @Option(names = "--regions", defaultValue = "FR,CO", split = ",",
        description = "The two regions' names, as the MR table's IN REGIONS clause needs them (default ${DEFAULT-VALUE}).")
    List<String> regions;

    @Option(names = "--table", defaultValue = "BenchSdk", description = "MR table to create and write (default ${DEFAULT-VALUE}).")
    String table;

    @Option(names = "--seconds", defaultValue = "10", description = "Seconds per throughput phase (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--threads", defaultValue = "8", description = "Client threads of the concurrent put phase (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--lag-samples", defaultValue = "1000", description = "Writes timed for the lag (default ${DEFAULT-VALUE}).")
    int lagSamples;

    @Option(names = "--out", defaultValue = "reports/benchmark-sdk", description = "Report path without extension: "
        + "writes .md and .json (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (regions.size() != 2) {
            throw new IllegalArgumentException("--regions names two regions, got " + regions);
        }
        SdkBenchmark.Result result;
        if (where.startReference) {
            try (ReferenceTopologyProcess reference = ReferenceTopologyProcess.start(regions)) {
                result = measure(reference.endpoint(regions.get(0)), reference.endpoint(regions.get(1)),
                    java.util.Optional.of(reference.handle()));
            }
        } else {
            result = measure(where.endpoints.first, where.endpoints.second,
                java.util.Optional.ofNullable(serverPid).flatMap(ProcessHandle::of));
        }
        Main.printAndWrite(result.markdown(), out.resolveSibling(out.getFileName() + ".md"));
        java.nio.file.Files.writeString(out.resolveSibling(out.getFileName() + ".json"), result.json());
        return 0;
    }

    private SdkBenchmark.Result measure(String first, String second, java.util.Optional<ProcessHandle> server)
            throws Exception {
        return new SdkBenchmark(new SdkBenchmark.Settings(first, second, regions, table, seconds, threads, lagSamples,
            100), server).run();
    }
}
