package io.mrtck.backup.binary;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Map;

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
 * The binary export's encoding of an SDK value: a one-byte tag, then the value. Exact for every
 * type: a DOUBLE stays a DOUBLE inside a JSON document, a NUMBER keeps its digits, a TIMESTAMP its
 * nanoseconds, SQL NULL and JSON null stay apart, map members keep their order.
 */
final class FieldValueCodec {
    private static final int SQL_NULL = 0;
    private static final int JSON_NULL = 1;
    private static final int FALSE = 2;
    private static final int TRUE = 3;
    private static final int INTEGER = 4;
    private static final int LONG = 5;
    private static final int DOUBLE = 6;
    private static final int NUMBER = 7;
    private static final int STRING = 8;
    private static final int BINARY = 9;
    private static final int TIMESTAMP = 10;
    private static final int ARRAY = 11;
    private static final int MAP = 12;

    private FieldValueCodec() {
    }

    static void write(DataOutput out, FieldValue v) throws IOException {
        switch (v.getType()) {
            case NULL -> out.writeByte(SQL_NULL);
            case JSON_NULL -> out.writeByte(JSON_NULL);
            case BOOLEAN -> out.writeByte(v.getBoolean() ? TRUE : FALSE);
            case INTEGER -> {
                out.writeByte(INTEGER);
                out.writeInt(v.getInt());
            }
            case LONG -> {
                out.writeByte(LONG);
                out.writeLong(v.getLong());
            }
            case DOUBLE -> {
                out.writeByte(DOUBLE);
                out.writeDouble(v.getDouble());
            }
            case NUMBER -> {
                out.writeByte(NUMBER);
                bytes(out, v.getNumber().toString().getBytes(StandardCharsets.US_ASCII));
            }
            case STRING -> {
                out.writeByte(STRING);
                bytes(out, v.getString().getBytes(StandardCharsets.UTF_8));
            }
            case BINARY -> {
                out.writeByte(BINARY);
                bytes(out, v.getBinary());
            }
            case TIMESTAMP -> {
                Timestamp ts = v.getTimestamp();
                out.writeByte(TIMESTAMP);
                out.writeLong(ts.getTime());
                out.writeInt(ts.getNanos());
            }
            case ARRAY -> {
                ArrayValue a = v.asArray();
                out.writeByte(ARRAY);
                out.writeInt(a.size());
                for (FieldValue e : a) {
                    write(out, e);
                }
            }
            case MAP -> {
                MapValue m = v.asMap();
                out.writeByte(MAP);
                out.writeInt(m.size());
                for (Map.Entry<String, FieldValue> e : m.entrySet()) {
                    bytes(out, e.getKey().getBytes(StandardCharsets.UTF_8));
                    write(out, e.getValue());
                }
            }
            default -> throw new IOException("a value of type " + v.getType() + " has no binary export encoding");
        }
    }

    static FieldValue read(DataInput in) throws IOException {
        int tag = in.readUnsignedByte();
        return switch (tag) {
            case SQL_NULL -> NullValue.getInstance();
            case JSON_NULL -> JsonNullValue.getInstance();
            case FALSE -> BooleanValue.falseInstance();
            case TRUE -> BooleanValue.trueInstance();
            case INTEGER -> new IntegerValue(in.readInt());
            case LONG -> new LongValue(in.readLong());
            case DOUBLE -> new DoubleValue(in.readDouble());
            case NUMBER -> new NumberValue(new BigDecimal(new String(bytes(in), StandardCharsets.US_ASCII)));
            case STRING -> new StringValue(new String(bytes(in), StandardCharsets.UTF_8));
            case BINARY -> new BinaryValue(bytes(in));
            case TIMESTAMP -> {
                Timestamp ts = new Timestamp(in.readLong());
                ts.setNanos(in.readInt());
                yield new TimestampValue(ts);
            }
            case ARRAY -> {
                int n = count(in);
                ArrayValue a = new ArrayValue(n);
                for (int i = 0; i < n; i++) {
                    a.add(read(in));
                }
                yield a;
            }
            case MAP -> {
                int n = count(in);
                MapValue m = new MapValue(true, n);
                for (int i = 0; i < n; i++) {
                    String key = new String(bytes(in), StandardCharsets.UTF_8);
                    m.put(key, read(in));
                }
                yield m;
            }
            default -> throw new IOException("unknown value tag " + tag);
        };
    }

    private static void bytes(DataOutput out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] bytes(DataInput in) throws IOException {
        byte[] b = new byte[count(in)];
        in.readFully(b);
        return b;
    }

    private static int count(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            throw new IOException("a negative length " + n);
        }
        return n;
    }
}
