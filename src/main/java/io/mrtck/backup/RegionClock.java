package io.mrtck.backup;

import java.util.List;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * The clock of the region an import writes to: a region computes an expiration from a TTL with its
 * own clock, so an import that must keep absolute expiration times counts TTLs from that clock, not
 * from this machine's. Measured once, by a query of {@code current_time()} (a real 25.3 region
 * answers it) against the middle of the request (not a write's modification time: a region may keep those from going back after
 * its clock did). The query needs a row: a local (not multi-region) table of the kit's own, {@value
 * #PROBE_TABLE}, with one row, created when missing and left in place.
 */
public final class RegionClock {
    public static final String PROBE_TABLE = "MrtckRegionClock";
    private static final int DDL_TIMEOUT_MS = 60_000;

    private final NoSQLHandle handle;
    private final int requestTimeoutMs;
    private Long offsetMs;

    public RegionClock(NoSQLHandle handle, int requestTimeoutMs) {
        this.handle = handle;
        this.requestTimeoutMs = requestTimeoutMs;
    }

    /** The region's time now, in milliseconds since the epoch. */
    public long now() {
        if (offsetMs == null) {
            offsetMs = measureOffset();
        }
        return System.currentTimeMillis() + offsetMs;
    }

    /** Region time minus local time. */
    private long measureOffset() {
        handle.doTableRequest(new TableRequest().setStatement(
            "CREATE TABLE IF NOT EXISTS " + PROBE_TABLE + "(id INTEGER, PRIMARY KEY(id))"), DDL_TIMEOUT_MS, 100);
        handle.put(new PutRequest().setTableName(PROBE_TABLE).setValue(new MapValue().put("id", 1))
            .setOption(PutRequest.Option.IfAbsent).setTimeout(requestTimeoutMs));
        try (QueryRequest q = new QueryRequest().setTimeout(requestTimeoutMs)
                 .setStatement("SELECT current_time() AS now FROM " + PROBE_TABLE + " WHERE id = 1")) {
            long before = System.currentTimeMillis();
            List<MapValue> rows = handle.query(q).getResults();
            long after = System.currentTimeMillis();
            if (rows.isEmpty()) {
                throw new BackupException("cannot read the clock of the region: " + PROBE_TABLE + " answered no row");
            }
            return rows.get(0).get("now").getTimestamp().getTime() - (before + after) / 2;
        }
    }
}
