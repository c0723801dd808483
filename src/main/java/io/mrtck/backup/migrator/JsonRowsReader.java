package io.mrtck.backup.migrator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.ExportedRow;
import io.mrtck.backup.RowFileReader;
import io.mrtck.backup.TableDefinition;

/**
 * Reads the Migrator's JSON rows from a file or from every {@code *.json} file of a directory (in
 * name order): a stream of JSON objects, each a row, its {@code _metadata.expiration} its expiration
 * time. Values are given the types of the table's columns ({@link JsonRowDecoder}). Invalid JSON or
 * a value that does not fit is a {@link BackupException} naming the file, the row and the byte.
 */
public final class JsonRowsReader implements RowFileReader {
    private static final ObjectMapper JSON = new ObjectMapper()
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private final Deque<Path> files;
    private final JsonRowDecoder decoder;
    private Path file;
    private InputStream stream;
    private JsonParser parser;
    private long row;
    private long complete;
    private long bytesBefore;

    public JsonRowsReader(Path dataPath, TableDefinition table) throws IOException {
        this.files = new ArrayDeque<>(files(dataPath));
        this.decoder = new JsonRowDecoder(table);
    }

    /** The data file, or the {@code .json} files of a directory in name order. */
    static List<Path> files(Path dataPath) throws IOException {
        if (!Files.exists(dataPath)) {
            throw new BackupException("data path " + dataPath + " does not exist");
        }
        if (!Files.isDirectory(dataPath)) {
            return List.of(dataPath);
        }
        try (Stream<Path> s = Files.list(dataPath)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json"))
                .sorted(Comparator.comparing((Path p) -> p.getFileName().toString().length())
                    .thenComparing(p -> p.getFileName().toString()))
                .toList();
        }
    }

    @Override
    public ExportedRow next() throws IOException {
        while (true) {
            if (parser == null && !openNext()) {
                return null;
            }
            JsonToken t;
            try {
                t = parser.nextToken();
            } catch (JsonProcessingException e) {
                throw invalid(e);
            }
            if (t == null) {
                closeFile();
                continue;
            }
            long at = parser.currentTokenLocation().getByteOffset();
            row++;
            if (t != JsonToken.START_OBJECT) {
                throw new BackupException("data file " + file + ": row " + row + " at byte " + at + " is not a JSON object but "
                    + t.asString());
            }
            JsonNode node;
            try {
                node = JSON.readTree(parser);
            } catch (JsonProcessingException e) {
                throw invalid(e);
            }
            try {
                ExportedRow decoded = decoder.decode((ObjectNode) node);
                complete++;
                return decoded;
            } catch (BackupException e) {
                throw new BackupException("data file " + file + ": row " + row + " at byte " + at + ": " + e.getMessage(), e);
            }
        }
    }

    private boolean openNext() throws IOException {
        file = files.poll();
        if (file == null) {
            return false;
        }
        stream = Files.newInputStream(file);
        parser = JSON.getFactory().createParser(stream);
        row = 0;
        complete = 0;
        return true;
    }

    private BackupException invalid(JsonProcessingException e) {
        JsonLocation l = e.getLocation();
        String where = l == null ? "" : " at byte " + l.getByteOffset() + " (line " + l.getLineNr() + ", column " + l.getColumnNr() + ")";
        return new BackupException("data file " + file + " is not valid JSON" + where + ", after " + complete
            + " complete rows: " + e.getOriginalMessage() + " (truncated or damaged)", e);
    }

    @Override
    public long bytes() {
        return bytesBefore + (parser == null ? 0 : Math.max(0, parser.currentLocation().getByteOffset()));
    }

    private void closeFile() throws IOException {
        bytesBefore += Math.max(0, parser.currentLocation().getByteOffset());
        parser.close();
        stream.close();
        parser = null;
    }

    @Override
    public void close() throws IOException {
        if (parser != null) {
            parser.close();
            stream.close();
            parser = null;
        }
    }
}
