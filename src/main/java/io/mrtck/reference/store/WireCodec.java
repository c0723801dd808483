package io.mrtck.reference.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import io.mrtck.reference.schema.TableSchema;

/**
 * The bytes of what an XRegion agent exchanges with a store over the network (the agent
 * running as its own process): changes with their rows, table definitions, statistics
 * records. Rows keep the store's own row format, so nothing of the metadata is lost.
 */
public final class WireCodec {
    private WireCodec() {
    }

    public static void writeChange(DataOutput out, Change c) throws IOException {
        out.writeLong(c.sequence());
        out.writeUTF(c.table());
        out.writeUTF(c.originRegion());
        writeBytes(out, RowCodec.encode(c.row()));
    }

    public static Change readChange(DataInput in) throws IOException {
        long seq = in.readLong();
        String table = in.readUTF();
        String origin = in.readUTF();
        return new Change(seq, table, origin, RowCodec.decode(readBytes(in)));
    }

    public static void writeTable(DataOutput out, TableSchema t) throws IOException {
        writeBytes(out, CatalogCodec.write(t));
    }

    public static TableSchema readTable(DataInput in) throws IOException {
        return CatalogCodec.read(readBytes(in), TableSchema.class);
    }

    public static void writeStatistics(DataOutput out, AgentStatisticsRecord r) throws IOException {
        writeBytes(out, CatalogCodec.write(r));
    }

    public static AgentStatisticsRecord readStatistics(DataInput in) throws IOException {
        return CatalogCodec.read(readBytes(in), AgentStatisticsRecord.class);
    }

    /** A length-prefixed byte array; length -1 is null. */
    public static void writeBytes(DataOutput out, byte[] b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(b.length);
        out.write(b);
    }

    public static byte[] readBytes(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
