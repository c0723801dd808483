package io.mrtck.backup.migrator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.ExpirationPolicy;
import io.mrtck.backup.ExportedRow;
import io.mrtck.backup.ImportCounts;
import io.mrtck.backup.PackageExport;
import io.mrtck.backup.Progress;
import io.mrtck.backup.RegionClock;
import io.mrtck.backup.RowFileReader;
import io.mrtck.backup.RowImporter;
import io.mrtck.backup.StoreLocator;
import io.mrtck.backup.TableDdl;
import io.mrtck.backup.TableDefinition;
import io.mrtck.backup.TableExport;
import io.mrtck.backup.TableImport;
import io.mrtck.backup.TableReader;
import io.mrtck.client.RegionClients;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.TableRequest;

/**
 * Runs a {@link MigratorConfig}: a {@code nosqldb} source into a JSON {@code file} sink (an export:
 * the rows, with {@code _metadata.expiration} under {@code includeTTL}, and the DDL into {@code
 * schemaPath}), or a JSON {@code file} source into a {@code nosqldb} sink (an import: the schema
 * file's DDL run first, every row checked against the table before the first is written, each
 * row's absolute expiration kept and rows expired at the reference time skipped and counted, MR
 * counters restored).
 */
public final class MigratorRun {
    private static final int DDL_TIMEOUT_MS = 60_000;
    private static final int CHUNK_ROWS = 1_000;

    private final StoreLocator locator;
    private final PrintStream out;

    public MigratorRun(StoreLocator locator, PrintStream out) {
        this.locator = locator;
        this.out = out;
    }

    /** What a migration did: rows exported (an export), or what the import did with each row (an import). */
    public record Result(long exported, ImportCounts imported) {
    }

    public Result run(MigratorConfig config) throws IOException {
        if (config.source() instanceof MigratorConfig.Store s && config.sink() instanceof MigratorConfig.JsonFiles f) {
            return new Result(export(s, f), null);
        }
        if (config.source() instanceof MigratorConfig.JsonFiles f && config.sink() instanceof MigratorConfig.Store s) {
            return new Result(0, importRows(f, s, config.abortOnError()));
        }
        throw new BackupException("config " + config.file() + ": a " + kind(config.source()) + " source into a "
            + kind(config.sink()) + " sink is not a migration the kit runs: nosqldb into file (export), file into nosqldb (import)");
    }

    private long export(MigratorConfig.Store source, MigratorConfig.JsonFiles sink) throws IOException {
        try (NoSQLHandle handle = open(source)) {
            TableDefinition table = TableDefinition.read(handle, source.table(), "store " + source.storeName());
            if (sink.schemaPath() != null) {
                SchemaFile.write(sink.schemaPath(), TableDdl.statements(table, PackageExport.regionsOf(handle), parentKeyLength(handle, table)));
            }
            Progress progress = Progress.on("export " + table.name() + " to " + sink.dataPath(), -1, out);
            try (JsonRowsWriter writer = new JsonRowsWriter(sink.dataPath(), table.name(), source.includeTtl(), sink.pretty(),
                     sink.useMultiFiles() ? sink.chunkSizeMb() : 0)) {
                new TableReader(handle, table, source.requestTimeoutMs()).forEach(row -> {
                    long before = writer.bytes();
                    try {
                        writer.write(TableExport.asExported(row));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write " + sink.dataPath(), e);
                    }
                    progress.advance(1, writer.bytes() - before);
                });
            }
            progress.done();
            return progress.rows();
        }
    }

    private ImportCounts importRows(MigratorConfig.JsonFiles source, MigratorConfig.Store sink, boolean abortOnError)
            throws IOException {
        try (NoSQLHandle handle = open(sink)) {
            List<String> ddl = sink.schemaPath() != null ? SchemaFile.read(sink.schemaPath())
                : source.schemaPath() != null ? SchemaFile.read(source.schemaPath()) : List.of();
            if (sink.schemaPath() != null) {
                for (String statement : ddl) {
                    handle.doTableRequest(new TableRequest().setStatement(statement), DDL_TIMEOUT_MS, 100);
                }
            }
            TableDefinition table = TableDefinition.read(handle, sink.table(), "store " + sink.storeName());
            requireSameKey(SchemaFile.key(ddl), table);
            long rows = checkEveryRow(source.dataPath(), table);
            RowImporter importer = new RowImporter(handle, table, sink.overwrite(), sink.requestTimeoutMs(),
                new ExpirationPolicy(sink.includeTtl(), sink.ttlRelativeDate(), 0, new RegionClock(handle, sink.requestTimeoutMs())));
            try (RowFileReader reader = new JsonRowsReader(source.dataPath(), table)) {
                return new TableImport(importer, out, CHUNK_ROWS, 0, abortOnError).run(reader,
                    "import " + source.dataPath() + " into " + table.name(), rows, null, null);
            }
        }
    }

    /** Reads every row against the table's columns before the first is written; the row count. */
    private static long checkEveryRow(Path dataPath, TableDefinition table) throws IOException {
        long rows = 0;
        try (RowFileReader reader = new JsonRowsReader(dataPath, table)) {
            for (ExportedRow r = reader.next(); r != null; r = reader.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void requireSameKey(Optional<SchemaFile.Key> exported, TableDefinition table) {
        if (exported.isEmpty()) {
            return;
        }
        List<String> primary = lower(table.primaryKey());
        List<String> shard = lower(table.shardKey());
        if (!exported.get().primary().equals(primary) || !exported.get().shard().equals(shard)) {
            throw new BackupException("cannot import into table " + table.name() + ": the schema file declares primary key "
                + exported.get().primary() + " with shard key " + exported.get().shard() + ", the table has " + primary
                + " with shard key " + shard + " (rows would be placed by another key: #27782). Nothing was written.");
        }
    }

    private NoSQLHandle open(MigratorConfig.Store store) {
        String endpoint = store.endpoint() != null ? store.endpoint() : locator.endpoint(store.storeName(), store.helperHosts());
        out.println("store " + store.storeName() + ": SDK endpoint " + endpoint);
        return RegionClients.open(endpoint, store.requestTimeoutMs());
    }

    private static int parentKeyLength(NoSQLHandle handle, TableDefinition table) {
        return table.parentName() == null ? 0
            : TableDefinition.read(handle, table.parentName(), "the store").primaryKey().size();
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static String kind(MigratorConfig.Endpoint e) {
        return e instanceof MigratorConfig.Store ? "nosqldb" : "file";
    }
}
