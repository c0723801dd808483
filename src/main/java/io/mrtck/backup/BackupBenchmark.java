package io.mrtck.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.awaitility.Awaitility;

import io.mrtck.client.RegionClients;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * {@code mrtck bench-backup}: export and import of a table of workshop users (every other row with
 * a TTL) in each format, one client thread, beside the plain SDK put throughput into the same kind
 * of MR table measured in the same run. Rows/s, and MB/s of the row files (of the rows' JSON for puts).
 */
public final class BackupBenchmark {
    private static final int TIMEOUT_MS = 30_000;
    private static final String COLUMNS = "(uid INTEGER, person JSON, PRIMARY KEY(uid))";

    private final Topology topology;
    private final RegionClients clients;
    private final int rows;
    private final PrintStream out;

    public BackupBenchmark(Topology topology, RegionClients clients, int rows, PrintStream out) {
        this.topology = topology;
        this.clients = clients;
        this.rows = rows;
        this.out = out;
    }

    /** The figures as a Markdown table. */
    public String run() throws IOException {
        String region = topology.regions().get(0).name();
        NoSQLHandle h = clients.handle(region);
        List<String> lines = new ArrayList<>();
        Path dir = Files.createTempDirectory("mrtck-bench-backup");
        try {
            create("BenchUsers");
            long bytes = 0;
            long start = System.nanoTime();
            for (int i = 0; i < rows; i++) {
                MapValue row = user(i);
                bytes += row.toJson().getBytes(StandardCharsets.UTF_8).length;
                PutRequest put = new PutRequest().setTableName("BenchUsers").setValue(row).setTimeout(TIMEOUT_MS);
                if (i % 2 == 0) {
                    put.setTTL(TimeToLive.ofDays(3));
                }
                h.put(put);
            }
            lines.add(line("SDK put (plain, the row's JSON)", rows, bytes, System.nanoTime() - start));
            awaitEveryRegion("BenchUsers");
            for (ExportFormat f : ExportFormat.values()) {
                Path pkg = dir.resolve(f.name().toLowerCase(Locale.ROOT));
                start = System.nanoTime();
                BackupManifest m = PackageExport.run(h, "BenchUsers", f, pkg, new PackageExport.Origin("mrtck bench-backup",
                    region, topology.regions().get(0).storeName(), regionNames()), TIMEOUT_MS, out);
                long fileBytes = m.tables().get(0).checksums().bytes();
                lines.add(line("export " + f.name().toLowerCase(Locale.ROOT), m.rowCount(), fileBytes, System.nanoTime() - start));
                String target = "BenchImport" + f.name();
                create(target);
                start = System.nanoTime();
                PackageImport.run(h, ExportPackage.open(pkg), new PackageImport.Options(target, false, null, null, 1_000, 0,
                    TIMEOUT_MS), out);
                lines.add(line("import " + f.name().toLowerCase(Locale.ROOT) + " (verify, then put if absent)", m.rowCount(),
                    fileBytes, System.nanoTime() - start));
                awaitEveryRegion(target);
            }
        } finally {
            for (String t : List.of("BenchUsers", "BenchImportJSON", "BenchImportBINARY")) {
                for (Region r : topology.regions()) {
                    ddl(r.name(), TableDdl.drop(t));
                }
            }
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return "# Backup benchmark\n\n" + rows + " rows of " + COLUMNS + " (every other one with a TTL of 3 days), one client "
            + "thread, embedded reference regions " + regionNames() + ", into/from region " + region + "; each step starts once "
            + "every region holds the rows of the one before.\n\n"
            + "| step | rows | seconds | rows/s | MB/s |\n|---|---|---|---|---|\n" + String.join("\n", lines) + "\n";
    }

    /**
     * Waits, outside the timed steps, until every region holds all rows of {@code table}: the
     * next step is timed without the agents still catching up behind it.
     */
    private void awaitEveryRegion(String table) {
        Awaitility.await("every region holds the " + rows + " rows of " + table).atMost(Duration.ofMinutes(10))
            .pollInSameThread().pollInterval(Duration.ofMillis(500)).until(() -> topology.regions().stream()
                .allMatch(r -> count(clients.handle(r.name()), table) == rows));
    }

    private static long count(NoSQLHandle h, String table) {
        try (QueryRequest q = new QueryRequest().setStatement("SELECT count(*) AS n FROM " + table)) {
            return h.query(q).getResults().get(0).getLong("n");
        }
    }

    private void create(String table) {
        for (Region r : topology.regions()) {
            ddl(r.name(), "CREATE TABLE " + table + COLUMNS + " IN REGIONS " + String.join(", ", regionNames()));
        }
    }

    private void ddl(String region, String statement) {
        clients.handle(region).doTableRequest(new TableRequest().setStatement(statement), 60_000, 100);
    }

    private List<String> regionNames() {
        return topology.regions().stream().map(Region::name).toList();
    }

    private static MapValue user(int i) {
        return new MapValue().put("uid", i).put("person", FieldValue.createFromJson("{\"firstName\":\"first" + i
            + "\",\"lastName\":\"last" + i + "\",\"location\":\"" + (i % 2 == 0 ? "FR" : "CO") + "\",\"visits\":" + i
            + ",\"tags\":[\"a\",\"b\",\"c\"],\"address\":{\"city\":\"Paris\",\"zip\":\"75001\"}}", null));
    }

    private static String line(String step, long n, long bytes, long nanos) {
        double s = nanos / 1e9;
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.0f | %.2f |", step, n, s, n / s, bytes / 1e6 / s);
    }
}
