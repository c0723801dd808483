package io.mrtck.reference.data;

/**
 * Size limits the region enforces.
 *
 * @param maxKeyBytes     serialized primary key
 * @param maxRowBytes     serialized row
 * @param maxRequestBytes HTTP request body
 * @param maxBatchOps     sub-operations of one WriteMultiple
 */
public record Limits(int maxKeyBytes, int maxRowBytes, int maxRequestBytes, int maxBatchOps) {

    /** The proxy's defaults (see README, "Limits"). */
    public static Limits defaults() {
        return new Limits(64, 512 * 1024, 2 * 1024 * 1024, 50);
    }
}
