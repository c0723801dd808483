package io.mrtck.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.TableRequest;

/**
 * Imports an export package into one store ({@code kvtool import}): every file is checked whole,
 * every target table checked against the exported schema (a table the store lacks is created from
 * the package's DDL) before the first row is written; then the rows, put-if-absent unless told to
 * overwrite, with their expiration times and counters, resumable through a {@code -status} directory.
 */
public final class PackageImport {
    private static final int DDL_TIMEOUT_MS = 60_000;

    /**
     * @param table           the table to import into (the package's own table, or another of the same
     *                        schema when the package holds no child tables)
     * @param ttlRelativeDate null: keep each row's absolute expiration; else count TTLs from that date
     * @param statusDir       null: not resumable
     */
    public record Options(String table, boolean overwrite, Long ttlRelativeDate, Path statusDir, int chunkRows,
                          int maxRowsPerSecond, int requestTimeoutMs) {
    }

    private PackageImport() {
    }

    public static Map<String, ImportCounts> run(NoSQLHandle handle, ExportPackage pkg, Options o, PrintStream out)
            throws IOException {
        BackupManifest m = pkg.manifest();
        pkg.verify();
        String root = m.tables().get(0).table();
        if (!TableDefinition.sameName(root, o.table()) && m.tables().size() > 1) {
            throw new BackupException("the package holds table " + root + " with its child tables; it imports into " + root
                + ", not " + o.table());
        }
        List<TableDefinition> targets = new ArrayList<>();
        for (BackupManifest.TableFile t : m.tables()) {
            String name = t == m.tables().get(0) ? o.table() : t.table();
            TableDefinition target = TableDefinition.find(handle, name).orElseGet(() -> create(handle, t, name, out));
            SchemaCheck.requireSameSchema(t.definition(), target, "export package " + pkg.dir());
            targets.add(target);
        }
        RegionClock clock = new RegionClock(handle, o.requestTimeoutMs());
        Map<String, ImportCounts> counts = new LinkedHashMap<>();
        for (int i = 0; i < targets.size(); i++) {
            BackupManifest.TableFile t = m.tables().get(i);
            TableDefinition target = targets.get(i);
            ImportStatus status = o.statusDir() == null ? null : ImportStatus.open(o.statusDir(), target.name(), t.checksums().sha256());
            RowImporter importer = new RowImporter(handle, target, o.overwrite(), o.requestTimeoutMs(),
                new ExpirationPolicy(true, o.ttlRelativeDate(), m.exportedAt(), clock));
            try (RowFileReader reader = pkg.reader(t)) {
                counts.put(target.name(), new TableImport(importer, out, o.chunkRows(), o.maxRowsPerSecond(), true)
                    .run(reader, "import " + t.table() + " into " + target.name(), t.rows(), status, null));
            }
        }
        return counts;
    }

    /** Creates a table the store lacks from the package's DDL; only the package's own table, by its own name. */
    private static TableDefinition create(NoSQLHandle handle, BackupManifest.TableFile t, String name, PrintStream out) {
        if (!TableDefinition.sameName(name, t.table())) {
            throw new BackupException("table " + name + " does not exist; the package's DDL creates " + t.table()
                + ", so create " + name + " first");
        }
        for (String statement : t.ddl()) {
            handle.doTableRequest(new TableRequest().setStatement(statement), DDL_TIMEOUT_MS, 100);
        }
        out.println("created " + name + " from the package's DDL in this store only: an MR table must be created in every "
            + "region before rows are imported into one");
        return TableDefinition.find(handle, name).orElseThrow(() -> new BackupException("the package's DDL did not create " + name));
    }
}
