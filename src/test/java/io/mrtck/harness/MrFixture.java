package io.mrtck.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.mrtck.client.Convergence;
import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import org.junit.jupiter.api.Assumptions;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.ops.GetTableRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.PutResult;
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
public final class MrFixture {
    /** System property: how long a convergence wait may last, in seconds (default 30). */
    public static final String CONVERGE_TIMEOUT_PROPERTY = "mrtck.timeout.converge";
    /**
     * Generous by default: the real engine needs up to ~30 s for the first write to a new MR
     * table. Waits end as soon as the regions agree, so passing runs never wait this long.
     */
    public static Duration convergeTimeout() {
        return Duration.ofMillis((long) (Double.parseDouble(System.getProperty(CONVERGE_TIMEOUT_PROPERTY, "30")) * 1000));
    }
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final Topology topology;
    private final RegionClients clients;

    public MrFixture(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.clients = clients;
    }

    public NoSQLHandle in(String region) {
        return clients.handle(region);
    }

    /** A fresh table name, so tests sharing a topology do not meet. */
    public static String table(String stem) {
        return stem + TABLES.incrementAndGet();
    }

    /** {@code CREATE TABLE name(columns) IN REGIONS <all>} in every region. */
    public void createMrTable(String name, String columns) {
        List<String> names = topology.regions().stream().map(Region::name).toList();
        String ddl = "CREATE TABLE " + name + "(" + columns + ") IN REGIONS " + String.join(", ", names);
        for (String r : names) {
            ddl(r, ddl);
        }
    }

    public void ddl(String region, String statement) {
        in(region).doTableRequest(new TableRequest().setStatement(statement), 20_000, 100);
    }

    public List<MapValue> sql(String region, String statement) {
        List<MapValue> out = new ArrayList<>();
        try (QueryRequest q = new QueryRequest().setStatement(statement);
             QueryIterableResult r = in(region).queryIterable(q)) {
            r.forEach(out::add);
        }
        return out;
    }

    public GetResult get(String region, String table, MapValue key) {
        return in(region).get(new GetRequest().setTableName(table).setKey(key));
    }

    public Map<String, NoSQLHandle> handles() {
        Map<String, NoSQLHandle> out = new LinkedHashMap<>();
        topology.regions().forEach(r -> out.put(r.name(), in(r.name())));
        return out;
    }

    /** Waits until every region shows the same rows with the same metadata; returns that fingerprint. */
    public TableFingerprint converge(String table, String... keyColumns) {
        return new Convergence(handles(), convergeTimeout()).await(table, List.of(keyColumns));
    }

    public void pauseAgents() {
        topology.regions().forEach(r -> r.agent().pause());
    }

    public void resumeAgents() {
        topology.regions().forEach(r -> r.agent().resume());
    }

    public Topology topology() {
        return topology;
    }

    /** The region names in topology order, e.g. [FR, CO]. */
    public List<String> regionNames() {
        return topology.regions().stream().map(Region::name).toList();
    }

    /** Skips the calling test, with the reason in the report, when the target lacks a fault hook. */
    public void require(Capability capability, String why) {
        Assumptions.assumeTrue(topology.capabilities().contains(capability),
            "target does not support " + capability + " (needed to " + why + ")");
    }

    /** Runs {@code writes} with every agent paused, so that no write reaches another region until it ends. */
    public void withAgentsPaused(Runnable writes) {
        require(Capability.PAUSE_AGENT, "make concurrent writes deterministic");
        pauseAgents();
        try {
            writes.run();
        } finally {
            resumeAgents();
        }
    }

    /** Runs {@code writes} with {@code region}'s clock {@code offset} ahead, then restores it. */
    public void withClockSkew(String region, Duration offset, Runnable writes) {
        require(Capability.CLOCK_SKEW, "decide a conflict by clock skew");
        topology.region(region).skewClock(offset);
        try {
            writes.run();
        } finally {
            topology.region(region).skewClock(Duration.ZERO);
        }
    }

    /** The table's schema JSON as {@code getTable} returns it in {@code region}. */
    public String schema(String region, String table) {
        return in(region).getTable(new GetTableRequest().setTableName(table)).getSchema();
    }

    /** A put through the SDK API (not SQL), optionally with a TTL. */
    public PutResult put(String region, String table, MapValue row, TimeToLive ttl) {
        PutRequest p = new PutRequest().setTableName(table).setValue(row);
        if (ttl != null) {
            p.setTTL(ttl);
        }
        return in(region).put(p);
    }
}
