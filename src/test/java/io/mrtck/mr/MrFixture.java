package io.mrtck.mr;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.mrtck.client.Convergence;
import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * The MR tests' vocabulary over a topology and its SDK handles: create an MR table in
 * every region, run a statement in one region, read a row, wait for convergence. Only
 * SDK calls; every wait is bounded.
 */
final class MrFixture {
    /** Generous: the real engine needs up to ~30 s for the first write to a new MR table. */
    static final Duration CONVERGE = Duration.ofSeconds(30);
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final Topology topology;
    private final RegionClients clients;

    MrFixture(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.clients = clients;
    }

    NoSQLHandle in(String region) {
        return clients.handle(region);
    }

    /** A fresh table name, so tests sharing a topology do not meet. */
    static String table(String stem) {
        return stem + TABLES.incrementAndGet();
    }

    /** {@code CREATE TABLE name(columns) IN REGIONS <all>} in every region. */
    void createMrTable(String name, String columns) {
        List<String> names = topology.regions().stream().map(Region::name).toList();
        String ddl = "CREATE TABLE " + name + "(" + columns + ") IN REGIONS " + String.join(", ", names);
        for (String r : names) {
            ddl(r, ddl);
        }
    }

    void ddl(String region, String statement) {
        in(region).doTableRequest(new TableRequest().setStatement(statement), 20_000, 100);
    }

    List<MapValue> sql(String region, String statement) {
        List<MapValue> out = new ArrayList<>();
        try (QueryRequest q = new QueryRequest().setStatement(statement);
             QueryIterableResult r = in(region).queryIterable(q)) {
            r.forEach(out::add);
        }
        return out;
    }

    GetResult get(String region, String table, MapValue key) {
        return in(region).get(new GetRequest().setTableName(table).setKey(key));
    }

    Map<String, NoSQLHandle> handles() {
        Map<String, NoSQLHandle> out = new LinkedHashMap<>();
        topology.regions().forEach(r -> out.put(r.name(), in(r.name())));
        return out;
    }

    /** Waits until every region shows the same rows with the same metadata; returns that fingerprint. */
    TableFingerprint converge(String table, String... keyColumns) {
        return new Convergence(handles(), CONVERGE).await(table, List.of(keyColumns));
    }

    void pauseAgents() {
        topology.regions().forEach(r -> r.agent().pause());
    }

    void resumeAgents() {
        topology.regions().forEach(r -> r.agent().resume());
    }
}
