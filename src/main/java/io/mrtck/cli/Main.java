package io.mrtck.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import io.mrtck.topology.embedded.EmbeddedTopology;
import io.mrtck.topology.embedded.TopologySpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code mrtck} command line: {@code region} runs one reference region, {@code up} a
 * whole embedded topology, {@code admin} sends an admin command to a region, {@code bench}
 * measures one region, {@code report} writes the conformance report.
 */
@Command(name = "mrtck", mixinStandardHelpOptions = true, version = "mrtck 0.1.0",
    description = "Conformance kit for Oracle NoSQL Multi-Region tables.",
    subcommands = {Main.Region.class, Main.Up.class, Main.Admin.class, Main.Bench.class, Main.BenchReplication.class, BenchTopology.class, BenchSdk.class, Main.Report.class,
        BackupCommands.Freshest.class, BackupCommands.Migrate.class, BackupCommands.BackupCommand.class,
        BackupCommands.RestoreCommand.class, BenchBackup.class, BenchChecker.class, BenchHistory.class, ReplayCommand.class, TortureCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (for tests and embedding). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        // the admin's own options (-agent 0 -json) follow its command words: pass them through
        cl.getSubcommands().get("admin").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);
        // bad input to the backup commands is one line naming the problem, not a stack trace
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            if (!(e instanceof io.mrtck.backup.BackupException)) {
                throw e;
            }
            line.getErr().println("mrtck " + line.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** Starts one reference region and serves until interrupted. */
    @Command(name = "region", mixinStandardHelpOptions = true,
        description = "Run one reference region (the SDK endpoint of an on-prem HTTP proxy).")
    static final class Region implements Callable<Integer> {

        @Option(names = "--port", defaultValue = "8080",
            description = "HTTP port (0 = a free port; default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--root", required = true,
            description = "Region directory (created if missing; reused on restart).")
        Path root;

        @Option(names = "--name", description = "Region display name (e.g. FR).")
        String name;

        @Override
        public Integer call() throws Exception {
            RegionOptions options = RegionOptions.of(root).withPort(port).withName(name);
            ReferenceRegion region = ReferenceRegion.start(options);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                region.close();
                stopped.countDown();
            }, "mrtck-region-shutdown"));
            System.out.println("region ready: " + region.endpoint() + " (root " + root + ")");
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    /** Measures a reference region through the SDK and writes the figures as Markdown. */
    @Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark one reference region: start time, put/get/query throughput and latency.")
    static final class Bench implements Callable<Integer> {

        @Option(names = "--seconds", defaultValue = "10", description = "Seconds per phase (default ${DEFAULT-VALUE}).")
        int seconds;

        @Option(names = "--threads", defaultValue = "4", description = "Client threads (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--starts", defaultValue = "10", description = "Region starts to time (default ${DEFAULT-VALUE}).")
        int starts;

        @Option(names = "--out", defaultValue = "reports/benchmark-region.md",
            description = "Where to write the Markdown table (default ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            String report = new io.mrtck.bench.RegionBenchmark(seconds, threads, starts).run();
            printAndWrite(report, out);
            return 0;
        }
    }

    /** Starts the embedded topology (regions and agents) and serves until interrupted. */
    @Command(name = "up", mixinStandardHelpOptions = true,
        description = "Run an embedded multi-region topology: reference regions and their XRegion agents.")
    static final class Up implements Callable<Integer> {

        @Option(names = "--regions", defaultValue = "FR,CO", split = ",",
            description = "Region names; region X uses store OUGX (default ${DEFAULT-VALUE}).")
        java.util.List<String> regions;

        @Option(names = "--root", description = "Directory for the regions' data (default: a temporary "
            + "directory deleted on exit; a given one is kept and reused).")
        Path root;

        @Option(names = "--stats-interval", defaultValue = "60",
            description = "Agent statistics interval in seconds (default ${DEFAULT-VALUE}).")
        int statsInterval;

        @Override
        public Integer call() throws Exception {
            TopologySpec spec = TopologySpec.ofRegions(regions.toArray(String[]::new))
                .withRoot(root).withStatsIntervalSecs(statsInterval);
            EmbeddedTopology topology = EmbeddedTopology.start(spec);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                topology.close();
                stopped.countDown();
            }, "mrtck-topology-shutdown"));
            System.out.println("topology ready (root " + topology.root() + ")");
            System.out.println("topology file for the backup commands (--topology): " + writeTopologyFile(topology));
            for (io.mrtck.topology.Region r : topology.regions()) {
                System.out.println("region " + r.name() + ": store " + r.storeName() + ", SDK endpoint "
                    + r.endpoint() + ", agent " + r.agent().id());
                System.out.println("  admin: java -jar target/mrtck.jar admin --endpoint " + r.endpoint()
                    + " \"<command>\"");
            }
            System.out.println("Ctrl-C stops it.");
            System.out.flush();
            stopped.await();
            return 0;
        }
    }

    /**
     * {@code <root>/topology.properties}: the topology in the external target's properties, so that
     * freshest, backup, restore and migrate reach it (admin through the reference KVHOME's runadmin,
     * at the region's own port).
     */
    static Path writeTopologyFile(EmbeddedTopology topology) throws java.io.IOException {
        StringBuilder b = new StringBuilder("mrtck.external.regions=").append(String.join(",",
            topology.regions().stream().map(io.mrtck.topology.Region::name).toList())).append('\n');
        for (io.mrtck.topology.Region r : topology.regions()) {
            String prefix = "mrtck.external." + r.name() + ".";
            b.append(prefix).append("endpoint=").append(r.endpoint()).append('\n')
                .append(prefix).append("admin=").append(URI.create(r.endpoint()).getAuthority()).append('\n')
                .append(prefix).append("store=").append(r.storeName()).append('\n');
        }
        Path kvhome = Path.of("target", "kvhome").toAbsolutePath();
        b.append("mrtck.kvhome=").append(kvhome).append('\n');
        Path file = topology.root().resolve("topology.properties");
        java.nio.file.Files.writeString(file, b.toString());
        return file;
    }

    /** Sends one admin command line to a region's {@code /mrtck/admin} and prints the answer. */
    @Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Run an admin command on a region, e.g. admin --endpoint http://localhost:8080 "
            + "show mrtable-agent-statistics -agent 0 -json")
    static final class Admin implements Callable<Integer> {

        @Option(names = "--endpoint", required = true, description = "The region's SDK endpoint (http://host:port).")
        String endpoint;

        @CommandLine.Parameters(arity = "1..*", paramLabel = "<command>",
            description = "The command line, in one argument or as several words.")
        java.util.List<String> words;

        @Override
        public Integer call() throws Exception {
            String url = endpoint.replaceAll("/+$", "") + "/mrtck/admin";
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "text/plain; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(String.join(" ", words), StandardCharsets.UTF_8))
                .build();
            HttpResponse<String> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                System.err.println("cannot reach the admin of " + endpoint + ": " + e);
                return 1;
            }
            if (response.statusCode() == 200) {
                System.out.println(response.body());
                return 0;
            }
            System.err.println(response.body());
            return 1;
        }
    }

    /** Summarises the JUnit XML of a run as the conformance report; exit code 1 if anything failed. */
    @Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the conformance report (Markdown) from the test runners' XML results.")
    static final class Report implements Callable<Integer> {

        @Option(names = "--from", split = ",", defaultValue = "target/failsafe-reports",
            description = "Directories with TEST-*.xml (default ${DEFAULT-VALUE}).")
        List<Path> from;

        @Option(names = "--out", defaultValue = "reports/conformance.md",
            description = "Report file (default ${DEFAULT-VALUE}).")
        Path out;

        @Option(names = "--target", defaultValue = "embedded", description = "Target the run used.")
        String target;

        @Option(names = "--mutants", defaultValue = "reports/mutants.md",
            description = "The meta-test's mutants table, included when it exists (default ${DEFAULT-VALUE}).")
        Path mutants;

        @Override
        public Integer call() throws Exception {
            List<io.mrtck.report.TestOutcome> outcomes = new java.util.ArrayList<>();
            for (Path dir : from) {
                outcomes.addAll(io.mrtck.report.JUnitXmlReader.read(dir));
            }
            String mutantsTable = java.nio.file.Files.isRegularFile(mutants) ? java.nio.file.Files.readString(mutants) : null;
            io.mrtck.report.ConformanceReport report = new io.mrtck.report.ConformanceReport(outcomes, target, mutantsTable);
            if (out.getParent() != null) {
                java.nio.file.Files.createDirectories(out.getParent());
            }
            java.nio.file.Files.writeString(out, report.markdown());
            // the same matrix as one HTML page beside the Markdown (conformance.md -> conformance.html)
            Path html = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.md$", "") + ".html");
            java.nio.file.Files.writeString(html, report.html());
            System.out.println("report: " + out.toAbsolutePath() + " and " + html.getFileName() + " ("
                + outcomes.size() + " tests, " + (report.passed() ? "PASS" : "FAIL") + ")");
            return report.passed() ? 0 : 1;
        }
    }

    /** Measures replication lag and throughput on the embedded FR/CO topology. */
    @Command(name = "bench-replication", mixinStandardHelpOptions = true,
        description = "Benchmark replication FR -> CO: single-write lag quantiles and burst throughput.")
    static final class BenchReplication implements Callable<Integer> {

        @Option(names = "--samples", defaultValue = "500", description = "Single writes timed (default ${DEFAULT-VALUE}).")
        int samples;

        @Option(names = "--rows", defaultValue = "20000", description = "Rows in the burst (default ${DEFAULT-VALUE}).")
        int rows;

        @Option(names = "--threads", defaultValue = "4", description = "Writer threads (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--out", defaultValue = "reports/benchmark-replication.md",
            description = "Where to write the figures (default ${DEFAULT-VALUE}).")
        Path out;

        @Override
        public Integer call() throws Exception {
            String report = new io.mrtck.bench.ReplicationBenchmark(samples, rows, threads).run();
            printAndWrite(report, out);
            return 0;
        }
    }

    /** Prints a benchmark's Markdown and keeps it under {@code out} (reports/ by default). */
    static void printAndWrite(String report, Path out) throws java.io.IOException {
        System.out.print(report);
        if (out.getParent() != null) {
            java.nio.file.Files.createDirectories(out.getParent());
        }
        java.nio.file.Files.writeString(out, report);
    }
}
