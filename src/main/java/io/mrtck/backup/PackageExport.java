package io.mrtck.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import oracle.nosql.driver.NoSQLHandle;

/**
 * Writes an export package: a table and its child tables from one store into a new or empty
 * directory — their DDL, their row files, and the manifest last. A failed export removes what it
 * wrote, so a directory with a manifest holds a whole export.
 */
public final class PackageExport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PackageExport() {
    }

    /** Where the export comes from and who writes it, for the manifest. */
    public record Origin(String createdBy, String sourceRegion, String sourceStore, List<String> regions) {
    }

    public static BackupManifest run(NoSQLHandle handle, String table, ExportFormat format, Path dir, Origin origin,
                                     int requestTimeoutMs, PrintStream out) throws IOException {
        TableFamily family = TableFamily.read(handle, table, "store " + origin.sourceStore());
        boolean created = prepare(dir);
        long exportedAt = System.currentTimeMillis();
        try {
            List<BackupManifest.TableFile> files = new ArrayList<>();
            for (TableDefinition t : family.tables()) {
                List<String> ddl = TableDdl.statements(t, origin.regions(), family.parentKeyLength(t));
                files.add(TableExport.run(handle, t, ddl, format, dir, requestTimeoutMs, out));
            }
            BackupManifest m = new BackupManifest(format, origin.createdBy(), exportedAt, origin.sourceRegion(),
                origin.sourceStore(), origin.regions(), files);
            m.write(dir);
            return m;
        } catch (IOException | RuntimeException e) {
            removeWritten(dir, created);
            throw e;
        }
    }

    /** The regions a store knows ({@code SHOW AS JSON REGIONS}), which an MR table's DDL names. */
    public static List<String> regionsOf(NoSQLHandle handle) throws IOException {
        JsonNode shown = JSON.readTree(handle.doSystemRequest("SHOW AS JSON REGIONS", 60_000, 100).getResultString());
        List<String> out = new ArrayList<>();
        shown.path("regions").forEach(r -> out.add(r.path("name").asText()));
        return out;
    }

    /** Creates {@code dir}, or accepts it empty; true when created here. */
    private static boolean prepare(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new BackupException(dir + " is not empty: an export goes into a new or empty directory");
                }
            }
            return false;
        }
        Files.createDirectories(dir);
        return true;
    }

    /** Removes what a failed export wrote: the whole directory when it made it, else its files. */
    private static void removeWritten(Path dir, boolean created) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.deleteIfExists(p);
            }
        }
        if (created) {
            Files.deleteIfExists(dir);
        }
    }
}
