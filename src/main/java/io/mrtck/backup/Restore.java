package io.mrtck.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

import io.mrtck.client.RegionClients;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.TableRequest;

/**
 * {@code mrtck restore}: the workshop's restore procedure. Checks the backup whole first (nothing
 * is touched if a file is damaged), refuses while writes still arrive (unless forced), drops and
 * recreates the MR table and its child tables in every region, imports the rows in one region
 * (absolute expiration times kept, rows expired since the backup skipped and counted, counters
 * restored), waits until every region holds them, and compares each region with the backup.
 */
public final class Restore {
    private static final int DDL_TIMEOUT_MS = 60_000;
    private static final int CHUNK_ROWS = 1_000;

    /**
     * @param into        the region to import into; null = the backup's source region if the
     *                    topology has it, else the first region
     * @param force       skip the check that writes have stopped
     * @param quietPeriod how long no write may arrive before the restore goes on
     * @param timeout     how long every region may take to hold the restored rows
     */
    public record Options(String into, boolean force, Duration quietPeriod, Duration timeout) {
    }

    /** Where the rows went, what the import did, and each region's fingerprint of each table. */
    public record Result(String region, Map<String, ImportCounts> counts, Map<String, Map<String, String>> fingerprints) {
    }

    private final Topology topology;
    private final RegionClients clients;
    private final PrintStream out;
    private final int requestTimeoutMs;

    public Restore(Topology topology, RegionClients clients, PrintStream out, int requestTimeoutMs) {
        this.topology = topology;
        this.clients = clients;
        this.out = out;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    public Result run(Path dir, Options options) throws IOException {
        ExportPackage pkg = ExportPackage.open(dir);
        BackupManifest m = pkg.manifest();
        Map<String, TableImage> images = pkg.verify();
        out.println("backup " + dir + ": " + m.rowCount() + " rows of " + images.keySet() + " taken from region "
            + m.sourceRegion() + " at " + Instant.ofEpochMilli(m.exportedAt()) + "; files verified");
        Region into = topology.region(options.into() != null ? options.into() : defaultRegion(m));
        List<String> names = m.tables().stream().map(BackupManifest.TableFile::table).toList();
        if (options.force()) {
            out.println("--force: not checking that writes have stopped");
        } else {
            QuietPeriod.require(topology, clients, names, options.quietPeriod());
            out.println("no write to " + names + " in any region for " + options.quietPeriod().toMillis() + " ms");
        }
        TableFamily family = new TableFamily(m.tables().stream().map(BackupManifest.TableFile::definition).toList());
        recreate(family);
        NoSQLHandle handle = clients.handle(into.name());
        RegionClock clock = new RegionClock(handle, requestTimeoutMs);
        Map<String, ImportCounts> counts = new LinkedHashMap<>();
        Map<String, Set<String>> skipped = new LinkedHashMap<>();
        for (BackupManifest.TableFile t : m.tables()) {
            TableDefinition def = t.definition();
            TableImage image = images.get(t.table());
            Set<String> gone = new HashSet<>();
            RowImporter importer = new RowImporter(handle, def, false, requestTimeoutMs,
                new ExpirationPolicy(true, null, m.exportedAt(), clock));
            try (RowFileReader reader = pkg.reader(t)) {
                counts.put(t.table(), new TableImport(importer, out, CHUNK_ROWS, 0, true).run(reader,
                    "import " + t.table() + " into " + into.name(), t.rows(), null, (row, outcome) -> {
                        if (outcome == RowImporter.Outcome.SKIPPED_EXPIRED) {
                            gone.add(image.key(row));
                        }
                    }));
            }
            skipped.put(t.table(), gone);
        }
        Map<String, Map<String, String>> fingerprints = new LinkedHashMap<>();
        for (BackupManifest.TableFile t : m.tables()) {
            RestoreCheck check = new RestoreCheck(images.get(t.table()), skipped.get(t.table()), clock::now);
            fingerprints.put(t.table(), awaitEveryRegion(t.definition(), check, options.timeout()));
            String mine = fingerprints.get(t.table()).get(into.name());
            out.println(t.table() + ": every region holds the restored rows; fingerprint " + mine
                + (mine.equals(t.fingerprint()) ? " = the manifest's" : " (the manifest's " + t.fingerprint() + " less "
                    + skipped.get(t.table()).size() + " expired rows)"));
        }
        return new Result(into.name(), counts, fingerprints);
    }

    private String defaultRegion(BackupManifest m) {
        return topology.regions().stream().map(Region::name).filter(n -> n.equalsIgnoreCase(m.sourceRegion())).findFirst()
            .orElse(topology.regions().get(0).name());
    }

    /** Drops the tables in every region (children first), then creates them in every region (parents first). */
    private void recreate(TableFamily family) {
        List<String> regions = topology.regions().stream().map(Region::name).toList();
        List<TableDefinition> childrenFirst = new ArrayList<>(family.tables());
        Collections.reverse(childrenFirst);
        for (String r : regions) {
            for (TableDefinition t : childrenFirst) {
                ddl(r, TableDdl.drop(t.name()));
            }
        }
        for (String r : regions) {
            for (TableDefinition t : family.tables()) {
                for (String statement : TableDdl.statements(t, regions, family.parentKeyLength(t))) {
                    ddl(r, statement);
                }
            }
        }
        out.println("recreated " + family.tables().stream().map(TableDefinition::name).toList() + " in " + regions);
    }

    private void ddl(String region, String statement) {
        clients.handle(region).doTableRequest(new TableRequest().setStatement(statement), DDL_TIMEOUT_MS, 100);
    }

    /** Waits (bounded) until every region holds the backup's rows; returns each region's fingerprint. */
    private Map<String, String> awaitEveryRegion(TableDefinition table, RestoreCheck check, Duration timeout) {
        Map<String, String> fingerprints = new LinkedHashMap<>();
        Map<String, List<String>> differences = new LinkedHashMap<>();
        try {
            Awaitility.await("every region holds the restored rows of " + table.name()).atMost(timeout)
                .pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
                    fingerprints.clear();
                    differences.clear();
                    for (Region r : topology.regions()) {
                        TableImage image = new TableImage(table);
                        new TableReader(clients.handle(r.name()), table, requestTimeoutMs).forEach(image::add);
                        List<String> d = check.differences(image);
                        if (!d.isEmpty()) {
                            differences.put(r.name(), d);
                        }
                        fingerprints.put(r.name(), image.digest());
                    }
                    return differences.isEmpty();
                });
        } catch (ConditionTimeoutException e) {
            throw new BackupException("not every region holds the restored rows of " + table.name() + " after "
                + timeout.toSeconds() + " s: " + differences, e);
        }
        return fingerprints;
    }
}
