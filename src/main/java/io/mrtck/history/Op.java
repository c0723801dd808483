package io.mrtck.history;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One entry of a {@link History}: a client operation on one region (a write, a read), a fault
 * of the nemesis, an agent-statistics sample or a quiescence marker. Plain data, one JSON line
 * each; times are milliseconds of the machine that ran the client (the regions' clocks are
 * the ones in {@code modificationTime}/{@code expirationTime}).
 *
 * @param index            position in the history, in invocation order
 * @param process          the client (or "nemesis", "checker") that did it
 * @param region           the region it ran in (for a fault: the region it hit, or "FR-CO" for a link)
 * @param kind             what it was
 * @param table            the table, for row operations
 * @param key              the primary key as canonical JSON ({@code io.mrtck.client.CanonicalJson})
 * @param value            a write: the row written (null for deletes; null for counter and TTL updates
 *                         unless read back: then, as for any write read back, the row it left);
 *                         a read: the row read (null: no row)
 * @param counter          INCREMENT: the counter's column or JSON path
 * @param delta            INCREMENT: the amount added (negative: a decrement)
 * @param ttl              the TTL the write set ("2 HOURS", "0 DAYS" = none), null when it set none
 * @param batch            the write-multiple request this write was part of (all or nothing), null if none
 * @param invokeMs         when the client sent it
 * @param completeMs       when the client had its answer (faults: when healed)
 * @param outcome          OK (acknowledged), FAIL (certainly not done), INFO (indeterminate)
 * @param applied          OK conditional writes: whether the condition held and the write was made
 * @param error            FAIL/INFO: the error's message
 * @param modificationTime the row's modification time as the region showed it (write: read back
 *                         before anything else could change it; read: the row's), null if unknown
 * @param expirationTime   the same for the expiration time (0 = never)
 * @param note             a SQL statement, a fault's description, statistics JSON
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Op(long index, String process, String region, Kind kind, String table, String key, String value,
                 String counter, BigDecimal delta, String ttl, Long batch, long invokeMs, long completeMs,
                 Outcome outcome, Boolean applied, String error, Long modificationTime, Long expirationTime,
                 String note) {

    public enum Kind {
        /** Unconditional put (SDK put, SQL UPSERT). */
        PUT,
        /** Put if absent (SDK IfAbsent, SQL INSERT). */
        PUT_IF_ABSENT,
        PUT_IF_PRESENT,
        PUT_IF_VERSION,
        /** An UPDATE that wrote {@code value} as the whole new row (SET, ADD, PUT, REMOVE, JSON paths). */
        UPDATE,
        /** An MR_COUNTER (or JSON counter) incremented by {@code delta}. */
        INCREMENT,
        /** An UPDATE that only set the TTL ({@code ttl}). */
        SET_TTL,
        DELETE,
        DELETE_IF_VERSION,
        /** A get: {@code value} is what the region returned. */
        READ,
        /** A table the run uses: {@code counter} lists its MR counters' paths (comma-separated), {@code note} its DDL. */
        TABLE,
        /** Writes stopped and every region caught up; the READs that follow show the converged state. */
        QUIESCE,
        /** A fault from {@code invokeMs} to {@code completeMs}; {@code note} says which. */
        FAULT,
        /** An agent's statistics as the region reported them ({@code note}: the JSON). */
        STATS;

        public boolean isWrite() {
            return ordinal() <= DELETE_IF_VERSION.ordinal();
        }

        public boolean isDelete() {
            return this == DELETE || this == DELETE_IF_VERSION;
        }
    }

    public enum Outcome {
        OK, FAIL, INFO
    }

    /** Whether the operation certainly took effect: acknowledged and (if conditional) applied. */
    public boolean tookEffect() {
        return outcome == Outcome.OK && (applied == null || applied);
    }

    /** Whether it may have taken effect: took effect, or indeterminate. */
    public boolean mayHaveTakenEffect() {
        return tookEffect() || outcome == Outcome.INFO;
    }

    /** This write with the row it left as its region showed it (read back before anything else could change it). */
    public Op withResult(String value, Long modificationTime, Long expirationTime) {
        return new Op(index, process, region, kind, table, key, value, counter, delta, ttl, batch, invokeMs,
            completeMs, outcome, applied, error, modificationTime, expirationTime, note);
    }
}
