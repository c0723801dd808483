package io.mrtck.reference.protocol;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.mrtck.reference.data.Rows;
import io.mrtck.reference.sql.SqlEngine;
import io.mrtck.reference.store.RegionStore;

/**
 * What the operation handlers work on: one region's store, row layer and SQL engine, its
 * clock, and the prepared-statement cache shared by all connections.
 */
public final class RegionContext {
    private final RegionStore store;
    private final Rows rows;
    private final SqlEngine sql;
    private final Clock clock;
    private final String regionName;
    private final PreparedCache prepared;
    private final AtomicLong operationIds = new AtomicLong();

    public RegionContext(RegionStore store, Rows rows, SqlEngine sql, Clock clock,
                         String regionName) {
        this.store = store;
        this.rows = rows;
        this.sql = sql;
        this.clock = clock;
        this.regionName = regionName;
        this.prepared = new PreparedCache(sql);
    }

    public RegionStore store() {
        return store;
    }

    public Rows rows() {
        return rows;
    }

    public SqlEngine sql() {
        return sql;
    }

    public Clock clock() {
        return clock;
    }

    public String regionName() {
        return regionName;
    }

    public PreparedCache prepared() {
        return prepared;
    }

    /** A fresh operation id for TableResult/SystemResult {@code od}. */
    public String nextOperationId(String prefix) {
        return prefix + "-" + operationIds.incrementAndGet();
    }
}
