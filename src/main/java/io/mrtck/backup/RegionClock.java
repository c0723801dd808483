package io.mrtck.backup;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.TableRequest;
import oracle.nosql.driver.values.MapValue;

/**
 * The clock of the region an import writes to, as the modification time of a write tells it: a
 * region computes an expiration from a TTL with its own clock, so an import that must keep
 * absolute expiration times counts TTLs from that clock, not from this machine's. Measured once,
 * by one put into a local (not multi-region) table of the kit's own, {@value #PROBE_TABLE}, which
 * is created when missing and left in place.
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

    /** Region time minus local time, from one write: its modification time against the middle of the request. */
    private long measureOffset() {
        handle.doTableRequest(new TableRequest().setStatement(
            "CREATE TABLE IF NOT EXISTS " + PROBE_TABLE + "(id INTEGER, PRIMARY KEY(id))"), DDL_TIMEOUT_MS, 100);
        MapValue key = new MapValue().put("id", 1);
        long before = System.currentTimeMillis();
        handle.put(new PutRequest().setTableName(PROBE_TABLE).setValue(key).setTimeout(requestTimeoutMs));
        long after = System.currentTimeMillis();
        long modified = handle.get(new GetRequest().setTableName(PROBE_TABLE).setKey(key).setTimeout(requestTimeoutMs))
            .getModificationTime();
        return modified - (before + after) / 2;
    }
}
