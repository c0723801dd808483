package io.mrtck.reference.store;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

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
        writeTargets(out, c.targets());
        writeBytes(out, RowCodec.encode(c.row()));
    }

    public static Change readChange(DataInput in) throws IOException {
        long seq = in.readLong();
        String table = in.readUTF();
        String origin = in.readUTF();
        List<String> targets = readTargets(in);
        return new Change(seq, table, origin, RowCodec.decode(readBytes(in)), targets);
    }

    /** A change's target regions: a count (-1 for null) and the names. */
    static void writeTargets(DataOutput out, List<String> targets) throws IOException {
        out.writeInt(targets == null ? -1 : targets.size());
        if (targets != null) {
            for (String t : targets) {
                out.writeUTF(t);
            }
        }
    }

    static List<String> readTargets(DataInput in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(in.readUTF());
        }
        return out;
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
