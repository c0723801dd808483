package io.mrtck.reference.store;

import java.util.List;

/**
 * One local write of an MR table, as the change log keeps it for the XRegion agents of the
 * other regions.
 *
 * @param sequence     position in the log of the region that made the write
 * @param table        the table's name
 * @param originRegion the writing region's name (ids differ between regions, names do not)
 * @param row          the row with its metadata (a tombstone for a delete)
 * @param targets      the remote regions the table spanned when it was written (a region
 *                     dropped from the table by ALTER … DROP REGIONS no longer gets its
 *                     writes); null when any region may take it (rows copied by initialisation)
 */
public record Change(long sequence, String table, String originRegion, StoredRow row, List<String> targets) {

    public Change {
        targets = targets == null ? null : List.copyOf(targets);
    }

    /** A change meant for any region that has the table (a copied row). */
    public Change(long sequence, String table, String originRegion, StoredRow row) {
        this(sequence, table, originRegion, row, null);
    }

    /** Whether the region named {@code region} is one this change was written for. */
    public boolean isFor(String region) {
        return targets == null || targets.stream().anyMatch(t -> t.equalsIgnoreCase(region));
    }
}
