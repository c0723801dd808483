package io.mrtck.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

import io.mrtck.reference.Mutant;
import oracle.nosql.driver.NoSQLHandle;

/**
 * Exports one table of one region into a row file of an export package: every row with its
 * expiration time, counted and fingerprinted for the manifest, with progress on {@code out}.
 */
public final class TableExport {
    private TableExport() {
    }

    public static BackupManifest.TableFile run(NoSQLHandle handle, TableDefinition table, List<String> ddl, ExportFormat format,
                                               Path dir, int requestTimeoutMs, PrintStream out) throws IOException {
        Path file = dir.resolve(format.fileName(table.name()));
        TableImage image = new TableImage(table);
        Progress progress = Progress.on("export " + table.name(), -1, out);
        try (RowFileWriter writer = format.writer(file, table)) {
            new TableReader(handle, table, requestTimeoutMs).forEach(r -> {
                ExportedRow row = asExported(r);
                long before = writer.bytes();
                try {
                    writer.write(row);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + file, e);
                }
                image.add(row);
                progress.advance(1, writer.bytes() - before);
            });
        }
        progress.done();
        return new BackupManifest.TableFile(table.name(), table.schema(), ddl, file.getFileName().toString(),
            progress.rows(), FileChecksums.of(file), image.digest());
    }

    /** A row as every export writes it (the one place of the TTL_DROPPED_ON_EXPORT defect). */
    public static ExportedRow asExported(ExportedRow row) {
        return ToolDefects.on(Mutant.TTL_DROPPED_ON_EXPORT) ? new ExportedRow(row.value(), 0) : row;
    }
}
