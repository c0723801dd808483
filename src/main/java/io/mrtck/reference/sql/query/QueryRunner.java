package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.ValueCoercion;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.expr.Comparison;
import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Evaluator;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.ValueOrder;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.reference.store.StoreTxn;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;

/**
 * Runs prepared statements. SELECTs over one table without ORDER BY, grouping or FROM variables
 * stream in primary-key order and resume after the last key; the others are computed whole and
 * paged by position. DML runs once, on the first call, in one write transaction (see
 * {@link DmlRunner}).
 */
public final class QueryRunner {
    private final RegionStore store;
    private final Rows rows;

    public QueryRunner(RegionStore store, Rows rows) {
        this.store = store;
        this.rows = rows;
    }

    /** Progress of a key-ordered scan within one batch. */
    private static final class Cursor {
        long emitted;
        long skipped;
        List<FieldValue> lastKey;
        boolean more;

        Cursor(Continuation from) {
            emitted = from.emitted();
            skipped = from.skipped();
            lastKey = from.lastKey();
        }
    }

    public QueryBatch execute(PreparedQuery query, Map<String, FieldValue> bindings, byte[] continuation,
                       int limit) {
        if (!(query.plan() instanceof QueryPlan plan)) {
            throw RequestException.illegalArgument("Not a statement prepared by this engine");
        }
        Map<String, FieldValue> binds = bind(plan.declared(), bindings);
        int hash = query.statement().hashCode();
        if (plan instanceof QueryPlan.Select s) {
            return store.read(txn -> s.keyOrdered()
                ? streamed(txn, s, binds, hash, continuation, limit)
                : materialized(txn, s, binds, hash, continuation, limit));
        }
        if (continuation != null) {
            // DML ran on the first call; a continuation never runs it again.
            return new QueryBatch(List.of(), null);
        }
        DmlRunner dml = new DmlRunner(rows);
        List<MapValue> out = store.write(txn -> dml.run(txn, plan, binds));
        return new QueryBatch(out, null);
    }

    /** The bound external variables, converted to their declared types; all declared ones must be bound. */
    private static Map<String, FieldValue> bind(Map<String, SeqType> declared, Map<String, FieldValue> given) {
        Map<String, FieldValue> out = new HashMap<>();
        if (given != null) {
            out.putAll(given);
        }
        if (!declared.isEmpty() && declared.keySet().stream().noneMatch(out::containsKey)) {
            throw RequestException.illegalArgument("The query contains external variables, none of which has been"
                + " bound.");
        }
        for (Map.Entry<String, SeqType> d : declared.entrySet()) {
            FieldValue v = out.get(d.getKey());
            if (v == null) {
                throw RequestException.illegalArgument("Variable " + d.getKey() + " has not been bound");
            }
            FieldType type = d.getValue().item().toFieldType();
            if (type != null) {
                out.put(d.getKey(), boundValue(d.getKey(), type, v));
            }
        }
        return out;
    }

