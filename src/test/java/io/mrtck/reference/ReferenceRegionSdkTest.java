package io.mrtck.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.NoSQLHandleConfig;
import oracle.nosql.driver.NoSQLHandleFactory;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.Version;
import oracle.nosql.driver.kv.StoreAccessTokenProvider;
import oracle.nosql.driver.ops.DeleteRequest;
import oracle.nosql.driver.ops.GetIndexesRequest;
import oracle.nosql.driver.ops.GetIndexesResult;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.GetTableRequest;
import oracle.nosql.driver.ops.ListTablesRequest;
import oracle.nosql.driver.ops.MultiDeleteRequest;
import oracle.nosql.driver.ops.PrepareRequest;
import oracle.nosql.driver.ops.PreparedStatement;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.PutResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.QueryResult;
import oracle.nosql.driver.ops.SystemResult;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.ops.TableResult;
import oracle.nosql.driver.ops.WriteMultipleRequest;
import oracle.nosql.driver.ops.WriteMultipleResult;
import oracle.nosql.driver.values.MapValue;

/**
 * The unmodified SDK against a whole ReferenceRegion (store + SQL + server), end to end.
 */
class ReferenceRegionSdkTest {
    @TempDir
    Path root;

    private ReferenceRegion region;
    private NoSQLHandle handle;

    @BeforeEach
    void start() {
        region = startRegion(root);
        handle = handle(region);
    }

    @AfterEach
    void stop() {
        if (handle != null) {
            handle.close();
        }
        if (region != null) {
            region.close();
        }
    }

    static ReferenceRegion startRegion(Path root) {
        return ReferenceRegion.start(RegionOptions.of(root).withName("FR"));
    }

    static NoSQLHandle handle(ReferenceRegion region) {
        NoSQLHandleConfig config = new NoSQLHandleConfig(region.endpoint());
        config.setAuthorizationProvider(new StoreAccessTokenProvider());
        config.setRequestTimeout(10_000);
        return NoSQLHandleFactory.createNoSQLHandle(config);
    }

    private TableResult ddl(String statement) {
        return handle.doTableRequest(new TableRequest().setStatement(statement), 10_000, 200);
    }

    private void createUsers() {
        TableResult t = ddl("CREATE TABLE users(id INTEGER, name STRING, age INTEGER, PRIMARY KEY(id))");
        assertThat(t.getTableState()).isEqualTo(TableResult.State.ACTIVE);
        assertThat(t.getTableName()).isEqualToIgnoringCase("users");
        assertThat(t.getSchema()).contains("users");
    }

    private static MapValue user(int id, String name, int age) {
        return new MapValue().put("id", id).put("name", name).put("age", age);
    }

    @Test
    void tableLifecycle() {
        createUsers();
        TableResult got = handle.getTable(new GetTableRequest().setTableName("users"));
        assertThat(got.getTableState()).isEqualTo(TableResult.State.ACTIVE);
        assertThat(handle.listTables(new ListTablesRequest()).getTables()).contains("users");
        ddl("CREATE INDEX byName ON users(name)");
        GetIndexesResult ix = handle.getIndexes(new GetIndexesRequest().setTableName("users"));
        assertThat(ix.getIndexes()).hasSize(1);
        assertThat(ix.getIndexes()[0].getIndexName()).isEqualToIgnoringCase("byName");
        assertThat(ix.getIndexes()[0].getFieldNames()).containsExactly("name");
        TableResult dropped = ddl("DROP TABLE users");
        assertThat(dropped.getTableState()).isEqualTo(TableResult.State.DROPPED);
        assertThatThrownBy(() -> handle.getTable(new GetTableRequest().setTableName("users")))
            .isInstanceOf(TableNotFoundException.class);
    }

