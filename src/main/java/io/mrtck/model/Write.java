package io.mrtck.model;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A write a client can make, as the documentation describes its effect — not how it is sent
 * (the workload's client sends each through the SDK or as SQL).
 */
public sealed interface Write {

    String table();

    enum Condition { ALWAYS, IF_ABSENT, IF_PRESENT, IF_VERSION }

    /**
     * A put of a whole row (counter columns are ignored: a new row's counters start at 0, an
     * existing row keeps its own).
     *
     * @param expected        IF_VERSION: the version the client read (the put applies only if it is still current)
     * @param ttl             the TTL given with the put, null for none (then: a new row gets the
     *                        table default, an existing row keeps its expiration)
     * @param tableDefaultTtl apply the table default TTL to an existing row too
     */
    record Put(String table, ObjectNode row, Condition condition, Version expected, Ttl ttl,
               boolean tableDefaultTtl) implements Write {
    }

    /** @param expected IF_VERSION: the version the client read (the write applies only if it is still current) */
    record Delete(String table, ObjectNode key, Condition condition, Version expected) implements Write {
    }

    /** {@code UPDATE … SET …, … WHERE <key>}: the clauses apply in order to the existing row. */
    record Update(String table, ObjectNode key, List<Clause> clauses) implements Write {
    }

    /** Several puts and deletes of one shard key, all or none (an IF_ABSENT put that fails aborts them all). */
    record Batch(String table, List<Write> writes) implements Write {
    }

    /** Deletes every row of one shard key. */
    record MultiDelete(String table, ObjectNode shardKey) implements Write {
    }

    sealed interface Clause {
    }

    /** {@code SET path = value}: replaces an existing column or JSON field; a missing JSON field stays missing. */
    record Set(String path, JsonNode value) implements Clause {
    }

    /** {@code PUT path {…}}: adds or replaces the object's fields. */
    record PutFields(String path, ObjectNode fields) implements Clause {
    }

    /** {@code REMOVE path}: removes a JSON field. */
    record Remove(String path) implements Clause {
    }

    /** {@code ADD path value}: appends to a JSON array. */
    record Append(String path, JsonNode value) implements Clause {
    }

    /** {@code SET c = c + delta} on an MR counter (negative: a decrement). */
    record Increment(String path, long delta) implements Clause {
    }

    /** {@code SET TTL n HOURS|DAYS} (from the update's time), or {@code SET TTL USING TABLE DEFAULT} when null. */
    record SetTtl(Ttl ttl) implements Clause {
    }
}
