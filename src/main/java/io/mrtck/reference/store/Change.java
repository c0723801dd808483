package io.mrtck.reference.store;

/**
 * One local write of an MR table, as the change log keeps it for the XRegion agents of the
 * other regions.
 *
 * @param sequence     position in the log of the region that made the write
 * @param table        the table's name
 * @param originRegion the writing region's name (ids differ between regions, names do not)
 * @param row          the row with its metadata (a tombstone for a delete)
 */
public record Change(long sequence, String table, String originRegion, StoredRow row) {
}
