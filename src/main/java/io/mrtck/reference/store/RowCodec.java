package io.mrtck.reference.store;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.mrtck.reference.mr.PnCounter;
import io.mrtck.reference.nson.NsonCodec;
import oracle.nosql.driver.values.MapValue;

/**
 * A stored row's bytes: a header with the replication metadata and counter states, then
 * the row as NSON. Format 1: format(1) modTime(8) expiration(8) origin(4) tombstone(1)
 * version(2+n) counters(2 + per counter: path, increments, decrements) nsonLength(4) nson.
 */
final class RowCodec {
    private static final byte FORMAT = 1;

    private RowCodec() {
    }

    static byte[] encode(StoredRow row) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(row.modificationTime());
            out.writeLong(row.expirationTime());
            out.writeInt(row.originRegionId());
            out.writeBoolean(row.tombstone());
            out.writeShort(row.version().length);
            out.write(row.version());
            out.writeShort(row.counters().size());
            for (Map.Entry<String, PnCounter> c : new TreeMap<>(row.counters()).entrySet()) {
                out.writeUTF(c.getKey());
                writeSums(out, c.getValue().increments());
                writeSums(out, c.getValue().decrements());
            }
            byte[] nson = NsonCodec.encode(row.value());
            out.writeInt(nson.length);
            out.write(nson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static StoredRow decode(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new IllegalStateException("unknown stored row format " + format);
            }
            long mod = in.readLong();
            long exp = in.readLong();
            int origin = in.readInt();
            boolean tombstone = in.readBoolean();
            byte[] version = in.readNBytes(in.readUnsignedShort());
            int counterCount = in.readUnsignedShort();
            Map<String, PnCounter> counters = new LinkedHashMap<>();
            for (int i = 0; i < counterCount; i++) {
                String path = in.readUTF();
                counters.put(path, new PnCounter(readSums(in), readSums(in)));
            }
            byte[] nson = in.readNBytes(in.readInt());
            MapValue value = (MapValue) NsonCodec.decode(nson);
            return new StoredRow(value, mod, exp, version, origin, tombstone, counters);
        } catch (IOException e) {
            throw new UncheckedIOException("corrupt stored row", e);
        }
    }

    private static void writeSums(DataOutputStream out, Map<String, BigDecimal> sums) throws IOException {
        out.writeShort(sums.size());
        for (Map.Entry<String, BigDecimal> e : sums.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeUTF(e.getValue().toPlainString());
        }
    }

    private static Map<String, BigDecimal> readSums(DataInputStream in) throws IOException {
        int n = in.readUnsignedShort();
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            sums.put(in.readUTF(), new BigDecimal(in.readUTF()));
        }
        return sums;
    }
}
