package io.mrtck.backup.migrator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.mrtck.backup.ExportedRow;
import io.mrtck.backup.RowFileWriter;
import oracle.nosql.driver.values.JsonOptions;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;

/**
 * The Migrator's JSON file sink: one JSON object per row (one a line, or indented with {@code
 * pretty}), with {@code "_metadata": {"expiration": <ms since epoch>}} for a row that expires when
 * {@code includeTTL} is on (Migrator 1.6+; a row that never expires has no {@code _metadata}). With
 * {@code useMultiFiles} the rows go to numbered files in the {@code dataPath} directory, a new one
 * when a file reaches {@code chunkSize} MB.
 */
public final class JsonRowsWriter implements RowFileWriter {
    static final String METADATA = "_metadata";
    static final String EXPIRATION = "expiration";

    private final Path target;
    private final String table;
    private final boolean includeTtl;
    private final boolean pretty;
    private final long chunkBytes;
    private Writer out;
    private long fileBytes;
    private long bytes;
    private int files;

    /**
     * @param target     the file, or with {@code chunkMb > 0} the directory of numbered files
     * @param chunkMb    MB per file; 0 = one file
     */
    public JsonRowsWriter(Path target, String table, boolean includeTtl, boolean pretty, int chunkMb) throws IOException {
        this.target = target;
        this.table = table;
        this.includeTtl = includeTtl;
        this.pretty = pretty;
        this.chunkBytes = chunkMb * 1_000_000L;
        if (chunkBytes > 0) {
            Files.createDirectories(target);
        } else {
            open(target);
        }
    }

    @Override
    public void write(ExportedRow row) throws IOException {
        MapValue value = row.value();
        if (includeTtl && row.expiration() != 0) {
            value = new MapValue();
            row.value().getMap().forEach(value::put);
            value.put(METADATA, new MapValue().put(EXPIRATION, new LongValue(row.expiration())));
        }
        String text = (pretty ? value.toJson(JsonOptions.PRETTY) : value.toJson()) + "\n";
        if (chunkBytes > 0 && (out == null || fileBytes >= chunkBytes)) {
            close();
            open(target.resolve(table + "_" + (++files) + ".json"));
        }
        out.write(text);
        int n = text.getBytes(StandardCharsets.UTF_8).length;
        fileBytes += n;
        bytes += n;
    }

    private void open(Path file) throws IOException {
        out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
        fileBytes = 0;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
