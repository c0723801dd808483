package io.mrtck.reference.agent;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mrtck.reference.mr.ApplyResult;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.store.AgentStatisticsRecord;
import io.mrtck.reference.store.Change;
import io.mrtck.reference.store.ChangeLogReader;
import io.mrtck.reference.store.WireCodec;

/**
 * Connects an agent running as its own process ({@code xrstart}) to the stores its config
 * names, through each store's {@link AgentEndpoint} on the helper host:port. A store that
 * does not answer is {@link RegionUnreachableException unreachable}: the agent retries.
 */
public final class HttpRegionConnector implements RegionConnector {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1).build();

    @Override
    public LocalRegionAccess local(AgentConfig config) {
        return new Local(new Endpoint(config.store(), config.helpers()));
    }

    @Override
    public RemoteRegionAccess remote(AgentConfig config, AgentConfig.RemoteRegion region) {
        return new Remote(region.name(), new Endpoint(region.store(), region.helpers()), config.asChangeLogReader());
    }

    /** One store's agent endpoint, tried at each helper in turn. */
    private final class Endpoint {
        private final String store;
        private final List<String> helpers;

        Endpoint(String store, List<String> helpers) {
            this.store = store;
            this.helpers = helpers;
        }

        DataInputStream call(Writer args) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                args.write(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            IOException last = null;
            for (String h : helpers) {
                HttpRequest req = HttpRequest.newBuilder(URI.create("http://" + h + AgentEndpoint.PATH))
                    .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofByteArray(bytes.toByteArray())).build();
                HttpResponse<byte[]> resp;
                try {
                    resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    last = e;
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RegionUnreachableException("interrupted calling store " + store);
                }
                if (resp.statusCode() == 503) {
                    throw new RegionUnreachableException("store " + store + " at " + h + " is not ready: "
                        + new String(resp.body(), StandardCharsets.UTF_8));
                }
                if (resp.statusCode() != 200) {
                    throw new IllegalStateException("store " + store + " at " + h + " answered "
                        + resp.statusCode() + ": " + new String(resp.body(), StandardCharsets.UTF_8));
                }
                return new DataInputStream(new ByteArrayInputStream(resp.body()));
            }
            throw new RegionUnreachableException("store " + store + " does not answer at " + helpers
                + (last == null ? "" : ": " + last));
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private interface Reader<T> {
        T read(DataInputStream in) throws IOException;
    }

    private static <T> T read(DataInputStream in, Reader<T> r) {
        try {
            return r.read(in);
        } catch (IOException e) {
            throw new IllegalStateException("truncated answer from a store", e);
        }
    }

    private static List<TableSchema> readTables(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<TableSchema> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(WireCodec.readTable(in));
        }
        return out;
    }

    private static final class Local implements LocalRegionAccess {
        private final Endpoint store;

        Local(Endpoint store) {
            this.store = store;
        }

        @Override
        public Optional<String> regionName() {
            DataInputStream in = store.call(out -> out.writeUTF("regionName"));
            return read(in, i -> i.readBoolean() ? Optional.of(i.readUTF()) : Optional.empty());
        }

        @Override
        public List<TableSchema> tables() {
            return read(store.call(out -> out.writeUTF("tables")), HttpRegionConnector::readTables);
        }

        @Override
        public List<String> regionNames(List<Integer> ids) {
            DataInputStream in = store.call(out -> {
                out.writeUTF("regionNames");
                out.writeInt(ids.size());
                for (int id : ids) {
                    out.writeInt(id);
                }
            });
            return read(in, i -> {
                int n = i.readInt();
                List<String> names = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    names.add(i.readUTF());
                }
                return names;
            });
        }

        @Override
        public Optional<byte[]> state(String key) {
            DataInputStream in = store.call(out -> {
                out.writeUTF("state");
                out.writeUTF(key);
            });
            return read(in, i -> Optional.ofNullable(WireCodec.readBytes(i)));
        }

        @Override
        public List<ApplyResult> apply(List<Change> changes, String stateKey, byte[] stateValue) {
            DataInputStream in = store.call(out -> {
                out.writeUTF("apply");
                AgentEndpoint.writeChanges(out, changes);
                out.writeUTF(stateKey);
                WireCodec.writeBytes(out, stateValue);
            });
            return read(in, i -> {
                int n = i.readInt();
                List<ApplyResult> results = new ArrayList<>(n);
                for (int k = 0; k < n; k++) {
                    results.add(ApplyResult.valueOf(i.readUTF()));
                }
                return results;
            });
        }

        @Override
        public void putStatistics(AgentStatisticsRecord record) {
            store.call(out -> {
                out.writeUTF("putStatistics");
                WireCodec.writeStatistics(out, record);
            });
        }
    }

    private static final class Remote implements RemoteRegionAccess {
        private final String name;
        private final Endpoint store;
        private final ChangeLogReader reader;

        Remote(String name, Endpoint store, ChangeLogReader reader) {
            this.name = name;
            this.store = store;
            this.reader = reader;
        }

        @Override
        public String regionName() {
            return name;
        }

        @Override
        public List<Change> changesAfter(long sequence, int max) {
            DataInputStream in = store.call(out -> {
                out.writeUTF("changesAfter");
                out.writeUTF(reader.region());
                out.writeInt(reader.groupSize());
                out.writeInt(reader.agentId());
                out.writeLong(sequence);
                out.writeInt(max);
            });
            return read(in, AgentEndpoint::readChanges);
        }

        /** A long poll: the store answers when a change is there or the wait is over. */
        @Override
        public boolean awaitChangesAfter(long sequence, long waitMs) {
            DataInputStream in = store.call(out -> {
                out.writeUTF("awaitChanges");
                out.writeLong(sequence);
                out.writeLong(waitMs);
            });
            return read(in, DataInputStream::readBoolean);
        }

        @Override
        public Optional<TableSchema> table(String table) {
            DataInputStream in = store.call(out -> {
                out.writeUTF("table");
                out.writeUTF(table);
            });
            return read(in, i -> i.readBoolean() ? Optional.of(WireCodec.readTable(i)) : Optional.empty());
        }

        @Override
        public List<TableSchema> tables() {
            return read(store.call(out -> out.writeUTF("tables")), HttpRegionConnector::readTables);
        }

        @Override
        public TablePage tableRows(String table, byte[] afterKey, int max) {
            DataInputStream in = store.call(out -> {
                out.writeUTF("tableRows");
                out.writeUTF(table);
                WireCodec.writeBytes(out, afterKey);
                out.writeInt(max);
            });
            return read(in, i -> new TablePage(AgentEndpoint.readChanges(i), WireCodec.readBytes(i)));
        }

        @Override
        public void createCheckpointTable(CheckpointTable table) {
            store.call(out -> {
                out.writeUTF("createCheckpointTable");
                out.writeUTF(table.name());
            });
        }
    }
}
