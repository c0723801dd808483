package io.mrtck.backup.migrator;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.mrtck.backup.BackupException;
import io.mrtck.backup.Column;
import io.mrtck.backup.ExportedRow;
import io.mrtck.backup.TableDefinition;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * A JSON row (as the Migrator writes it) as SDK values of the table's column types: BINARY from
 * base64, TIMESTAMP from its ISO text, NUMBER with all its digits. Inside JSON columns JSON has only
 * numbers: an integer becomes INTEGER or LONG (NUMBER beyond), a decimal DOUBLE when a double holds
 * it exactly, NUMBER otherwise. A field that is not a column, or a value that does not fit its
 * column, is a {@link BackupException}.
 */
final class JsonRowDecoder {
    private final TableDefinition table;

    JsonRowDecoder(TableDefinition table) {
        this.table = table;
    }

    ExportedRow decode(ObjectNode row) {
        long expiration = 0;
        MapValue out = new MapValue();
        for (Iterator<Map.Entry<String, JsonNode>> it = row.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals(JsonRowsWriter.METADATA)) {
                expiration = expiration(f.getValue());
                continue;
            }
            Column c = table.column(f.getKey());
            if (c == null) {
                throw new BackupException("field " + f.getKey() + " is not a column of table " + table.name()
                    + " (columns: " + table.columns().stream().map(Column::name).toList() + ")");
            }
            out.put(c.name(), value(c.type(), f.getValue(), c.name()));
        }
        for (String k : table.primaryKey()) {
            if (out.get(k) == null) {
                throw new BackupException("no value for primary key column " + k + " of table " + table.name());
            }
        }
        return new ExportedRow(out, expiration);
    }

    private static long expiration(JsonNode metadata) {
        JsonNode e = metadata.path(JsonRowsWriter.EXPIRATION);
        if (e.isMissingNode()) {
            return 0;
        }
        if (!e.isIntegralNumber() || !e.canConvertToLong() || e.longValue() < 0) {
            throw new BackupException("_metadata.expiration " + e + " is not a time in milliseconds since the epoch");
        }
        return e.longValue();
    }

    private static FieldValue value(JsonNode type, JsonNode v, String where) {
        String t = type.path("type").asText();
        if (v.isNull()) {
            return t.equals("JSON") ? JsonNullValue.getInstance() : NullValue.getInstance();
        }
        try {
            return switch (t) {
                case "INTEGER" -> new IntegerValue(integral(v).intValueExact());
                case "LONG" -> new LongValue(integral(v).longValueExact());
                case "FLOAT", "DOUBLE" -> new DoubleValue(number(v).doubleValue());
                case "NUMBER" -> new NumberValue(number(v));
                case "STRING", "ENUM" -> new StringValue(text(v));
                case "BOOLEAN" -> {
                    if (!v.isBoolean()) {
                        throw new IllegalArgumentException("not a boolean");
                    }
                    yield BooleanValue.getInstance(v.booleanValue());
                }
                case "BINARY", "FIXED_BINARY" -> new BinaryValue(BinaryValue.decodeBase64(text(v)));
                case "TIMESTAMP" -> new TimestampValue(text(v));
                case "ARRAY" -> array(type.path("collection"), v, where);
                case "MAP" -> map(type.path("collection"), v, where);
                case "RECORD" -> record(type, v, where);
                case "JSON" -> json(v);
                default -> throw new IllegalArgumentException("the kit does not read columns of type " + t);
            };
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new BackupException("column " + where + " (" + t + "): " + abbreviate(v) + " does not fit: " + e.getMessage());
        }
    }

    private static FieldValue array(JsonNode element, JsonNode v, String where) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("not an array");
        }
        ArrayValue a = new ArrayValue(v.size());
        int i = 0;
        for (JsonNode e : v) {
            a.add(value(element, e, where + "[" + i++ + "]"));
        }
        return a;
    }

    private static FieldValue map(JsonNode element, JsonNode v, String where) {
        MapValue m = new MapValue();
        object(v).fields().forEachRemaining(e -> m.put(e.getKey(), value(element, e.getValue(), where + "." + e.getKey())));
        return m;
    }

    private static FieldValue record(JsonNode type, JsonNode v, String where) {
        MapValue m = new MapValue();
        object(v).fields().forEachRemaining(e -> {
            JsonNode field = recordField(type, e.getKey());
            m.put(field.path("name").asText(), value(field, e.getValue(), where + "." + e.getKey()));
        });
        return m;
    }

    private static JsonNode recordField(JsonNode record, String name) {
        for (JsonNode f : record.path("fields")) {
            if (f.path("name").asText().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("the record has no field " + name);
    }

    private static FieldValue json(JsonNode v) {
        if (v.isObject()) {
            MapValue m = new MapValue();
            v.fields().forEachRemaining(e -> m.put(e.getKey(), json(e.getValue())));
            return m;
        }
        if (v.isArray()) {
            ArrayValue a = new ArrayValue(v.size());
            v.forEach(e -> a.add(json(e)));
            return a;
        }
        if (v.isNull()) {
            return JsonNullValue.getInstance();
        }
        if (v.isBoolean()) {
            return BooleanValue.getInstance(v.booleanValue());
        }
        if (v.isTextual()) {
            return new StringValue(v.textValue());
        }
        if (v.isIntegralNumber()) {
            BigInteger i = v.bigIntegerValue();
            return i.bitLength() < 32 ? new IntegerValue(i.intValue())
                : i.bitLength() < 64 ? new LongValue(i.longValue()) : new NumberValue(new BigDecimal(i));
        }
        BigDecimal d = v.decimalValue();
        double asDouble = d.doubleValue();
        return Double.isFinite(asDouble) && new BigDecimal(Double.toString(asDouble)).compareTo(d) == 0
            ? new DoubleValue(asDouble) : new NumberValue(d);
    }

    private static BigInteger integral(JsonNode v) {
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("not an integer");
        }
        return v.bigIntegerValue();
    }

    private static BigDecimal number(JsonNode v) {
        if (!v.isNumber()) {
            throw new IllegalArgumentException("not a number");
        }
        return v.decimalValue();
    }

    private static String text(JsonNode v) {
        if (!v.isTextual()) {
            throw new IllegalArgumentException("not a string");
        }
        return v.textValue();
    }

    private static JsonNode object(JsonNode v) {
        if (!v.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        return v;
    }

    private static String abbreviate(JsonNode v) {
        String s = v.toString();
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
