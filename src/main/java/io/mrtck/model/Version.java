package io.mrtck.model;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One version of a row in a region of the model: its value without counters, its counters'
 * states, when it was written on the writing region's clock (exactly once a region has shown
 * it, else the interval the write happened in), its expiration and the region that wrote it.
 *
 * @param value the row's columns, counter values left out (null for a tombstone)
 */
public record Version(ObjectNode value, Map<String, Pn> counters, long earliest, long latest, Expiry expiry,
                      String origin, boolean tombstone) {

    public boolean timeKnown() {
        return earliest == latest;
    }

    /** This version as a region showed it: written at {@code time}, expiring at {@code expiration}. */
    public Version shown(long time, long expiration) {
        return new Version(value, counters, time, time, Expiry.exact(expiration), origin, tombstone);
    }

    /** The expiration this version has if it was written at {@code time}. */
    public Expiry expiryIfWrittenAt(long time) {
        return expiry.fromWriteAt(earliest, latest, time);
    }

    public Version withCounters(Map<String, Pn> merged) {
        return new Version(value, merged, earliest, latest, expiry, origin, tombstone);
    }

    /** Live (not deleted, not certainly expired) at {@code now}. */
    public boolean liveAt(long now) {
        return !tombstone && (expiry.earliest() == 0 || expiry.earliest() > now);
    }
}
