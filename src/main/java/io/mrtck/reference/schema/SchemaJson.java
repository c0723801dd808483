package io.mrtck.reference.schema;

import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import oracle.nosql.driver.values.FieldValue;

/**
 * The table JSON the SDK receives as TableResult.getSchema() (and SHOW AS JSON TABLE),
 * in the real engine's field order: identity, regions (MR tables), ttl, parent, shard and
 * primary key, fields, indexes. Optional parts are left out entirely.
 */
public final class SchemaJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    public static String render(TableSchema table) {
        return write(toNode(table));
    }

    public static ObjectNode toNode(TableSchema table) {
        ObjectNode o = NODES.objectNode();
        o.put("json_version", 1);
        o.put("type", "table");
        // A child table is named by its own last component; "parent" gives the rest.
        o.put("name", table.name().substring(table.name().lastIndexOf('.') + 1));
        if (table.namespace() != null) {
            o.put("namespace", table.namespace());
        }
        if (table.isMultiRegion()) {
            ObjectNode regions = o.putObject("regions");
            for (Integer id : table.regionIds()) {
                regions.putNull(String.valueOf(id));
            }
        }
        if (table.ttl() != null) {
            o.put("ttl", table.ttl().toString());
        }
        if (table.parentName() != null) {
            o.put("parent", table.parentName());
        }
        ArrayNode shard = o.putArray("shardKey");
        for (int i = 0; i < table.shardKeyCount() && i < table.primaryKey().size(); i++) {
            shard.add(table.primaryKey().get(i));
        }
        ArrayNode key = o.putArray("primaryKey");
        table.primaryKey().forEach(key::add);
        ArrayNode fields = o.putArray("fields");
        for (FieldDef f : table.fields()) {
            fields.add(field(f));
        }
        if (!table.indexes().isEmpty()) {
            ArrayNode indexes = o.putArray("indexes");
            for (IndexDef idx : table.indexes()) {
                ObjectNode i = indexes.addObject();
                i.put("name", idx.name());
                if (table.namespace() != null) {
                    i.put("namespace", table.namespace());
                }
                i.put("table", table.name());
                i.put("type", "secondary");
                ArrayNode paths = i.putArray("fields");
                idx.fields().forEach(f -> paths.add(f.path()));
                if (idx.fields().stream().anyMatch(f -> f.type() != null)) {
                    ArrayNode types = i.putArray("types");
                    idx.fields().forEach(f -> {
                        if (f.type() == null) {
                            types.addNull();
                        } else {
                            types.add(f.type());
                        }
                    });
                }
            }
        }
        return o;
    }

    private static ObjectNode field(FieldDef f) {
        ObjectNode o = NODES.objectNode();
        o.put("name", f.name());
        type(o, f.type());
        o.put("nullable", f.nullable());
        if (f.defaultValue() != null) {
            o.set("default", value(f.defaultValue()));
        }
        if (f.mrCounter()) {
            o.put("mrcounter", true);
        }
        return o;
    }

    private static void type(ObjectNode o, FieldType t) {
        o.put("type", t.code().name());
        switch (t.code()) {
            case TIMESTAMP -> o.put("timestampPrecision", t.timestampPrecision());
            case ARRAY, MAP -> {
                ObjectNode element = o.putObject("collection");
                type(element, t.element());
            }
            case RECORD -> {
                ArrayNode fields = o.putArray("fields");
                for (FieldDef f : t.fields()) {
                    fields.add(field(f));
                }
            }
            case JSON -> {
                if (!t.jsonCounters().isEmpty()) {
                    ObjectNode counters = o.putObject("mrcounters");
                    t.jsonCounters().forEach((path, code) -> counters.put(path, code.name()));
                }
            }
            default -> { }
        }
    }

    private static JsonNode value(FieldValue v) {
        if (v.isInteger()) return NODES.numberNode(v.getInt());
        if (v.isLong()) return NODES.numberNode(v.getLong());
        if (v.isDouble()) return NODES.numberNode(v.getDouble());
        if (v.isNumber()) return NODES.numberNode(v.getNumber());
        if (v.isBoolean()) return NODES.booleanNode(v.getBoolean());
        if (v.isAnyNull()) return NODES.nullNode();
        return NODES.textNode(v.isString() ? v.getString() : v.toJson());
    }

    /** Compact JSON with the engine's spacing: {@code {"a" : 1, "b" : [1, 2]}}. */
    public static String write(JsonNode node) {
        StringBuilder sb = new StringBuilder();
        write(node, sb);
        return sb.toString();
    }

    private static void write(JsonNode node, StringBuilder sb) {
        if (node.isObject()) {
            sb.append('{');
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            boolean first = true;
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                sb.append(new TextNode(e.getKey())).append(" : ");
                write(e.getValue(), sb);
            }
            sb.append('}');
        } else if (node.isArray()) {
            sb.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                write(node.get(i), sb);
            }
            sb.append(']');
        } else {
            sb.append(node.toString());
        }
    }
}
