package io.mrtck.reference.store;

import java.util.Map;

import io.mrtck.reference.mr.PnCounter;
import oracle.nosql.driver.values.MapValue;

/**
 * A row as stored, with the metadata the next region needs to replicate it.
 *
 * @param value            the row, fields in the table's column order; for a tombstone
 *                         only the primary-key columns
 * @param modificationTime ms since epoch, from the writing region's clock
 * @param expirationTime   absolute ms since epoch; 0 = never expires
 * @param version          opaque, different for every write
 * @param originRegionId   id of the region that wrote it (1 = the local region)
 * @param tombstone        true for a deleted row of an MR table (kept for conflict resolution)
 * @param counters         MR_COUNTER states by column name or JSON path ({@code doc.hits});
 *                         the values in {@code value} are their read values
 */
public record StoredRow(MapValue value, long modificationTime, long expirationTime,
                        byte[] version, int originRegionId, boolean tombstone,
                        Map<String, PnCounter> counters) {

    public StoredRow {
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }

    /** A row without counter state. */
    public StoredRow(MapValue value, long modificationTime, long expirationTime,
                     byte[] version, int originRegionId, boolean tombstone) {
        this(value, modificationTime, expirationTime, version, originRegionId, tombstone, Map.of());
    }

    public boolean isExpiredAt(long nowMillis) {
        return expirationTime != 0 && expirationTime <= nowMillis;
    }

    /** Visible to reads: not a tombstone, not expired. */
    public boolean isLiveAt(long nowMillis) {
        return !tombstone && !isExpiredAt(nowMillis);
    }

    public StoredRow withValue(MapValue newValue) {
        return new StoredRow(newValue, modificationTime, expirationTime, version, originRegionId, tombstone, counters);
    }
}
