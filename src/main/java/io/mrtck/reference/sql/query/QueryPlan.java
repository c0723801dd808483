package io.mrtck.reference.sql.query;

import java.util.List;
import java.util.Map;

import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;

/** The compiled forms of the query/DML statements (what PreparedQuery.plan holds). */
sealed interface QueryPlan {

    /** The table, as declared (the target table of a join). */
    String table();

    /** Declared external variables and their types (DECLARE $i INTEGER). */
    Map<String, SeqType> declared();

    /** One output column. */
    record Projection(String name, Expr expr) { }

    /**
     * RETURNING / SELECT list: {@code star} for all columns, else the items; {@code columnOrder}
     * is the order of the columns in each result row.
     */
    record Output(boolean star, List<Projection> items, List<String> columnOrder) { }

    /** A sort key: an expression and how it sorts. */
    record OrderKey(Expr expr, boolean desc, boolean nullsFirst) { }

    /** SET TTL: an amount and unit, or USING TABLE DEFAULT. */
    record TtlSpec(Expr amount, TimeToLive.Unit unit, boolean tableDefault) { }

    /**
     * The tables of a FROM clause, in the order they are written (their index is the index of their
     * row in an {@link EvalContext}). The first is scanned; with NESTED TABLES its ancestors and
     * descendants, with LEFT OUTER JOIN the following tables, join it by primary key.
     *
     * @param tables      full table names
     * @param target      the NESTED TABLES target (0 otherwise)
     * @param ancestors   indexes of the ancestor tables
     * @param descendants indexes of the descendant tables, or of the LEFT OUTER JOINed tables
     * @param on          the ON condition of each table (null where there is none)
     */
    record From(List<String> tables, int target, List<Integer> ancestors, List<Integer> descendants,
                List<Expr> on) {

        boolean single() {
            return tables.size() == 1;
        }
    }

    /** A variable bound to each item of an expression (FROM expression or UNNEST). */
    record FromVariable(String name, Expr expr) { }

    /**
     * {@code keyPrefix}: expressions (not reading the row) giving the first primary-key columns of
     * the target table, fixed by top-level equality conjuncts of the WHERE; the scan reads only the
     * rows under that prefix, and the whole WHERE still filters them.
     */
    record Select(String table, Map<String, SeqType> declared, From from, List<FromVariable> variables,
                  Output output, Expr where, List<Expr> groupBy, List<OrderKey> orderBy, Expr limit, Expr offset,
                  boolean grouping, List<Expr> keyPrefix) implements QueryPlan {

        /** Results can stream in primary-key order and resume after a key. */
        boolean keyOrdered() {
            return from.single() && variables.isEmpty() && !grouping && orderBy.isEmpty();
        }
    }

    /** {@code values}: one per column of {@code columns}; null for DEFAULT. */
    record Insert(String table, Map<String, SeqType> declared, boolean upsert, List<String> columns,
                  List<Expr> values, TtlSpec ttl, Output returning) implements QueryPlan { }

    /** The kinds of update clauses. */
    enum UpdateKind { SET, ADD, PUT, REMOVE, MERGE_PATCH }

    /**
     * One update clause: its target (a path from a column), the value it sets, adds, puts or
     * patches with, and for ADD the position.
     */
    record UpdateOp(UpdateKind kind, Expr target, Expr position, Expr value, Loc at) { }

    /** {@code shardKey}: the expressions giving each shard-key column, in key order. */
    record Update(String table, Map<String, SeqType> declared, List<UpdateOp> ops, TtlSpec ttl,
                  Expr where, List<Expr> keyPrefix, Output returning) implements QueryPlan { }

    /** {@code keyPrefix} as for {@link Select}. */
    record Delete(String table, Map<String, SeqType> declared, Expr where, Output returning,
                  List<Expr> keyPrefix) implements QueryPlan { }
}
