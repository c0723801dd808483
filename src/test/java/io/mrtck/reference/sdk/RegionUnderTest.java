package io.mrtck.reference.sdk;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.ReferenceRegion;
import io.mrtck.reference.RegionOptions;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.NoSQLHandleConfig;
import oracle.nosql.driver.NoSQLHandleFactory;
import oracle.nosql.driver.kv.StoreAccessTokenProvider;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.SystemResult;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.ops.TableResult;
import oracle.nosql.driver.values.MapValue;

/**
 * A reference region started for a test class, and an SDK handle connected to it exactly
 * as an application connects to an on-prem proxy. Tests talk to the region only through
 * {@link #handle()}; the shortcuts below are plain SDK calls.
 */
public final class RegionUnderTest implements AutoCloseable {
    private final Path root;
    private final Clock clock;
    private ReferenceRegion region;
    private NoSQLHandle handle;

    RegionUnderTest(Path root) {
        this(root, null);
    }

    /** @param clock the region's clock, or null for the system clock */
    RegionUnderTest(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
        start();
    }

    private void start() {
        region = ReferenceRegion.start(RegionOptions.of(root).withClock(clock));
        NoSQLHandleConfig config = new NoSQLHandleConfig(region.endpoint());
        config.setAuthorizationProvider(new StoreAccessTokenProvider());
        config.setRequestTimeout(10_000);
        handle = NoSQLHandleFactory.createNoSQLHandle(config);
    }

    public NoSQLHandle handle() {
        return handle;
    }

    public String endpoint() {
        return region.endpoint();
    }

    /** Stops the region and the handle, and starts both again on the same directory. */
    public void restart() {
        close();
        start();
    }

    /** A table DDL statement through TableRequest, waited for until it completes. */
    public TableResult ddl(String statement) {
        return handle.doTableRequest(new TableRequest().setStatement(statement), 10_000, 100);
    }

    /** A system statement (regions, namespaces, SHOW) through SystemRequest. */
    public SystemResult system(String statement) {
        return handle.doSystemRequest(statement, 10_000, 100);
    }

    /** Every result row of a query or DML statement, all batches. */
    public List<MapValue> query(String statement) {
        List<MapValue> out = new ArrayList<>();
        try (QueryRequest request = new QueryRequest().setStatement(statement);
             QueryIterableResult result = handle.queryIterable(request)) {
            result.forEach(out::add);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            if (handle != null) {
                handle.close();
            }
        } finally {
            handle = null;
            if (region != null) {
                region.close();
            }
            region = null;
        }
    }
}
