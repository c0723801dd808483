package io.mrtck.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mrtck.client.Convergence;
import io.mrtck.client.RegionClients;
import io.mrtck.client.TableFingerprint;
import io.mrtck.topology.Capability;
import io.mrtck.topology.Region;
import io.mrtck.topology.Topology;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.TableNotFoundException;
import oracle.nosql.driver.TimeToLive;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.GetResult;
import oracle.nosql.driver.ops.GetTableRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.PutResult;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * The MR tests' vocabulary over a topology and its SDK handles: create an MR table in
 * every region, run a statement in one region, read a row, wait for convergence, read a
 * region's clock. Only SDK calls; every wait is bounded.
 */
public final class MrFixture {
    /** Setting (a system property, see {@link RunSettings}): how long a convergence wait may last, in seconds (default 30). */
    public static final String CONVERGE_TIMEOUT_PROPERTY = "mrtck.timeout.converge";
    /** Setting (a system property, see {@link RunSettings}): how long the first convergence on a newly created MR table may last, in seconds (default 90). */
    public static final String FIRST_WRITE_TIMEOUT_PROPERTY = "mrtck.timeout.firstWrite";
    /** A local (not multi-region) table in each region whose writes read the region's clock. */
    static final String CLOCK_TABLE = "MrtckClock";

    /** A bound for one DDL statement to complete; a busy real store takes seconds. */
    private static final int DDL_TIMEOUT_MS = 60_000;
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static final AtomicLong CLOCK_READINGS = new AtomicLong();
    private static final Pattern CREATES_OR_ADDS_REGIONS = Pattern.compile(
        "(?is)^\\s*(?:CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([\\w.$]+)|ALTER\\s+TABLE\\s+([\\w.$]+)\\s+ADD\\s+REGIONS\\b).*");

    private final Topology topology;
    private final RegionClients clients;
    /** Tables created (or given a region) by this fixture whose first write has not yet been seen everywhere. */
    private final Set<String> newTables = ConcurrentHashMap.newKeySet();

    public MrFixture(Topology topology, RegionClients clients) {
        this.topology = topology;
        this.clients = clients;
    }

    /**
     * Waits end as soon as the regions agree, so passing runs never wait this long. Steady
     * replication takes milliseconds (~30 ms p50, 90 ms p95 on a busy real deployment).
     */
    public static Duration convergeTimeout() {
        return seconds(CONVERGE_TIMEOUT_PROPERTY, "30");
    }

    /**
     * The first write to a new MR table reaches the other region only once its agent has
     * noticed the table: 7–26 s on a busy real deployment (MR-SEMANTICS.md, "second look").
     */
    public static Duration firstWriteTimeout() {
        return seconds(FIRST_WRITE_TIMEOUT_PROPERTY, "90");
    }

    private static Duration seconds(String property, String byDefault) {
        return Duration.ofMillis((long) (Double.parseDouble(RunSettings.get(property, byDefault)) * 1000));
    }

    /** The bound for the next wait on {@code table}: the first-write timeout until a first write has arrived everywhere. */
    public Duration timeoutFor(String table) {
        return newTables.contains(key(table)) ? firstWriteTimeout() : convergeTimeout();
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
        List<String> names = regionNames();
        String ddl = "CREATE TABLE " + name + "(" + columns + ") IN REGIONS " + String.join(", ", names);
        for (String r : names) {
            ddl(r, ddl);
        }
    }

    /**
     * An MR table {@code (id INTEGER, v STRING)} whose row 1 ({@code "seed"}) has reached every
     * region: the agents stream it, so the test's own writes are not the table's first.
     */
    public String streamingTable(String stem) {
        String t = table(stem);
        createMrTable(t, "id INTEGER, v STRING, PRIMARY KEY(id)");
        sql(regionNames().get(0), "UPSERT INTO " + t + " VALUES(1, \"seed\")");
        converge(t, "id");
        return t;
    }

    /** A DDL statement in one region; a table it creates or gives a region counts as new (see {@link #timeoutFor}). */
    public void ddl(String region, String statement) {
        in(region).doTableRequest(new TableRequest().setStatement(statement), DDL_TIMEOUT_MS, 100);
        newTable(statement).ifPresent(t -> newTables.add(key(t)));
    }

    private static Optional<String> newTable(String statement) {
        Matcher m = CREATES_OR_ADDS_REGIONS.matcher(statement);
        return m.matches() ? Optional.of(m.group(1) != null ? m.group(1) : m.group(2)) : Optional.empty();
    }

    private static String key(String table) {
        return table.toLowerCase(Locale.ROOT);
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

    /**
     * Waits until every region shows the same rows with the same metadata; returns that
     * fingerprint. The first convergence that sees rows on a new table may take the
     * first-write timeout.
     */
    public TableFingerprint converge(String table, String... keyColumns) {
        TableFingerprint agreed = new Convergence(handles(), timeoutFor(table)).await(table, List.of(keyColumns));
        if (!agreed.rows().isEmpty()) {
            newTables.remove(key(table));
        }
        return agreed;
    }

    /**
     * {@link #converge} after an agent or a region came back from a fault: it must start streaming
     * again first (on a real deployment the agent streams ~6–7 s after {@code xrstart}, a restarted
     * store is ready in ~12 s), so the wait may take the first-write timeout.
     */
    public TableFingerprint convergeAfterFault(String table, String... keyColumns) {
        newTables.add(key(table));
        return converge(table, keyColumns);
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
        topology.regions().forEach(r -> r.agent().pause());
        try {
            writes.run();
        } finally {
            topology.regions().forEach(r -> r.agent().resume());
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

    /**
     * The modification time a write made now in {@code region} carries, read through the SDK:
     * a put to a local (not multi-region) table of that region, read back. It is at least the
     * modification time of every write the region made before it.
     */
    public long clock(String region) {
        MapValue key = new MapValue().put("id", CLOCK_READINGS.incrementAndGet());
        PutRequest put = new PutRequest().setTableName(CLOCK_TABLE).setValue(key);
        try {
            in(region).put(put);
        } catch (TableNotFoundException e) {
            in(region).doTableRequest(new TableRequest().setStatement("CREATE TABLE IF NOT EXISTS " + CLOCK_TABLE
                + "(id LONG, PRIMARY KEY(id))"), DDL_TIMEOUT_MS, 100);
            in(region).put(put);
        }
        return get(region, CLOCK_TABLE, key).getModificationTime();
    }

    /**
     * Waits (bounded) until a write made in {@code region} would carry a modification time
     * strictly later than {@code time}: regions' clocks may differ, and two writes may share a
     * millisecond.
     */
    public void awaitClockPast(String region, long time) {
        Awaitility.await(region + "'s clock past " + time).atMost(convergeTimeout()).pollInterval(Duration.ofMillis(5))
            .until(() -> clock(region) > time);
    }

    /**
     * Makes {@code write} (which leaves row {@code key} in place) in {@code region} strictly later
     * than {@code time}, as the row's modification time read back through the SDK shows; the
     * write is repeated until it is (bounded). Returns that modification time.
     */
    public long writeLaterThan(long time, String region, String table, MapValue key, Runnable write) {
        awaitClockPast(region, time);
        long[] written = {0};
        Awaitility.await("a write in " + region + " to " + table + " " + key.toJson() + " later than " + time)
            .atMost(convergeTimeout()).pollInterval(Duration.ofMillis(5))
            .until(() -> {
                write.run();
                written[0] = get(region, table, key).getModificationTime();
                return written[0] > time;
            });
        return written[0];
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
