package io.mrtck.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mrtck.backup.binary.BinaryRowsReader;

/**
 * An export package on disk (a {@code backup} directory, a {@code kvtool export} package): its
 * {@link BackupManifest} and row files. {@link #verify()} reads every file through before anything
 * is written to a region, so a damaged or truncated package is refused whole.
 */
public final class ExportPackage {
    private final Path dir;
    private final BackupManifest manifest;

    private ExportPackage(Path dir, BackupManifest manifest) {
        this.dir = dir;
        this.manifest = manifest;
    }

    public static ExportPackage open(Path dir) throws IOException {
        return new ExportPackage(dir, BackupManifest.read(dir));
    }

    public BackupManifest manifest() {
        return manifest;
    }

    public Path dir() {
        return dir;
    }

    public Path file(BackupManifest.TableFile t) {
        return dir.resolve(t.file());
    }

    public RowFileReader reader(BackupManifest.TableFile t) throws IOException {
        return manifest.format().reader(file(t), t.definition());
    }

    /**
     * Checks every row file against the manifest (size, block checksums, SHA-256, each record,
     * the row count) and returns what each table holds, by table name.
     *
     * @throws BackupException naming the file and the byte or record where it is damaged
     */
    public Map<String, TableImage> verify() throws IOException {
        Map<String, TableImage> out = new LinkedHashMap<>();
        for (BackupManifest.TableFile t : manifest.tables()) {
            // a damaged binary record is best reported by its own checksum; JSON has none, so the blocks first
            if (manifest.format() == ExportFormat.JSON) {
                FileChecksums.verify(file(t), t.checksums());
                out.put(t.table(), read(t));
            } else {
                out.put(t.table(), read(t));
                FileChecksums.verify(file(t), t.checksums());
            }
        }
        return out;
    }

    private TableImage read(BackupManifest.TableFile t) throws IOException {
        TableImage image = new TableImage(t.definition());
        long rows = 0;
        try (RowFileReader r = reader(t)) {
            if (r instanceof BinaryRowsReader b && !TableDefinition.sameName(b.table(), t.table())) {
                throw new BackupException("row file " + file(t) + " holds table " + b.table() + ", the manifest says " + t.table());
            }
            for (ExportedRow row = r.next(); row != null; row = r.next()) {
                image.add(row);
                rows++;
            }
        }
        if (rows != t.rows()) {
            throw new BackupException("row file " + file(t) + " holds " + rows + " rows, the manifest says " + t.rows());
        }
        return image;
    }
}
