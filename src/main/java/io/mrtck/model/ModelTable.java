package io.mrtck.model;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * A table as the model needs to know it: its columns (with MR counters, as columns or as
 * fields of a JSON column), its primary key (the first {@code shardKeySize} columns form the
 * shard key) and its default TTL (null: none). It renders its own DDL.
 */
public record ModelTable(String name, List<Column> columns, List<String> primaryKey, int shardKeySize,
                         Ttl defaultTtl) {

    /**
     * @param type         INTEGER, LONG, STRING or JSON
     * @param counter      an MR_COUNTER column
     * @param jsonCounters for a JSON column: its counter fields (top-level names), each {@code type}-less LONG
     */
    public record Column(String name, String type, boolean counter, List<String> jsonCounters) {
        public static Column of(String name, String type) {
            return new Column(name, type, false, List.of());
        }

        public static Column counter(String name, String type) {
            return new Column(name, type, true, List.of());
        }

        public static Column json(String name, String... counters) {
            return new Column(name, "JSON", false, List.of(counters));
        }

        String ddl() {
            if (counter) {
                return name + " " + type + " AS MR_COUNTER";
            }
            if (!jsonCounters.isEmpty()) {
                StringJoiner j = new StringJoiner(", ", name + " JSON(", ")");
                jsonCounters.forEach(c -> j.add(c + " AS LONG MR_COUNTER"));
                return j.toString();
            }
            return name + " " + type;
        }
    }

    /** Every counter's path: a counter column's name, or "column.field" inside a JSON column. */
    public List<String> counterPaths() {
        List<String> out = new ArrayList<>();
        for (Column c : columns) {
            if (c.counter) {
                out.add(c.name);
            }
            c.jsonCounters.forEach(f -> out.add(c.name + "." + f));
        }
        return out;
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name.equalsIgnoreCase(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("table " + this.name + " has no column " + name));
    }

    public List<String> shardKey() {
        return primaryKey.subList(0, shardKeySize);
    }

    public String ddl(List<String> regions) {
        StringJoiner cols = new StringJoiner(", ");
        columns.forEach(c -> cols.add(c.ddl()));
        String key = shardKeySize > 0 && shardKeySize < primaryKey.size()
            ? "SHARD(" + String.join(", ", shardKey()) + "), "
                + String.join(", ", primaryKey.subList(shardKeySize, primaryKey.size()))
            : String.join(", ", primaryKey);
        return "CREATE TABLE IF NOT EXISTS " + name + "(" + cols + ", PRIMARY KEY(" + key + "))"
            + (defaultTtl == null ? "" : " USING TTL " + defaultTtl) + " IN REGIONS " + String.join(", ", regions);
    }
}
