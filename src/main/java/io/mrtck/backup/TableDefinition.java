package io.mrtck.backup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.mrtck.client.ValueShape;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.ops.GetTableRequest;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * A table as its schema JSON ({@code getTable}) describes it: columns in order, primary and shard
 * key, MR counters, default TTL, parent, regions, indexes. Everything the export, the DDL, the
 * schema check and the import need; read through the SDK only.
 */
public final class TableDefinition {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String name;
    private final JsonNode schema;
    private final List<Column> columns;
    private final List<String> primaryKey;
    private final List<String> shardKey;

    private TableDefinition(String name, JsonNode schema) {
        this.name = name;
        this.schema = schema;
        List<Column> cols = new ArrayList<>();
        schema.path("fields").forEach(f -> cols.add(new Column(f.path("name").asText(), f)));
        this.columns = List.copyOf(cols);
        this.primaryKey = strings(schema.path("primaryKey"));
        this.shardKey = strings(schema.path("shardKey"));
        if (columns.isEmpty() || primaryKey.isEmpty()) {
            throw new BackupException("the schema of table " + name + " has no " + (columns.isEmpty() ? "fields" : "primaryKey")
                + ": not a table schema");
        }
    }

    /** The table as the store behind {@code handle} ({@code where}) shows it; a missing table is a {@link BackupException}. */
    public static TableDefinition read(NoSQLHandle handle, String table, String where) {
        return find(handle, table).orElseThrow(() -> new BackupException("table " + table + " does not exist in " + where));
    }

    /** The table, or empty when the store does not have it. */
    public static Optional<TableDefinition> find(NoSQLHandle handle, String table) {
        try {
            return Optional.of(parse(handle.getTable(new GetTableRequest().setTableName(table)).getSchema()));
        } catch (TableNotFoundException e) {
            return Optional.empty();
        }
    }

    /** From schema JSON; a child table's name is its parent's name, a dot and its own. */
    public static TableDefinition parse(String schemaJson) {
        JsonNode node;
        try {
            node = JSON.readTree(schemaJson);
        } catch (JsonProcessingException e) {
            throw new BackupException("a table schema is not JSON: " + e.getOriginalMessage());
        }
        return of(node);
    }

    public static TableDefinition of(JsonNode schema) {
        String own = schema.path("name").asText();
        String parent = schema.path("parent").asText("");
        return new TableDefinition(parent.isEmpty() ? own : parent + "." + own, schema);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return Collections.unmodifiableList(out);
    }

    /** The full name ({@code Parent.Child} for a child table). */
    public String name() {
        return name;
    }

    /** The parent's full name, or null. */
    public String parentName() {
        String p = schema.path("parent").asText("");
        return p.isEmpty() ? null : p;
    }

    public boolean isMultiRegion() {
        return schema.has("regions");
    }

    /** The table's default TTL as the schema shows it ({@code "5 DAYS"}), or null. */
    public String ttl() {
        String t = schema.path("ttl").asText("");
        return t.isEmpty() ? null : t;
    }

    public List<Column> columns() {
        return columns;
    }

    public List<String> primaryKey() {
        return primaryKey;
    }

    public List<String> shardKey() {
        return shardKey;
    }

    public JsonNode schema() {
        return schema;
    }

    public Column column(String columnName) {
        return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst().orElse(null);
    }

    /** Every MR counter: counter columns and the counter fields declared in JSON columns. */
    public List<CounterField> counters() {
        List<CounterField> out = new ArrayList<>();
        for (Column c : columns) {
            if (c.isCounter()) {
                out.add(new CounterField(c.name(), List.of(), c.type().path("type").asText()));
            }
            c.type().path("mrcounters").fields().forEachRemaining(e ->
                out.add(new CounterField(c.name(), List.of(e.getKey().split("\\.")), e.getValue().asText())));
        }
        return out;
    }

    /** The primary key fields of {@code row}, in key order. */
    public MapValue key(MapValue row) {
        MapValue key = new MapValue();
        for (String k : primaryKey) {
            FieldValue v = row.get(k);
            if (v == null) {
                throw new BackupException("a row of " + name + " has no value for its primary key column " + k + ": "
                    + row.toJson());
            }
            key.put(k, v);
        }
        return key;
    }

    /** What of a row's order is part of its value (JSON members unordered, record fields in order). */
    public ValueShape shape() {
        return ValueShape.ofTableSchema(schema.toString());
    }

    /** Whether two names are one table's (table names compare case-insensitively). */
    public static boolean sameName(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return name + " " + schema;
    }
}
