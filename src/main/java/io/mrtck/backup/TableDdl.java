package io.mrtck.backup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The DDL that recreates a table from its {@link TableDefinition}: {@code CREATE TABLE IF NOT
 * EXISTS} with every column type, default and NOT NULL, counters as counters (an {@code
 * INTEGER AS MR_COUNTER} column, {@code JSON(hits AS LONG MR_COUNTER)}; never NOT NULL on a
 * counter, KVSTORE-1857), the primary and shard key, the default TTL and, for an MR table, {@code IN
 * REGIONS}; then one {@code CREATE INDEX IF NOT EXISTS} per index. A child table leaves out the key
 * columns it inherits from its parent.
 */
public final class TableDdl {
    private TableDdl() {
    }

    /**
     * @param regions         the regions an MR table is created in (ignored for a child, which inherits them)
     * @param parentKeyLength how many leading primary key columns a child inherits (0 for a top-level table)
     */
    public static List<String> statements(TableDefinition t, List<String> regions, int parentKeyLength) {
        if (t.schema().has("identity")) {
            throw new BackupException("table " + t.name() + " has an IDENTITY column: the kit's export does not "
                + "recreate identity columns (their generated values would change)");
        }
        List<String> inherited = t.primaryKey().subList(0, parentKeyLength);
        List<String> cols = new ArrayList<>();
        for (Column c : t.columns()) {
            if (!inherited.contains(c.name())) {
                cols.add(c.name() + " " + column(c.type(), t.primaryKey().contains(c.name())));
            }
        }
        cols.add(key(t, parentKeyLength));
        StringBuilder create = new StringBuilder("CREATE TABLE IF NOT EXISTS ").append(t.name()).append(" (")
            .append(String.join(", ", cols)).append(")");
        if (t.ttl() != null) {
            create.append(" USING TTL ").append(t.ttl());
        }
        if (t.isMultiRegion() && t.parentName() == null) {
            create.append(" IN REGIONS ").append(String.join(", ", regions));
        }
        List<String> out = new ArrayList<>(List.of(create.toString()));
        t.schema().path("indexes").forEach(i -> out.add(index(t.name(), i)));
        return out;
    }

    /** {@code DROP TABLE IF EXISTS name}. */
    public static String drop(String table) {
        return "DROP TABLE IF EXISTS " + table;
    }

    private static String key(TableDefinition t, int inherited) {
        List<String> own = t.primaryKey().subList(inherited, t.primaryKey().size());
        if (inherited > 0 || t.shardKey().equals(t.primaryKey())) {
            return "PRIMARY KEY(" + String.join(", ", own) + ")";
        }
        List<String> rest = t.primaryKey().subList(t.shardKey().size(), t.primaryKey().size());
        return "PRIMARY KEY(SHARD(" + String.join(", ", t.shardKey()) + ")" + (rest.isEmpty() ? "" : ", " + String.join(", ", rest))
            + ")";
    }

    /** A column's or record field's type and options; a primary key column is NOT NULL without saying so. */
    private static String column(JsonNode f, boolean key) {
        StringBuilder b = new StringBuilder(type(f));
        if (f.path("mrcounter").asBoolean(false)) {
            return b.append(" AS MR_COUNTER").toString();
        }
        JsonNode counters = f.path("mrcounters");
        if (counters.size() > 0) {
            List<String> defs = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = counters.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                defs.add(e.getKey() + " AS " + e.getValue().asText() + " MR_COUNTER");
            }
            return b.append("(").append(String.join(", ", defs)).append(")").toString();
        }
        if (f.has("default")) {
            b.append(" DEFAULT ").append(literal(f));
        }
        if (!key && !f.path("nullable").asBoolean(true)) {
            b.append(" NOT NULL");
        }
        return b.toString();
    }

    private static String type(JsonNode f) {
        String t = f.path("type").asText();
        return switch (t) {
            case "FIXED_BINARY" -> "BINARY(" + f.path("size").asInt() + ")";
            case "TIMESTAMP" -> "TIMESTAMP(" + f.path("precision").asInt(9) + ")";
            case "ENUM" -> {
                List<String> symbols = new ArrayList<>();
                f.path("symbols").forEach(s -> symbols.add(s.asText()));
                yield "ENUM(" + String.join(", ", symbols) + ")";
            }
            case "ARRAY", "MAP" -> t + "(" + type(f.path("collection")) + ")";
            case "RECORD" -> {
                List<String> fields = new ArrayList<>();
                f.path("fields").forEach(r -> fields.add(r.path("name").asText() + " " + column(r, false)));
                yield "RECORD(" + String.join(", ", fields) + ")";
            }
            default -> t;
        };
    }

    /** A field's default as a DDL literal: an ENUM symbol bare, strings and timestamps quoted, numbers and booleans as they are. */
    private static String literal(JsonNode f) {
        JsonNode v = f.path("default");
        if (!v.isTextual() || f.path("type").asText().equals("ENUM")) {
            return v.isTextual() ? v.asText() : v.toString();
        }
        return "'" + v.asText().replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String index(String table, JsonNode index) {
        List<String> fields = new ArrayList<>();
        index.path("fields").forEach(f -> fields.add(f.path("path").asText()
            + (f.hasNonNull("type") ? " AS " + f.path("type").asText() : "")));
        return "CREATE INDEX IF NOT EXISTS " + index.path("name").asText() + " ON " + table + "(" + String.join(", ", fields) + ")";
    }
}
