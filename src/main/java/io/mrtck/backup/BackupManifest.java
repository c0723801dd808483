package io.mrtck.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json} of an export package (a {@code backup} directory, a {@code kvtool export}
 * package): the format, when and where the export was taken (source region and store, the MR
 * table's regions), and per table its schema, its DDL, its row file with size, SHA-256 and block
 * checksums, its row count and its fingerprint ({@link TableImage#digest()}).
 */
public record BackupManifest(ExportFormat format, String createdBy, long exportedAt, String sourceRegion,
                             String sourceStore, List<String> regions, List<TableFile> tables) {
    public static final String FILE = "manifest.json";
    static final String FORMAT_NAME = "mrtck-export";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One exported table and its row file. */
    public record TableFile(String table, JsonNode schema, List<String> ddl, String file, long rows,
                            FileChecksums checksums, String fingerprint) {
        public TableDefinition definition() {
            return TableDefinition.of(schema);
        }
    }

    public BackupManifest {
        regions = List.copyOf(regions);
        tables = List.copyOf(tables);
    }

    public long rowCount() {
        return tables.stream().mapToLong(TableFile::rows).sum();
    }

    public void write(Path dir) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", FORMAT_NAME);
        m.put("formatVersion", 1);
        m.put("rowFormat", format.name().toLowerCase(Locale.ROOT));
        m.put("createdBy", createdBy);
        m.put("exportedAtMs", exportedAt);
        m.put("exportedAt", Instant.ofEpochMilli(exportedAt).toString());
        m.put("sourceRegion", sourceRegion);
        m.put("sourceStore", sourceStore);
        regions.forEach(m.putArray("regions")::add);
        m.put("rowCount", rowCount());
        ArrayNode ts = m.putArray("tables");
        for (TableFile t : tables) {
            ObjectNode o = ts.addObject();
            o.put("name", t.table());
            o.set("schema", t.schema());
            t.ddl().forEach(o.putArray("ddl")::add);
            o.put("file", t.file());
            o.put("rows", t.rows());
            o.put("bytes", t.checksums().bytes());
            o.put("sha256", t.checksums().sha256());
            o.put("blockSize", FileChecksums.BLOCK);
            t.checksums().blockCrc32().forEach(o.putArray("blockCrc32")::add);
            o.put("fingerprint", t.fingerprint());
        }
        Files.writeString(dir.resolve(FILE), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m));
    }

    /** Reads {@code dir/manifest.json}; a missing or incomplete manifest names what is wrong. */
    public static BackupManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new BackupException(dir + " has no " + FILE + ": not an mrtck backup or export package");
        }
        JsonNode m;
        try {
            m = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BackupException(file + " is not valid JSON at byte " + e.getLocation().getByteOffset() + ": "
                + e.getOriginalMessage());
        }
        if (!FORMAT_NAME.equals(m.path("format").asText())) {
            throw new BackupException(file + ": format is " + m.path("format") + ", not " + FORMAT_NAME);
        }
        List<TableFile> tables = new ArrayList<>();
        for (JsonNode t : required(m, "tables", file)) {
            List<String> ddl = new ArrayList<>();
            required(t, "ddl", file).forEach(d -> ddl.add(d.asText()));
            List<Long> blocks = new ArrayList<>();
            required(t, "blockCrc32", file).forEach(b -> blocks.add(b.asLong()));
            tables.add(new TableFile(required(t, "name", file).asText(), required(t, "schema", file), ddl,
                required(t, "file", file).asText(), required(t, "rows", file).asLong(),
                new FileChecksums(required(t, "bytes", file).asLong(), required(t, "sha256", file).asText(), blocks),
                required(t, "fingerprint", file).asText()));
        }
        List<String> regions = new ArrayList<>();
        m.path("regions").forEach(r -> regions.add(r.asText()));
        return new BackupManifest(ExportFormat.parse(required(m, "rowFormat", file).asText()),
            m.path("createdBy").asText(), required(m, "exportedAtMs", file).asLong(), m.path("sourceRegion").asText(null),
            m.path("sourceStore").asText(null), regions, tables);
    }

    private static JsonNode required(JsonNode node, String field, Path file) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new BackupException(file + ": field " + field + " is missing");
        }
        return v;
    }
}
