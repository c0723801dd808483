package io.mrtck.reference.store;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import oracle.nosql.driver.values.FieldValue;

/**
 * Encodes primary keys as bytes whose unsigned order is the key order, so that the
 * store's B-tree keeps a table's rows sorted and a partial key is a byte prefix.
 * Layout: table id (4 bytes), then one self-delimiting component per key column.
 */
final class KeyCodec {
    private KeyCodec() {
    }

    static byte[] tablePrefix(int tableId) {
        return new byte[] {(byte) (tableId >>> 24), (byte) (tableId >>> 16), (byte) (tableId >>> 8), (byte) tableId};
    }

    static byte[] encode(int tableId, TableSchema table, List<FieldValue> key) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32);
        out.writeBytes(tablePrefix(tableId));
        for (int i = 0; i < key.size(); i++) {
            FieldDef column = table.field(table.primaryKey().get(i)).orElseThrow();
            component(out, column, key.get(i));
        }
        return out.toByteArray();
    }

    /** Bytes the key components take, without the table prefix: what the key-size limit measures. */
    static int componentSize(TableSchema table, List<FieldValue> key) {
        return encode(0, table, key).length - 4;
    }

    private static void component(ByteArrayOutputStream out, FieldDef column, FieldValue v) {
        switch (column.type().code()) {
            case INTEGER, LONG -> writeLong(out, v.getLong() ^ Long.MIN_VALUE);
            case FLOAT, DOUBLE -> writeLong(out, orderedDouble(v.castAsDouble()));
            case NUMBER -> {
                BigDecimal n = v.getNumber();
                writeLong(out, orderedDouble(n.doubleValue()));
                // Ties between numbers equal as doubles are broken by their exact text.
                writeString(out, n.stripTrailingZeros().toPlainString());
            }
            case STRING -> writeString(out, v.getString());
            case BOOLEAN -> out.write(v.getBoolean() ? 1 : 0);
            case TIMESTAMP -> {
                java.sql.Timestamp ts = v.getTimestamp();
                writeLong(out, Math.floorDiv(ts.getTime(), 1000L) ^ Long.MIN_VALUE);
                int nanos = ts.getNanos();
                out.write(nanos >>> 24);
                out.write(nanos >>> 16);
                out.write(nanos >>> 8);
                out.write(nanos);
            }
            default -> throw new IllegalStateException("type " + column.type().code() + " cannot be a key");
        }
    }

    private static long orderedDouble(double d) {
        long bits = Double.doubleToLongBits(d == 0.0 ? 0.0 : d);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    private static void writeLong(ByteArrayOutputStream out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }

    /** UTF-8 with 0x00 escaped as 0x00 0xFF and 0x00 0x00 as terminator: order- and prefix-safe. */
    private static void writeString(ByteArrayOutputStream out, String s) {
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            out.write(b);
            if (b == 0) {
                out.write(0xFF);
            }
        }
        out.write(0);
        out.write(0);
    }
}
