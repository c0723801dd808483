package io.mrtck.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code -status} directory of a resumable import: per table, how many rows of which export
 * (its row file's SHA-256) are written, counters included, and whether the import is complete. Each
 * commit replaces the file atomically, so an import killed at any moment leaves the last commit.
 */
public final class ImportStatus {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final String table;
    private final String export;
    private long rowsDone;
    private boolean complete;

    private ImportStatus(Path file, String table, String export) {
        this.file = file;
        this.table = table;
        this.export = export;
    }

    /** The status of importing {@code table} from the export whose row file has SHA-256 {@code export}. */
    public static ImportStatus open(Path dir, String table, String export) throws IOException {
        Files.createDirectories(dir);
        ImportStatus s = new ImportStatus(dir.resolve(table + ".status.json"), table, export);
        if (Files.exists(s.file)) {
            JsonNode n = JSON.readTree(s.file.toFile());
            if (!export.equals(n.path("export").asText())) {
                throw new BackupException("status directory " + dir + " records an import of " + table + " from another export ("
                    + n.path("export").asText() + "); use a new -status directory for this one");
            }
            s.rowsDone = n.path("rowsDone").asLong();
            s.complete = n.path("complete").asBoolean();
        }
        return s;
    }

    public long rowsDone() {
        return rowsDone;
    }

    public boolean complete() {
        return complete;
    }

    /** Records that the first {@code rows} rows of the export are written. */
    public void commit(long rows) throws IOException {
        rowsDone = rows;
        write();
    }

    public void markComplete() throws IOException {
        complete = true;
        write();
    }

    private void write() throws IOException {
        ObjectNode n = JSON.createObjectNode();
        n.put("table", table);
        n.put("export", export);
        n.put("rowsDone", rowsDone);
        n.put("complete", complete);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, n.toPrettyString());
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
