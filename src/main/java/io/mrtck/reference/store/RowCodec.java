package io.mrtck.reference.store;

import java.nio.ByteBuffer;

import io.mrtck.reference.nson.NsonCodec;
import oracle.nosql.driver.values.MapValue;

/**
 * A stored row's bytes: a fixed header with the replication metadata, then the row as NSON.
 * Format 1: format(1) modTime(8) expiration(8) origin(4) tombstone(1) versionLength(2)
 * version(n) nson(rest).
 */
final class RowCodec {
    private static final byte FORMAT = 1;

    private RowCodec() {
    }

    static byte[] encode(StoredRow row) {
        byte[] nson = NsonCodec.encode(row.value());
        byte[] version = row.version();
        ByteBuffer buf = ByteBuffer.allocate(1 + 8 + 8 + 4 + 1 + 2 + version.length + nson.length);
        buf.put(FORMAT).putLong(row.modificationTime()).putLong(row.expirationTime())
            .putInt(row.originRegionId()).put((byte) (row.tombstone() ? 1 : 0))
            .putShort((short) version.length).put(version).put(nson);
        return buf.array();
    }

    static StoredRow decode(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        byte format = buf.get();
        if (format != FORMAT) {
            throw new IllegalStateException("unknown stored row format " + format);
        }
        long mod = buf.getLong();
        long exp = buf.getLong();
        int origin = buf.getInt();
        boolean tombstone = buf.get() != 0;
        byte[] version = new byte[buf.getShort()];
        buf.get(version);
        MapValue value = (MapValue) NsonCodec.decode(bytes, buf.position(), buf.remaining());
        return new StoredRow(value, mod, exp, version, origin, tombstone);
    }
}