    /** The proxy converts a bound value to its declared type before the query runs, and says so when it cannot. */
    private static FieldValue boundValue(String variable, FieldType type, FieldValue v) {
        try {
            return ValueCoercion.coerce(type, v);
        } catch (RequestException e) {
            throw RequestException.byProxy(e.code(), "Failed to create Field Value for variable '"
                + variable + "': " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------ SELECT

    /**
     * The values of the plan's key-prefix expressions as key values, for a prefix scan. Stops at
     * the first one that is not a value of its key column's type (e.g. {@code id = 'x'} on an
     * INTEGER key, or an unbound variable): a shorter prefix reads more rows, and the WHERE, which
     * still filters every row, decides as before.
     */
    static List<FieldValue> keyPrefix(TableSchema t, List<Expr> exprs, EvalContext base) {
        List<FieldValue> prefix = new ArrayList<>(exprs.size());
        for (int i = 0; i < exprs.size(); i++) {
            FieldDef column = t.field(t.primaryKey().get(i)).orElseThrow();
            try {
                List<FieldValue> v = Evaluator.eval(exprs.get(i), base);
                if (v.size() != 1 || v.get(0).isNull() || v.get(0).isJsonNull()) {
                    break;
                }
                FieldValue key = ValueCoercion.coerce(column.type(), v.get(0));
                if (!Comparison.apply("=", key, null, v.get(0), null).equals(
                    oracle.nosql.driver.values.BooleanValue.trueInstance())) {
                    break;
                }
                prefix.add(key);
            } catch (RuntimeException notAKeyValue) {
                break;
            }
        }
        return prefix;
    }

    private QueryBatch streamed(StoreTxn txn, QueryPlan.Select s, Map<String, FieldValue> binds,
                                int hash, byte[] continuation, int limit) {
        TableSchema t = rows.table(txn, s.table());
        long now = rows.now();
        EvalContext base = EvalContext.of(binds, now);
        Continuation from = continuation == null ? new Continuation(hash, 0, 0, 0, null)
            : Continuation.decode(continuation, hash, t);
        long offset = count(s.offset(), base, "Offset");
        long queryLimit = s.limit() == null ? -1 : count(s.limit(), base, "Limit");
        List<MapValue> out = new ArrayList<>();
        Cursor cursor = new Cursor(from);
        txn.scan(t, keyPrefix(t, s.keyPrefix(), base), from.lastKey(), (key, row) -> {
            if (queryLimit >= 0 && cursor.emitted >= queryLimit) {
                return false;
            }
            if (!rows.visibleToQueries(row, now)) {
                return true;
            }
            EvalContext ctx = base.withRow(RowImage.complete(t, row.value()), row);
            if (!Evaluator.holds(s.where(), ctx)) {
                return true;
            }
            if (cursor.skipped < offset) {
                cursor.skipped++;
                cursor.lastKey = new ArrayList<>(key);
                return true;
            }
            if (limit > 0 && out.size() >= limit) {
                // One more result exists: stop before it and hand out a continuation.
                cursor.more = true;
                return false;
            }
            out.add(project(s.output(), ctx));
            cursor.emitted++;
            cursor.lastKey = new ArrayList<>(key);
            return true;
        });
        byte[] next = cursor.more
            ? new Continuation(hash, cursor.emitted, cursor.skipped, 0, cursor.lastKey).encode() : null;
        return new QueryBatch(out, next);
    }

    private QueryBatch materialized(StoreTxn txn, QueryPlan.Select s, Map<String, FieldValue> binds,
                                    int hash, byte[] continuation, int limit) {
        TableSchema t = rows.table(txn, s.table());
        long now = rows.now();
        EvalContext base = EvalContext.of(binds, now);
        long position = continuation == null ? 0 : Continuation.decode(continuation, hash, t).position();
        List<EvalContext> results = new ArrayList<>();
        for (EvalContext tuple : new Joins(txn, rows, now).tuples(s.from(), s.keyPrefix(), base)) {
            for (EvalContext bound : withVariables(tuple, s.variables(), 0)) {
                if (Evaluator.holds(s.where(), bound)) {
                    results.add(bound);
                }
            }
        }
        if (s.grouping()) {
            results = Grouping.groups(s.groupBy(), results, base);
        }
        if (!s.orderBy().isEmpty()) {
            results = new ArrayList<>(results);
            results.sort(order(s.orderBy()));
        }
        long offset = count(s.offset(), base, "Offset");
        long queryLimit = s.limit() == null ? Long.MAX_VALUE : count(s.limit(), base, "Limit");
        int from = (int) Math.min(results.size(), offset);
        int to = (int) Math.min(results.size(), from + Math.min(queryLimit, Integer.MAX_VALUE));
        results = results.subList(from, to);

        int start = (int) Math.min(position, results.size());
        int end = limit > 0 ? Math.min(results.size(), start + limit) : results.size();
        List<MapValue> out = new ArrayList<>();
        for (EvalContext ctx : results.subList(start, end)) {
            out.add(project(s.output(), ctx));
        }
        byte[] next = end < results.size() ? new Continuation(hash, 0, 0, end, null).encode() : null;
        return new QueryBatch(out, next);
    }

    /** The tuple once per combination of the FROM variables' items (none when a variable has no item). */
    private static List<EvalContext> withVariables(EvalContext tuple, List<QueryPlan.FromVariable> vars, int i) {
        if (i == vars.size()) {
            return List.of(tuple);
        }
        List<EvalContext> out = new ArrayList<>();
        for (FieldValue item : Evaluator.eval(vars.get(i).expr(), tuple)) {
            out.addAll(withVariables(tuple.withVar(vars.get(i).name(), item), vars, i + 1));
        }
        return out;
    }

    private static Comparator<EvalContext> order(List<QueryPlan.OrderKey> keys) {
        return (a, b) -> {
            for (QueryPlan.OrderKey k : keys) {
                int c = ValueOrder.sort(sortValue(k.expr(), a), sortValue(k.expr(), b), k.desc(), k.nullsFirst());
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** The value a row sorts by: its one atomic item, null (empty) for none; anything else is refused. */
    private static FieldValue sortValue(Expr e, EvalContext ctx) {
        List<FieldValue> v = Evaluator.eval(e, ctx);
        if (v.isEmpty()) {
            return null;
        }
        if (v.size() > 1 || v.get(0).isMap() || v.get(0).isArray()) {
            throw StatementError.at(e.at(), "Sort expression does not return a single atomic value");
        }
        return v.get(0);
    }

    /** A result row: the row itself for SELECT *, else each item's value (NULL for none, an array for several). */
    static MapValue project(QueryPlan.Output output, EvalContext ctx) {
        if (output.star()) {
            return ctx.row();
        }
        Map<String, FieldValue> values = new HashMap<>();
        for (QueryPlan.Projection p : output.items()) {
            values.put(p.name(), projected(Evaluator.eval(p.expr(), ctx)));
        }
        MapValue m = new MapValue(true, output.items().size());
        for (String name : output.columnOrder()) {
            m.put(name, values.get(name));
        }
        return m;
    }

    static FieldValue projected(List<FieldValue> v) {
        if (v.isEmpty()) {
            return NullValue.getInstance();
        }
        return v.size() == 1 ? v.get(0) : Evaluator.arrayOf(v, null);
    }

    /** The value of LIMIT or OFFSET, checked as the real SDK's driver checks it. */
    static long count(Expr e, EvalContext ctx, String what) {
        if (e == null) {
            return 0;
        }
        List<FieldValue> v = Evaluator.eval(e, ctx);
        if (v.size() != 1 || !(v.get(0).isInteger() || v.get(0).isLong())) {
            throw StatementError.at(e.at(), what + " expression does not return a single integer");
        }
        if (v.get(0).getLong() < 0) {
            throw StatementError.at(e.at(), what + " can not be a negative number");
        }
        return v.get(0).getLong();
    }

    /** A stored row as an expression sees it. */
    static EvalContext rowContext(EvalContext base, TableSchema t, StoredRow row) {
        return base.withRow(RowImage.complete(t, row.value()), row);
    }
}
