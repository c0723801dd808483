package io.mrtck.reference;

/**
 * Named defects the reference can be started with, one at a time, to prove that the
 * conformance suites can fail: each must make at least one suite test fail. The tool
 * mutants are defects of the kit's backup tools ({@code io.mrtck.backup}), which read
 * {@code -Dmrtck.mutant} themselves; regions and agents ignore them.
 */
public enum Mutant {
    /** The agent drops streamed deletes. */
    DELETES_NOT_REPLICATED,
    /** The agent applies puts with the later modification time losing. */
    LWW_REVERSED,
    /** On equal modification times the lesser region name wins. */
    TIE_RULE_REVERSED,
    /** Counter states are added on merge instead of taking the per-region maximum. */
    COUNTER_MERGE_SUMS,
    /** Remote decrements are lost when counter states merge. */
    DECREMENTS_DROPPED,
    /** Streamed rows arrive without their expiration time. */
    TTL_NOT_REPLICATED,
    /** The agent commits a batch's checkpoint when it reads it and applies the batch later: a crash in between loses it. */
    CHECKPOINT_NOT_DURABLE,
    /** Table initialisation copies only some of the existing rows. */
    INIT_SKIPS_ROWS,
    /** A region mutant: an UPDATE that changes a JSON column is applied locally but not written to the change log. */
    JSON_UPDATES_NOT_REPLICATED,
    /** A region mutant: rows that arrived from another region stay visible after their expiration time. */
    EXPIRATION_NOT_HONOURED_ON_RECEIVER,
    /** A tool mutant (io.mrtck.backup): the export writes no row's expiration time. */
    TTL_DROPPED_ON_EXPORT,
    /** A tool mutant: the import gives each row the time it had left at export, counted from the import (the classic drift). */
    EXPIRATION_REBASED_ON_IMPORT,
    /** A tool mutant: rows already expired at the import's reference time are written anyway. */
    EXPIRED_ROWS_IMPORTED,
    /** A tool mutant: the import leaves MR counters at the 0 a put stores, without adding the exported values. */
    COUNTERS_RESET_ON_IMPORT,
    /** A tool mutant: the freshest-region choice takes the region with the largest lag. */
    FRESHEST_PICKS_MOST_LAGGING,
    /** A tool mutant: the binary import records a chunk in its -status directory before writing it. */
    BINARY_IMPORT_NOT_RESUMABLE,
    /** M13 (KVSTORE-1535): the agent keys a table's initialisation by name, so a dropped and re-created table counts as initialised. */
    RECREATED_TABLE_KEEPS_OLD_STATE,
    /** M20 (KVSTORE-1374): after ALTER TABLE … DROP REGIONS the table still replicates with the dropped region. */
    DROP_REGIONS_KEEPS_REPLICATING,
    /** M10 (KVSTORE-2111): with several agents per region, the initial copy leaves out rows whose key another agent's split would own. */
    AGENT_GROUP_INIT_SKIPS_ROWS,
    /** Catalogue M1 (KVSTORE-1542): streamed changes applied while local clients write are reported applied but not written. */
    STREAMED_OPS_LOST_UNDER_LOAD,
    /** Catalogue M3 (KVSTORE-1525): a checkpoint due while more remote changes are pending blocks the stream for good; the agent stays up. */
    CHECKPOINT_DEADLOCKS_STREAM,
    /** Catalogue M5 (KVSTORE-1265): a stream that reconnects resumes from the remote's current end, past what was logged while it was cut off. */
    STREAM_RESUMES_PAST_GAP,
    /** Catalogue M12 (KVSTORE-321): a restarted agent takes a table copy left IN_PROGRESS by the agent before it as complete. */
    INIT_NOT_REDONE_AFTER_CRASH,
    /** Catalogue M15 (KVSTORE-395): while an MR table is missing in the remote region, the stream from it applies nothing, for any table. */
    MISSING_REMOTE_TABLE_STALLS_STREAM,
    /** Catalogue M16 (KVSTORE-2346): a table the remote region lacks when the stream first looks is given up: never copied nor streamed once it exists. */
    MISSING_REMOTE_TABLE_NEVER_PICKED_UP,
    /** Catalogue M18 (KVSTORE-1492): once a stream sees an MR table dropped, tables created from then on are never streamed. */
    NEW_TABLES_NOT_STREAMED_AFTER_DROP,
    /** Catalogue M22 (KVSTORE-1408), a region mutant: DROP TABLE of an MR table waits for the local agent to answer, and none answers while it is down. */
    MR_DROP_TABLE_WAITS_FOR_AGENT,
    /** Catalogue M23 (KVSTORE-2406): with three or more regions, dropping any MR table drops the streams' checkpoints; a restarted stream resumes at the remote's end. */
    CHECKPOINT_LOST_WITH_DROPPED_TABLE,
    /** Catalogue M25 (KVSTORE-1302, KVSTORE-253): merging a remote row of a key-only table into an existing row fails, and the stream retries it for ever. */
    KEYONLY_MERGE_FAILS,
    /** Catalogue M27 (KVSTORE-463), a region mutant: a SQL UPDATE of an MR table writes a non-MR record, which never reaches the other regions. */
    SQL_UPDATE_NOT_MR_RECORD,
    /** Catalogue M8 (KVSTORE-2223), a region mutant: queries return the tombstones of an MR table as rows with only their key. */
    TOMBSTONES_VISIBLE_TO_QUERIES,
    /** Catalogue B6 (KVSTORE-406): a remote write that changes a row's TTL from an HOURS to a DAYS expiration keeps the old expiration. */
    TTL_UNIT_CHANGE_NOT_REPLICATED,
    /** Catalogue M30 (KVSTORE-2057): a stream whose remote region is unreachable when the agent starts gives up on it for good. */
    AGENT_GIVES_UP_ON_UNREACHABLE_REMOTE;

