package io.mrtck.reference.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.mrtck.reference.Mutant;
import io.mrtck.reference.mr.ApplyResult;
import io.mrtck.reference.mr.RemoteChangeApplier;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.Change;
import io.mrtck.reference.store.ChangeLogReader;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.reference.store.WireCodec;

/**
 * The store side of {@link HttpRegionConnector}: what an agent in another process asks of
 * this region, as its local region (apply with checkpoint, state, statistics) or as a
 * remote one (change log, tables, table pages, the agent's checkpoint table). Served at {@code POST /mrtck/agent}; one
 * request is one operation name followed by its arguments, in {@link WireCodec} bytes.
 */
public final class AgentEndpoint {
    /** Where the store process serves it, next to {@code /mrtck/admin}. */
    public static final String PATH = "/mrtck/agent";

    private final RegionStore store;
    private final InJvmLocalRegion local;

    public AgentEndpoint(RegionStore store, Clock clock, Set<Mutant> mutants) {
        this.store = store;
        this.local = new InJvmLocalRegion(() -> store, clock, RemoteChangeApplier.withDefects(mutants),
            mutants.contains(Mutant.STREAMED_OPS_LOST_UNDER_LOAD));
    }

    /** Runs one request; an exception means the store failed it (answered as a server error). */
    public byte[] handle(byte[] request) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(request));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        DataOutputStream out = new DataOutputStream(bytes);
        String op = in.readUTF();
        switch (op) {
            case "regionName" -> writeOptional(out, local.regionName().orElse(null));
            case "tables" -> writeTables(out, local.tables());
            case "regionNames" -> {
                int n = in.readInt();
                List<Integer> ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add(in.readInt());
                }
                List<String> names = local.regionNames(ids);
                out.writeInt(names.size());
                for (String s : names) {
                    out.writeUTF(s);
                }
            }
            case "state" -> WireCodec.writeBytes(out, local.state(in.readUTF()).orElse(null));
            case "apply" -> {
                List<Change> changes = readChanges(in);
                String key = in.readUTF();
                byte[] value = WireCodec.readBytes(in);
                List<ApplyResult> results = local.apply(changes, key, value);
                out.writeInt(results.size());
                for (ApplyResult r : results) {
                    out.writeUTF(r.name());
                }
            }
            case "putStatistics" -> local.putStatistics(WireCodec.readStatistics(in));
            case "changesAfter" -> {
                ChangeLogReader reader = new ChangeLogReader(in.readUTF(), in.readInt(), in.readInt());
                writeChanges(out, store.changesAfter(reader, in.readLong(), in.readInt()));
            }
            case "awaitChanges" -> out.writeBoolean(store.awaitChangesAfter(in.readLong(), in.readLong()));
            case "table" -> {
                Optional<TableSchema> t = remote().table(in.readUTF());
                out.writeBoolean(t.isPresent());
                if (t.isPresent()) {
                    WireCodec.writeTable(out, t.get());
                }
            }
            case "tableRows" -> {
                String table = in.readUTF();
                byte[] after = WireCodec.readBytes(in);
                RemoteRegionAccess.TablePage page = remote().tableRows(table, after, in.readInt());
                writeChanges(out, page.rows());
                WireCodec.writeBytes(out, page.next());
            }
            case "createCheckpointTable" -> remote().createCheckpointTable(new CheckpointTable(in.readUTF()));
            default -> throw new IllegalArgumentException("unknown agent operation " + op);
        }
        out.flush();
        return bytes.toByteArray();
    }

    /** This region seen as a remote region by another region's agent, for its tables (the log is read above). */
    private InJvmRemoteRegion remote() {
        return new InJvmRemoteRegion(local.regionName().orElse("(unnamed)"), () -> store, null);
    }

    static void writeOptional(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static void writeTables(DataOutputStream out, List<TableSchema> tables) throws IOException {
        out.writeInt(tables.size());
        for (TableSchema t : tables) {
            WireCodec.writeTable(out, t);
        }
    }

    static void writeChanges(DataOutputStream out, List<Change> changes) throws IOException {
        out.writeInt(changes.size());
        for (Change c : changes) {
            WireCodec.writeChange(out, c);
        }
    }

    static List<Change> readChanges(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<Change> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(WireCodec.readChange(in));
        }
        return out;
    }
}
