package io.mrtck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.mrtck.backup.BackupBenchmark;
import io.mrtck.client.RegionClients;
import io.mrtck.topology.embedded.EmbeddedTopology;
import io.mrtck.topology.embedded.TopologySpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Measures export and import of each format beside plain SDK puts, on an embedded FR/CO topology. */
@Command(name = "bench-backup", mixinStandardHelpOptions = true,
    description = "Benchmark export and import (binary and JSON) beside plain SDK put throughput, on embedded FR/CO.")
final class BenchBackup implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "100000", description = "Rows (default ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--out", defaultValue = "reports/benchmark-backup.md",
        description = "Where to write the Markdown table (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        try (EmbeddedTopology t = EmbeddedTopology.start(TopologySpec.workshop()); RegionClients clients = new RegionClients(t)) {
            Main.printAndWrite(new BackupBenchmark(t, clients, rows, System.err).run(), out);
        }
        return 0;
    }
}