    /** Whether the defect lives in the region (store, SQL) rather than in the XRegion agent. */
    public boolean inRegion() {
        return this == JSON_UPDATES_NOT_REPLICATED || this == EXPIRATION_NOT_HONOURED_ON_RECEIVER
            || this == MR_DROP_TABLE_WAITS_FOR_AGENT || this == SQL_UPDATE_NOT_MR_RECORD || this == TOMBSTONES_VISIBLE_TO_QUERIES;
    }

    /** Mutants given to one thread and the threads it starts ({@link #runWith}); null: none given. */
    private static final InheritableThreadLocal<java.util.Set<Mutant>> GIVEN = new InheritableThreadLocal<>();

    /**
     * The mutants in force for code running on this thread: those given by {@link #runWith},
     * else {@code -Dmrtck.mutant}. The kit's tools ask here, so that several runs in one JVM
     * (the mutant meta-test) can each have their own.
     */
    public static java.util.Set<Mutant> active() {
        java.util.Set<Mutant> given = GIVEN.get();
        return given != null ? given : fromProperty();
    }

    /** Runs {@code work} with {@code mutants} in force on this thread and the threads it starts. */
    public static void runWith(java.util.Set<Mutant> mutants, Runnable work) {
        java.util.Set<Mutant> before = GIVEN.get();
        GIVEN.set(java.util.Set.copyOf(mutants));
        try {
            work.run();
        } finally {
            GIVEN.set(before);
        }
    }

    /**
     * The mutants named by {@code -Dmrtck.mutant=NAME[,NAME]} in a process started from a
     * KVHOME (store, agent); empty when unset.
     */
    public static java.util.Set<Mutant> fromProperty() {
        String names = System.getProperty("mrtck.mutant", "").trim();
        java.util.Set<Mutant> out = java.util.EnumSet.noneOf(Mutant.class);
        for (String n : names.split(",")) {
            if (!n.isBlank()) {
                out.add(valueOf(n.trim()));
            }
        }
        return out;
    }
}
