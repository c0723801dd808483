package io.mrtck.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import io.mrtck.backup.binary.BinaryRowsReader;
import io.mrtck.backup.binary.BinaryRowsWriter;
import io.mrtck.backup.migrator.JsonRowsReader;
import io.mrtck.backup.migrator.JsonRowsWriter;

/** The two formats of an export's row files: the Migrator's JSON, and the kit's binary format. */
public enum ExportFormat {
    /** The Migrator's JSON file format, with {@code _metadata.expiration} (includeTTL). */
    JSON("json"),
    /** The kit's binary format: exact values, checksummed records. */
    BINARY("rows");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String fileName(String table) {
        return table + "." + extension;
    }

    public RowFileWriter writer(Path file, TableDefinition table) throws IOException {
        return this == JSON ? new JsonRowsWriter(file, table.name(), true, false, 0) : new BinaryRowsWriter(file, table.name());
    }

    public RowFileReader reader(Path file, TableDefinition table) throws IOException {
        return this == JSON ? new JsonRowsReader(file, table) : new BinaryRowsReader(file);
    }

    /** {@code json} or {@code binary}, in any case; anything else names the choices. */
    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BackupException("format " + text + " is not one the kit writes: json, binary");
        }
    }
}