    @Test
    void putGetDelete() {
        createUsers();
        PutResult p = handle.put(new PutRequest().setTableName("users").setValue(user(1, "ann", 30)));
        assertThat(p.getVersion()).isNotNull();
        GetResult g = handle.get(new GetRequest().setTableName("users")
            .setKey(new MapValue().put("id", 1)));
        assertThat(g.getValue().getString("name")).isEqualTo("ann");
        assertThat(g.getVersion().getBytes()).isEqualTo(p.getVersion().getBytes());
        assertThat(g.getModificationTime()).isPositive();
        assertThat(g.getExpirationTime()).isZero();

        PutResult absent = handle.put(new PutRequest().setTableName("users")
            .setOption(PutRequest.Option.IfAbsent).setReturnRow(true).setValue(user(1, "bob", 1)));
        assertThat(absent.getVersion()).isNull();
        assertThat(absent.getExistingValue().getString("name")).isEqualTo("ann");

        Version v = p.getVersion();
        PutResult ifv = handle.put(new PutRequest().setTableName("users")
            .setOption(PutRequest.Option.IfVersion).setMatchVersion(v).setValue(user(1, "cat", 2)));
        assertThat(ifv.getVersion()).isNotNull();

        PutResult ttl = handle.put(new PutRequest().setTableName("users").setTTL(TimeToLive.ofDays(2))
            .setValue(user(2, "dan", 4)));
        assertThat(ttl.getVersion()).isNotNull();
        assertThat(handle.get(new GetRequest().setTableName("users")
            .setKey(new MapValue().put("id", 2))).getExpirationTime()).isPositive();

        assertThat(handle.delete(new DeleteRequest().setTableName("users")
            .setKey(new MapValue().put("id", 1))).getSuccess()).isTrue();
        assertThat((Object) handle.get(new GetRequest().setTableName("users")
            .setKey(new MapValue().put("id", 1))).getValue()).isNull();
        assertThat(handle.delete(new DeleteRequest().setTableName("users")
            .setKey(new MapValue().put("id", 1))).getSuccess()).isFalse();
    }

    @Test
    void writeMultipleAndMultiDelete() {
        ddl("CREATE TABLE items(sid INTEGER, id INTEGER, v STRING, PRIMARY KEY(SHARD(sid), id))");
        WriteMultipleRequest wm = new WriteMultipleRequest();
        for (int i = 0; i < 10; i++) {
            wm.add(new PutRequest().setTableName("items")
                .setValue(new MapValue().put("sid", 1).put("id", i).put("v", "x" + i)), true);
        }
        WriteMultipleResult r = handle.writeMultiple(wm);
        assertThat(r.getSuccess()).isTrue();
        assertThat(r.getResults()).hasSize(10);

        WriteMultipleRequest failing = new WriteMultipleRequest();
        failing.add(new PutRequest().setTableName("items")
            .setValue(new MapValue().put("sid", 1).put("id", 100).put("v", "new")), true);
        failing.add(new PutRequest().setTableName("items").setOption(PutRequest.Option.IfAbsent)
            .setValue(new MapValue().put("sid", 1).put("id", 3).put("v", "dup")), true);
        WriteMultipleResult f = handle.writeMultiple(failing);
        assertThat(f.getSuccess()).isFalse();
        assertThat(f.getFailedOperationIndex()).isEqualTo(1);

        int deleted = handle.multiDelete(new MultiDeleteRequest().setTableName("items")
            .setKey(new MapValue().put("sid", 1))).getNumDeletions();
        assertThat(deleted).isEqualTo(10);
    }

    @Test
    void queriesWithContinuationAndBindVariables() {
        createUsers();
        for (int i = 0; i < 25; i++) {
            handle.put(new PutRequest().setTableName("users").setValue(user(i, "u" + i, i)));
        }
        List<MapValue> all = new ArrayList<>();
        try (QueryRequest q = new QueryRequest().setStatement("SELECT * FROM users").setLimit(7)) {
            do {
                QueryResult r = handle.query(q);
                all.addAll(r.getResults());
            } while (!q.isDone());
        }
        assertThat(all).hasSize(25);

        PreparedStatement ps = handle.prepare(new PrepareRequest()
            .setStatement("DECLARE $a INTEGER; SELECT id FROM users WHERE age >= $a")).getPreparedStatement();
        ps.setVariable("$a", new oracle.nosql.driver.values.IntegerValue(20));
        List<MapValue> some = new ArrayList<>();
        try (QueryRequest q = new QueryRequest().setPreparedStatement(ps)) {
            do {
                some.addAll(handle.query(q).getResults());
            } while (!q.isDone());
        }
        assertThat(some).hasSize(5);
    }

