package io.mrtck.reference.sql;

import java.util.List;
import java.util.Map;

import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TimeToLive;

/** The compiled forms of the query/DML statements (what PreparedQuery.plan holds). */
sealed interface QueryPlan {

    /** The table, as declared. */
    String table();

    /** Declared bind variables and their types (DECLARE $i INTEGER). */
    Map<String, FieldType> declared();

    /** One output column. */
    record Projection(String name, Expr expr) { }

    /** RETURNING / SELECT list: {@code star} for all columns, else the items. */
    record Output(boolean star, List<Projection> items) { }

    record OrderKey(Expr expr, boolean desc, boolean nullsFirst) { }

    /** SET TTL: an amount and unit, or USING TABLE DEFAULT. */
    record TtlSpec(Expr amount, TimeToLive.Unit unit, boolean tableDefault) { }

    /**
     * {@code keyPrefix}: expressions (not reading the row) giving the first primary-key
     * columns, fixed by top-level equality conjuncts of the WHERE; the scan reads only the
     * rows under that prefix, and the whole WHERE still filters them.
     */
    record Select(String table, Map<String, FieldType> declared, Output output, Expr where,
                  List<Expr> groupBy, List<OrderKey> orderBy, Expr limit, Expr offset,
                  boolean aggregating, List<Expr> keyPrefix) implements QueryPlan {

        /** Results can stream in primary-key order and resume after a key. */
        boolean keyOrdered() {
            return !aggregating && groupBy.isEmpty() && orderBy.isEmpty();
        }
    }

    record Insert(String table, Map<String, FieldType> declared, boolean upsert,
                  List<String> columns, List<Expr> values, TtlSpec ttl, Output returning)
        implements QueryPlan { }

    sealed interface UpdateOp permits SetOp, AddOp, PutOp, RemoveOp { }

    record SetOp(Expr target, Expr value) implements UpdateOp { }

    record AddOp(Expr target, Expr position, Expr value) implements UpdateOp { }

    record PutOp(Expr target, Expr value) implements UpdateOp { }

    record RemoveOp(Expr target) implements UpdateOp { }

    /** {@code key}: the expressions giving each primary-key column, in key order. */
    record Update(String table, Map<String, FieldType> declared, List<UpdateOp> ops, TtlSpec ttl,
                  Expr where, List<Expr> key, Output returning) implements QueryPlan { }

    /** {@code keyPrefix} as for {@link Select}. */
    record Delete(String table, Map<String, FieldType> declared, Expr where, Output returning,
                  List<Expr> keyPrefix) implements QueryPlan { }
}
