package io.mrtck.reference;

/**
 * Named defects the reference can be started with, one at a time, to prove that the
 * conformance suites can fail: each must make at least one suite test fail.
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
    EXPIRATION_NOT_HONOURED_ON_RECEIVER;

    /** Whether the defect lives in the region (store, SQL) rather than in the XRegion agent. */
    public boolean inRegion() {
        return this == JSON_UPDATES_NOT_REPLICATED || this == EXPIRATION_NOT_HONOURED_ON_RECEIVER;
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
