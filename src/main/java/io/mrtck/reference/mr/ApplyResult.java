package io.mrtck.reference.mr;

/** What applying one remote change did, as the agent statistics count it. */
public enum ApplyResult {
    /** A put that won and was written. */
    WON_PUT,
    /** A delete that won: a tombstone was written. */
    WON_DELETE,
    /** A put that lost to a later local version (its counters may still have merged). */
    LOST_PUT,
    /** A delete that lost to a later local version. */
    LOST_DELETE,
    /** A put whose row had already expired when it arrived. */
    EXPIRED_PUT,
    /** A row that does not fit the local table's schema. */
    INCOMPATIBLE,
    /** The local region has no MR table of that name spanning the source region (yet). */
    NO_TABLE;

    public boolean isPut() {
        return this == WON_PUT || this == LOST_PUT || this == EXPIRED_PUT;
    }

    public boolean isDelete() {
        return this == WON_DELETE || this == LOST_DELETE;
    }
}
