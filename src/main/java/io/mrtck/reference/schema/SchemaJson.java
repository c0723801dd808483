package io.mrtck.reference.schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import oracle.nosql.driver.values.FieldValue;

/**
 * The table JSON (version 2) the SDK receives as TableResult.getSchema(), and that
 * {@code DESCRIBE AS JSON TABLE} returns: identity, regions (MR tables), TTL, parent and
 * children, keys, fields, the identity column and indexes. Optional parts are left out entirely.
 * Values are written as the real engine writes them (a NUMBER DEFAULT 10 as {@code 1E+1}).
 */
public final class SchemaJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private SchemaJson() {
    }

    /** The last name component of each direct child of {@code parent} among {@code tables}, sorted. */
    public static List<String> childNames(TableSchema parent, List<TableSchema> tables) {
        return tables.stream().filter(t -> parent.nameIs(t.parentName() == null ? "" : t.parentName()))
            .map(t -> t.name().substring(t.name().lastIndexOf('.') + 1))
            .sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** What GetTable and TableRequest return: region ids only. */
    public static String render(TableSchema table, List<String> children) {
        return write(toNode(table, children, null));
    }

    public static String render(TableSchema table) {
        return render(table, List.of());
    }

    /**
     * The table as JSON. {@code children} are the names (last component) of its child tables;
     * {@code regionNames} maps region ids to names, as DESCRIBE shows them, or is null (GetTable:
     * ids only).
     */
    public static ObjectNode toNode(TableSchema table, List<String> children, Map<Integer, String> regionNames) {
        ObjectNode o = NODES.objectNode();
        o.put("json_version", 2);
        o.put("type", "table");
        // A child table is named by its own last component; "parent" gives the rest.
        o.put("name", table.name().substring(table.name().lastIndexOf('.') + 1));
        if (table.namespace() != null) {
            o.put("namespace", table.namespace());
        }
        if (table.id() != null) {
            o.put("id", table.id());
        }
        if (table.comment() != null) {
            o.put("comment", table.comment());
        }
        if (table.isMultiRegion()) {
            ObjectNode regions = o.putObject("regions");
            for (Integer id : table.regionIds()) {
                String name = regionNames == null ? null : regionNames.get(id);
                if (name == null) {
                    regions.putNull(String.valueOf(id));
                } else {
                    regions.put(String.valueOf(id), name);
                }
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
        if (!table.primaryKeySizes().isEmpty()) {
            ArrayNode sizes = o.putArray("primaryKeySizes");
            table.primaryKeySizes().forEach(sizes::add);
        }
        if (!children.isEmpty()) {
            ArrayNode names = o.putArray("children");
            children.forEach(names::add);
        }
        ArrayNode fields = o.putArray("fields");
        for (FieldDef f : table.fields()) {
            fields.add(field(f));
        }
        if (table.identity() != null) {
            o.set("identity", identity(table.identity()));
        }
        if (!table.indexes().isEmpty()) {
            ArrayNode indexes = o.putArray("indexes");
            table.indexes().forEach(idx -> indexes.add(index(idx)));
        }
        return o;
    }

    /** An index as the table JSON and {@code DESCRIBE AS JSON INDEX} show it. */
    public static ObjectNode index(IndexDef idx) {
        ObjectNode i = NODES.objectNode();
        i.put("name", idx.name());
        i.put("type", "secondary");
        ArrayNode paths = i.putArray("fields");
        for (IndexDef.Field f : idx.fields()) {
            ObjectNode field = paths.addObject();
            field.put("path", f.path());
            if (f.type() != null) {
                field.put("type", f.type());
            }
        }
        i.put("withNoNulls", idx.withNoNulls());
        i.put("withUniqueKeysPerRow", idx.uniqueKeysPerRow());
        return i;
    }

    /** A column or record field. */
    public static ObjectNode field(FieldDef f) {
        ObjectNode o = NODES.objectNode();
        o.put("name", f.name());
        type(o, f.type());
        o.put("nullable", f.nullable());
        if (f.defaultValue() != null) {
            o.set("default", value(f.type(), f.defaultValue()));
        }
        if (f.mrCounter()) {
            o.put("mrcounter", true);
        }
        if (f.comment() != null) {
            o.put("comment", f.comment());
        }
        return o;
    }

    private static void type(ObjectNode o, FieldType t) {
        o.put("type", t.code().name());
        switch (t.code()) {
            case TIMESTAMP -> o.put("precision", t.timestampPrecision());
            case FIXED_BINARY -> o.put("size", t.size());
            case ENUM -> {
                ArrayNode symbols = o.putArray("symbols");
                t.enumValues().forEach(symbols::add);
            }
            case STRING -> {
                if (t.asUuid()) {
                    o.put("as uuid", true);
                }
                if (t.generated()) {
                    o.put("generated", true);
                }
            }
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

    private static ObjectNode identity(IdentityDef id) {
        ObjectNode o = NODES.objectNode();
        o.put("name", id.column());
        o.put("always", id.always());
        o.put("null", id.onNull());
        ObjectNode seq = o.putObject("sequence");
        seq.put("start", id.start());
        seq.put("increment", id.increment());
        if (id.min() != null) {
            seq.put("min", id.min());
        }
        if (id.max() != null) {
            seq.put("max", id.max());
        }
        seq.put("cache", id.cache());
        seq.put("cycle", id.cycle());
        return o;
    }

    /** A DEFAULT value: numbers as numbers (NUMBER without trailing zeros), timestamps with the column's precision. */
    static JsonNode value(FieldType type, FieldValue v) {
        if (v.isAnyNull()) return NODES.nullNode();
        if (v.isInteger()) return NODES.numberNode(v.getInt());
        if (v.isLong()) return NODES.numberNode(v.getLong());
        if (v.isDouble()) {
            // a FLOAT column holds a float: written as the float it is (0.1, not 0.10000000149011612)
            return type.code() == TypeCode.FLOAT ? NODES.numberNode((float) v.getDouble())
                : NODES.numberNode(v.getDouble());
        }
        if (v.isNumber()) return NODES.numberNode(v.getNumber().stripTrailingZeros());
        if (v.isBoolean()) return NODES.booleanNode(v.getBoolean());
        if (v.isTimestamp()) return NODES.textNode(timestamp(v.getTimestamp().toInstant(), type.timestampPrecision()));
        return NODES.textNode(v.isString() ? v.getString() : v.toJson());
    }

    /** A DEFAULT value as text: strings bare, everything else as its JSON. */
    public static String valueText(FieldType type, FieldValue v) {
        JsonNode n = value(type, v);
        return n.isTextual() ? n.textValue() : write(n);
    }

    /** ISO-8601 in UTC with exactly {@code precision} fraction digits (none for 0), ending in Z. */
    public static String timestamp(Instant t, int precision) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
        if (precision > 0) {
            b.appendFraction(ChronoField.NANO_OF_SECOND, precision, precision, true);
        }
        DateTimeFormatter f = b.appendLiteral('Z').toFormatter().withZone(ZoneOffset.UTC);
        return f.format(t);
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
        } else if (node.isBigDecimal()) {
            BigDecimal d = node.decimalValue();
            sb.append(d.toString());
        } else {
            sb.append(node.toString());
        }
    }
}
