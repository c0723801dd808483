package io.mrtck.backup.migrator;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.RelativeDate;

/**
 * A NoSQL Database Migrator configuration file ({@code runMigrator --config F.json}) as written for
 * an on-premises store: a {@code source} and a {@code sink}, each of type {@code nosqldb} or {@code
 * file} (format {@code json}), plus {@code abortOnError} and {@code migratorVersion}. Relative paths
 * are taken from the config file's directory. A missing field is named; a field the kit does not use
 * is reported and left aside.
 */
public record MigratorConfig(Path file, Endpoint source, Endpoint sink, boolean abortOnError, String migratorVersion) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("source", "sink", "abortOnError", "migratorVersion");
    private static final Set<String> STORE_FIELDS = Set.of("type", "storeName", "helperHosts", "table", "requestTimeoutMs",
        "includeTTL", "endpoint", "schemaInfo", "overwrite", "ttlRelativeDate");
    private static final Set<String> FILE_FIELDS = Set.of("type", "format", "dataPath", "schemaPath", "chunkSize",
        "useMultiFiles", "pretty");

    /** A source or a sink. */
    public sealed interface Endpoint permits Store, JsonFiles {
    }

    /**
     * {@code "type": "nosqldb"}: a table of an on-premises store. {@code endpoint} is the kit's
     * extension (the SDK endpoint of the store's HTTP proxy); {@code schemaPath}, {@code
     * overwrite} and {@code ttlRelativeDate} are for a sink only.
     */
    public record Store(String storeName, List<String> helperHosts, String endpoint, String table, int requestTimeoutMs,
                        boolean includeTtl, Path schemaPath, boolean overwrite, Long ttlRelativeDate) implements Endpoint {
    }

    /** {@code "type": "file", "format": "json"}: rows in a file, or with {@code useMultiFiles} in a directory. */
    public record JsonFiles(Path dataPath, Path schemaPath, int chunkSizeMb, boolean useMultiFiles, boolean pretty)
        implements Endpoint {
    }

    public static MigratorConfig read(Path file, PrintStream warnings) throws IOException {
        if (!Files.isReadable(file)) {
            throw new BackupException("config " + file + " is not a readable file");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BackupException("config " + file + " is not valid JSON at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new BackupException("config " + file + " is not a JSON object");
        }
        Reader r = new Reader(file, warnings);
        r.unused(root, "", TOP);
        Endpoint source = r.endpoint(r.object(root, "source"), "source", true);
        Endpoint sink = r.endpoint(r.object(root, "sink"), "sink", false);
        return new MigratorConfig(file, source, sink, root.path("abortOnError").asBoolean(true),
            root.path("migratorVersion").asText(null));
    }

    /** Reads the fields of one config file, naming every problem by its path in the file. */
    private record Reader(Path file, PrintStream warnings) {

        Endpoint endpoint(JsonNode node, String where, boolean isSource) {
            String type = text(node, where, "type");
            return switch (type) {
                case "nosqldb" -> store(node, where, isSource);
                case "file" -> files(node, where);
                default -> throw new BackupException("config " + file + ": " + where + ".type \"" + type
                    + "\" is not a " + where + " type the kit runs: nosqldb, file");
            };
        }

        private Store store(JsonNode n, String where, boolean isSource) {
            unused(n, where + ".", STORE_FIELDS);
            String endpoint = n.path("endpoint").asText(null);
            List<String> helpers = new ArrayList<>();
            if (endpoint == null) {
                JsonNode h = n.get("helperHosts");
                if (h == null || !h.isArray() || h.isEmpty()) {
                    throw missing(where + ".helperHosts", "a nosqldb " + where + " needs storeName, helperHosts (or the kit's "
                        + "endpoint) and table");
                }
                h.forEach(x -> helpers.add(x.asText()));
            }
            String storeName = text(n, where, "storeName");
            Path schemaPath = null;
            JsonNode schemaInfo = n.path("schemaInfo");
            if (!isSource && schemaInfo.path("defaultSchema").asBoolean(false)) {
                throw new BackupException("config " + file + ": " + where + ".schemaInfo.defaultSchema is not supported by the kit: "
                    + "give schemaInfo.schemaPath (the DDL) or create the table first");
            }
            if (!isSource && schemaInfo.has("schemaPath")) {
                schemaPath = path(schemaInfo.get("schemaPath").asText());
            }
            return new Store(storeName, helpers, endpoint, text(n, where, "table"), n.path("requestTimeoutMs").asInt(5000),
                n.path("includeTTL").asBoolean(false), schemaPath, n.path("overwrite").asBoolean(true),
                isSource ? null : relativeDate(n, where));
        }

        private JsonFiles files(JsonNode n, String where) {
            unused(n, where + ".", FILE_FIELDS);
            String format = text(n, where, "format");
            if (!format.equals("json")) {
                throw new BackupException("config " + file + ": " + where + ".format \"" + format
                    + "\" is not a file format the kit runs: json");
            }
            JsonNode schema = n.get("schemaPath");
            return new JsonFiles(path(text(n, where, "dataPath")), schema == null ? null : path(schema.asText()),
                n.path("chunkSize").asInt(32), n.path("useMultiFiles").asBoolean(false), n.path("pretty").asBoolean(false));
        }

        private Long relativeDate(JsonNode n, String where) {
            JsonNode d = n.get("ttlRelativeDate");
            return d == null ? null : RelativeDate.parse(d.asText(), "config " + file + ": " + where + ".ttlRelativeDate");
        }

        JsonNode object(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isObject()) {
                throw missing(field, "a migration needs a source and a sink object");
            }
            return v;
        }

        private String text(JsonNode n, String where, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                throw missing(where + "." + field, null);
            }
            return v.asText();
        }

        private Path path(String p) {
            Path given = Path.of(p);
            return given.isAbsolute() ? given : file.toAbsolutePath().getParent().resolve(given);
        }

        private BackupException missing(String field, String why) {
            return new BackupException("config " + file + ": " + field + " is missing" + (why == null ? "" : " (" + why + ")"));
        }

        void unused(JsonNode n, String prefix, Set<String> known) {
            n.fieldNames().forEachRemaining(f -> {
                if (!known.contains(f)) {
                    warnings.println("config " + file + ": " + prefix + f + " is not used by the kit; left aside");
                }
            });
        }
    }
}