    @Test
    void systemRequests() {
        SystemResult set = handle.doSystemRequest("SET LOCAL REGION FR", 10_000, 200);
        assertThat(set.getOperationState()).isEqualTo(SystemResult.State.COMPLETE);
        handle.doSystemRequest("CREATE REGION CO", 10_000, 200);
        SystemResult show = handle.doSystemRequest("SHOW REGIONS", 10_000, 200);
        assertThat(show.getResultString()).contains("CO").contains("FR");
        assertThat(handle.listNamespaces()).contains("sysdefault");
        // table DDL sent as a system request (the real proxy accepts it too)
        handle.doSystemRequest("CREATE TABLE mr(id INTEGER, PRIMARY KEY(id)) IN REGIONS CO, FR",
            10_000, 200);
        TableResult mr = handle.getTable(new GetTableRequest().setTableName("mr"));
        assertThat(mr.getSchema()).contains("regions");
    }

    @Test
    void errorsMapToSdkExceptions() {
        createUsers();
        assertThatThrownBy(() -> ddl("CREATE TABL nope(id INTEGER)"))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> handle.put(new PutRequest().setTableName("missing")
            .setValue(new MapValue().put("id", 1)))).isInstanceOf(TableNotFoundException.class);
        assertThatThrownBy(() -> handle.query(new QueryRequest().setStatement("SELEC * FROM users")))
            .isInstanceOf(IllegalArgumentException.class);
        WriteMultipleRequest twoShards = new WriteMultipleRequest();
        for (int i = 0; i < 2; i++) {
            twoShards.add(new PutRequest().setTableName("users").setValue(user(i, "x", 1)), false);
        }
        assertThatThrownBy(() -> handle.writeMultiple(twoShards)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("WRITE_MULTIPLE: Illegal Argument: Shard key: {\"id\":1} does not match");
    }

    @Test
    void severalHandlesWriteConcurrently() throws Exception {
        createUsers();
        int handles = 4;
        int perHandle = 50;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(handles);
        List<java.util.concurrent.Future<?>> done = new ArrayList<>();
        try {
            for (int h = 0; h < handles; h++) {
                int base = h * perHandle;
                done.add(pool.submit(() -> {
                    try (NoSQLHandle own = handle(region)) {
                        for (int i = base; i < base + perHandle; i++) {
                            assertThat(own.put(new PutRequest().setTableName("users")
                                .setValue(user(i, "u" + i, i))).getVersion()).isNotNull();
                        }
                    }
                    return null;
                }));
            }
            for (var f : done) {
                f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<MapValue> count = new ArrayList<>();
        try (QueryRequest q = new QueryRequest().setStatement("SELECT count(*) AS n FROM users")) {
            do {
                count.addAll(handle.query(q).getResults());
            } while (!q.isDone());
        }
        assertThat(count).hasSize(1);
        assertThat(count.get(0).get("n").getLong()).isEqualTo(handles * perHandle);
    }

    @Test
    void restartKeepsRows() {
        createUsers();
        handle.put(new PutRequest().setTableName("users").setValue(user(1, "ann", 30)));
        handle.close();
        region.close();
        region = ReferenceRegion.start(RegionOptions.of(root));
        handle = handle(region);
        assertThat(handle.get(new GetRequest().setTableName("users")
            .setKey(new MapValue().put("id", 1))).getValue().getString("name")).isEqualTo("ann");
    }
}
