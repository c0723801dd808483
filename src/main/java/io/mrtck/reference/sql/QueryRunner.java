package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.data.DeleteOp;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.data.PutOption;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.data.WriteOutcome;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.schema.ValueCoercion;
import io.mrtck.reference.store.RegionStore;
import io.mrtck.reference.store.StoreTxn;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;

/**
 * Runs prepared statements. SELECTs without ORDER BY/GROUP BY/aggregates stream in
 * primary-key order and resume after the last key; the others are computed whole and
 * paged by position. DML runs once, on the first call, in one write transaction.
 */
final class QueryRunner {
    private final RegionStore store;
    private final Rows rows;

    QueryRunner(RegionStore store, Rows rows) {
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

    /** A matching row: its key and what is stored. */
    private record Match(List<FieldValue> key, StoredRow row, MapValue image) { }

    QueryBatch execute(PreparedQuery query, Map<String, FieldValue> bindings, byte[] continuation,
                       int limit) {
        QueryPlan plan = (QueryPlan) query.plan();
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
        List<MapValue> out = store.write(txn -> {
            if (plan instanceof QueryPlan.Insert i) return insert(txn, i, binds);
            if (plan instanceof QueryPlan.Update u) return update(txn, u, binds);
            return delete(txn, (QueryPlan.Delete) plan, binds);
        });
        return new QueryBatch(out, null);
    }

    private static Map<String, FieldValue> bind(Map<String, FieldType> declared,
                                                Map<String, FieldValue> given) {
        Map<String, FieldValue> out = new HashMap<>();
        if (given != null) {
            out.putAll(given);
        }
        for (Map.Entry<String, FieldType> d : declared.entrySet()) {
            FieldValue v = out.get(d.getKey());
            if (v != null) {
                out.put(d.getKey(), boundValue(d.getKey(), d.getValue(), v));
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
     * The values of the plan's key-prefix expressions as key values, for a prefix scan.
     * Stops at the first one that is not a value of its key column's type (e.g. {@code id =
     * 'x'} on an INTEGER key, or an unbound variable): a shorter prefix reads more rows, and
     * the WHERE, which still filters every row, decides as before.
     */
    private static List<FieldValue> keyPrefix(TableSchema t, List<Expr> exprs, EvalContext base) {
        List<FieldValue> prefix = new ArrayList<>(exprs.size());
        for (int i = 0; i < exprs.size(); i++) {
            FieldDef column = t.field(t.primaryKey().get(i)).orElseThrow();
            try {
                FieldValue v = Evaluator.eval(exprs.get(i), base);
                if (v == null || v.isNull() || v.isJsonNull() || v.isEMPTY()) {
                    break;
                }
                FieldValue key = ValueCoercion.coerce(column.type(), v);
                Integer same = ValueOrder.compare(key, v);
                if (same == null || same != 0) {
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
        EvalContext base = new EvalContext(null, null, binds, now, null);
        Continuation from = continuation == null ? new Continuation(hash, 0, 0, 0, null)
            : Continuation.decode(continuation, hash, t);
        long offset = count(s.offset(), base, "OFFSET");
        long queryLimit = s.limit() == null ? -1 : count(s.limit(), base, "LIMIT");
        List<MapValue> out = new ArrayList<>();
        Cursor cursor = new Cursor(from);
        txn.scan(t, keyPrefix(t, s.keyPrefix(), base), from.lastKey(), (key, row) -> {
            if (queryLimit >= 0 && cursor.emitted >= queryLimit) {
                return false;
            }
            if (!rows.visible(row, now)) {
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
        EvalContext base = new EvalContext(null, null, binds, now, null);
        long position = continuation == null ? 0 : Continuation.decode(continuation, hash, t).position();
        List<EvalContext> matching = new ArrayList<>();
        for (Match m : scan(txn, t, s.where(), keyPrefix(t, s.keyPrefix(), base), base, now)) {
            matching.add(base.withRow(m.image(), m.row()));
        }
        List<EvalContext> results = s.aggregating() ? groups(s, matching, base) : matching;
        if (!s.orderBy().isEmpty()) {
            results = new ArrayList<>(results);
            results.sort(order(s.orderBy()));
        }
        long offset = count(s.offset(), base, "OFFSET");
        long queryLimit = s.limit() == null ? Long.MAX_VALUE : count(s.limit(), base, "LIMIT");
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

    /** One context per group; aggregates in it range over the group's rows. */
    private static List<EvalContext> groups(QueryPlan.Select s, List<EvalContext> matching,
                                            EvalContext base) {
        if (s.groupBy().isEmpty()) {
            EvalContext first = matching.isEmpty() ? base : matching.get(0);
            return List.of(new EvalContext(first.row(), first.meta(), base.bindings(), base.now(), matching));
        }
        List<List<FieldValue>> keys = new ArrayList<>();
        List<List<EvalContext>> members = new ArrayList<>();
        for (EvalContext ctx : matching) {
            List<FieldValue> key = new ArrayList<>();
            for (Expr g : s.groupBy()) {
                FieldValue v = Evaluator.eval(g, ctx);
                key.add(v == null ? NullValue.getInstance() : v);
            }
            int at = -1;
            for (int i = 0; i < keys.size() && at < 0; i++) {
                boolean same = true;
                for (int j = 0; j < key.size() && same; j++) {
                    same = ValueOrder.same(keys.get(i).get(j), key.get(j));
                }
                if (same) {
                    at = i;
                }
            }
            if (at < 0) {
                keys.add(key);
                members.add(new ArrayList<>());
                at = keys.size() - 1;
            }
            members.get(at).add(ctx);
        }
        List<EvalContext> out = new ArrayList<>();
        for (List<EvalContext> group : members) {
            EvalContext first = group.get(0);
            out.add(new EvalContext(first.row(), first.meta(), base.bindings(), base.now(), group));
        }
        return out;
    }

    private static Comparator<EvalContext> order(List<QueryPlan.OrderKey> keys) {
        return (a, b) -> {
            for (QueryPlan.OrderKey k : keys) {
                FieldValue x = Evaluator.eval(k.expr(), a);
                FieldValue y = Evaluator.eval(k.expr(), b);
                boolean xNull = x == null || x.isNull();
                boolean yNull = y == null || y.isNull();
                int c;
                if (xNull || yNull) {
                    c = xNull == yNull ? 0 : (xNull == k.nullsFirst() ? -1 : 1);
                } else {
                    c = ValueOrder.TOTAL.compare(x, y);
                    if (k.desc()) {
                        c = -c;
                    }
                }
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static MapValue project(QueryPlan.Output output, EvalContext ctx) {
        if (output.star()) {
            return ctx.row();
        }
        MapValue m = new MapValue(true, output.items().size());
        for (QueryPlan.Projection p : output.items()) {
            FieldValue v = Evaluator.eval(p.expr(), ctx);
            m.put(p.name(), v == null ? NullValue.getInstance() : v);
        }
        return m;
    }

    private static long count(Expr e, EvalContext ctx, String what) {
        if (e == null) {
            return 0;
        }
        FieldValue v = Evaluator.eval(e, ctx);
        if (v == null || !(v.isInteger() || v.isLong()) || v.getLong() < 0) {
            throw RequestException.illegalArgument(what + " must be a non-negative integer");
        }
        return v.getLong();
    }

    /** Live rows that satisfy {@code where}, collected before any of them is changed. */
    private List<Match> scan(StoreTxn txn, TableSchema t, Expr where, List<FieldValue> keyPrefix,
                                    EvalContext base, long now) {
        List<Match> out = new ArrayList<>();
        txn.scan(t, keyPrefix, null, (key, row) -> {
            if (rows.visible(row, now)) {
                MapValue image = RowImage.complete(t, row.value());
                if (Evaluator.holds(where, base.withRow(image, row))) {
                    out.add(new Match(new ArrayList<>(key), row, image));
                }
            }
            return true;
        });
        return out;
    }

    // ------------------------------------------------------------------ DML

    private List<MapValue> insert(StoreTxn txn, QueryPlan.Insert plan, Map<String, FieldValue> binds) {
        TableSchema t = rows.table(txn, plan.table());
        long now = rows.now();
        EvalContext ctx = new EvalContext(null, null, binds, now, null);
        MapValue row = new MapValue(true, plan.columns().size());
        for (int i = 0; i < plan.columns().size(); i++) {
            Expr e = plan.values().get(i);
            String given = plan.columns().get(i);
            FieldDef col = t.field(given).orElseThrow(() -> RequestException.illegalArgument(
                "Unknown column: " + given + " in table " + t.name()));
            if (e != null) {
                // DEFAULT columns are left out: the put gives them their default.
                row.put(col.name(), RowImage.forColumn(col, Evaluator.eval(e, ctx)));
            }
        }
        TimeToLive ttl = null;
        boolean updateTtl = false;
        if (plan.ttl() != null) {
            updateTtl = true;
            ttl = plan.ttl().tableDefault()
                ? (t.ttl() != null ? t.ttl() : new TimeToLive(0, TimeToLive.Unit.DAYS))
                : new TimeToLive(count(plan.ttl().amount(), ctx, "TTL"), plan.ttl().unit());
        }
        WriteOutcome outcome = rows.put(txn, new PutOp(t.name(), row,
            plan.upsert() ? PutOption.ALWAYS : PutOption.IF_ABSENT, null, ttl, updateTtl, false, false));
        if (plan.returning() == null) {
            MapValue result = new MapValue(true, 1);
            result.put("NumRowsInserted", new IntegerValue(outcome.success() ? 1 : 0));
            return List.of(result);
        }
        if (!outcome.success()) {
            return List.of();
        }
        StoredRow stored = txn.row(t, RowImage.key(t, RowImage.complete(t, row))).orElse(null);
        if (stored == null) {
            return List.of();
        }
        return List.of(project(plan.returning(), ctx.withRow(RowImage.complete(t, stored.value()), stored)));
    }

    private List<MapValue> update(StoreTxn txn, QueryPlan.Update plan, Map<String, FieldValue> binds) {
        TableSchema t = rows.table(txn, plan.table());
        long now = rows.now();
        EvalContext base = new EvalContext(null, null, binds, now, null);
        List<MapValue> returned = new ArrayList<>();
        int updated = 0;
        for (Match m : keyed(txn, t, plan, base, now)) {
            MapValue newRow = (MapValue) RowImage.copy(m.image());
            EvalContext ctx = base.withRow(newRow, m.row());
            for (QueryPlan.UpdateOp op : plan.ops()) {
                apply(t, op, ctx);
            }
            long expiration = m.row().expirationTime();
            if (plan.ttl() != null) {
                TimeToLive ttl = plan.ttl().tableDefault() ? t.ttl()
                    : new TimeToLive(count(plan.ttl().amount(), ctx, "TTL"), plan.ttl().unit());
                expiration = ttl == null ? 0 : ttl.expirationFrom(now);
            }
            rows.replace(txn, t, newRow, expiration);
            updated++;
            if (plan.returning() != null) {
                StoredRow stored = txn.row(t, m.key()).orElse(null);
                if (stored != null) {
                    returned.add(project(plan.returning(),
                        base.withRow(RowImage.complete(t, stored.value()), stored)));
                }
            }
        }
        if (plan.returning() != null) {
            return returned;
        }
        MapValue result = new MapValue(true, 1);
        result.put("NumRowsUpdated", new IntegerValue(updated));
        return List.of(result);
    }

    /** The one row an UPDATE names by its primary key, if it is live and meets the rest of the WHERE. */
    private static List<Match> keyed(StoreTxn txn, TableSchema t, QueryPlan.Update plan, EvalContext base,
                                     long now) {
        List<FieldValue> key = new ArrayList<>();
        for (int i = 0; i < t.primaryKey().size(); i++) {
            FieldDef col = t.field(t.primaryKey().get(i)).orElseThrow();
            FieldValue v = Evaluator.eval(plan.key().get(i), base);
            if (v == null || v.isAnyNull()) {
                return List.of();
            }
            key.add(ValueCoercion.coerce(col.type(), v));
        }
        StoredRow row = txn.row(t, key).orElse(null);
        if (row == null || !row.isLiveAt(now)) {
            return List.of();
        }
        MapValue image = RowImage.complete(t, row.value());
        return Evaluator.holds(plan.where(), base.withRow(image, row))
            ? List.of(new Match(key, row, image)) : List.of();
    }

    private static void apply(TableSchema t, QueryPlan.UpdateOp op, EvalContext ctx) {
        MapValue row = ctx.row();
        if (op instanceof QueryPlan.SetOp s) {
            FieldValue v = Evaluator.eval(s.value(), ctx);
            if (v == null) {
                return;
            }
            if (s.target() instanceof Expr.Column c) {
                FieldDef col = t.field(c.name()).orElseThrow();
                FieldValue coerced = ValueCoercion.coerce(col.type(), RowImage.forColumn(col, v));
                if (coerced.isNull() && !col.nullable()) {
                    throw RequestException.illegalArgument("Column " + col.name() + " cannot be NULL");
                }
                row.put(col.name(), coerced);
            } else if (s.target() instanceof Expr.Field f) {
                FieldValue container = Evaluator.eval(f.base(), ctx);
                if (container != null && container.isMap()) {
                    container.asMap().put(f.name(), nested(t, s.target(), v));
                }
            } else if (s.target() instanceof Expr.Index i) {
                FieldValue container = Evaluator.eval(i.base(), ctx);
                FieldValue index = Evaluator.eval(i.index(), ctx);
                if (container != null && container.isArray() && index != null && index.isNumeric()) {
                    int at = index.getInt();
                    if (at >= 0 && at < container.asArray().size()) {
                        container.asArray().set(at, nested(t, s.target(), v));
                    }
                }
            }
        } else if (op instanceof QueryPlan.AddOp a) {
            FieldValue container = Evaluator.eval(a.target(), ctx);
            FieldValue v = Evaluator.eval(a.value(), ctx);
            if (container == null || v == null) {
                return;
            }
            if (!container.isArray()) {
                throw RequestException.illegalArgument("The target of ADD is not an array");
            }
            FieldValue element = nested(t, a.target(), v);
            FieldValue pos = a.position() == null ? null : Evaluator.eval(a.position(), ctx);
            if (pos == null || !pos.isNumeric()) {
                container.asArray().add(element);
            } else {
                int at = Math.max(0, Math.min(container.asArray().size(), pos.getInt()));
                container.asArray().add(at, element);
            }
        } else if (op instanceof QueryPlan.PutOp p) {
            FieldValue container = Evaluator.eval(p.target(), ctx);
            FieldValue v = Evaluator.eval(p.value(), ctx);
            if (container == null || v == null) {
                return;
            }
            if (!container.isMap() || !v.isMap()) {
                throw RequestException.illegalArgument("PUT needs a map/JSON object target and value");
            }
            for (Map.Entry<String, FieldValue> e : v.asMap().entrySet()) {
                container.asMap().put(e.getKey(), nested(t, p.target(), e.getValue()));
            }
        } else {
            Expr target = ((QueryPlan.RemoveOp) op).target();
            if (target instanceof Expr.Field f) {
                FieldValue container = Evaluator.eval(f.base(), ctx);
                if (container != null && container.isMap()) {
                    container.asMap().remove(f.name());
                }
            } else if (target instanceof Expr.Index i) {
                FieldValue container = Evaluator.eval(i.base(), ctx);
                FieldValue index = Evaluator.eval(i.index(), ctx);
                if (container != null && container.isArray() && index != null && index.isNumeric()
                    && index.getInt() >= 0 && index.getInt() < container.asArray().size()) {
                    container.asArray().remove(index.getInt());
                }
            }
        }
    }

    /** A value stored inside a column: inside JSON a SQL NULL becomes JSON null. */
    private static FieldValue nested(TableSchema t, Expr target, FieldValue v) {
        Expr root = target;
        while (root instanceof Expr.Field || root instanceof Expr.Index) {
            root = root instanceof Expr.Field f ? f.base() : ((Expr.Index) root).base();
        }
        FieldDef col = t.field(((Expr.Column) root).name()).orElseThrow();
        if (col.type().code() == TypeCode.JSON && v.isNull()) {
            return JsonNullValue.getInstance();
        }
        return v;
    }

    private List<MapValue> delete(StoreTxn txn, QueryPlan.Delete plan, Map<String, FieldValue> binds) {
        TableSchema t = rows.table(txn, plan.table());
        long now = rows.now();
        EvalContext base = new EvalContext(null, null, binds, now, null);
        List<MapValue> returned = new ArrayList<>();
        long deleted = 0;
        for (Match m : scan(txn, t, plan.where(), keyPrefix(t, plan.keyPrefix(), base), base, now)) {
            if (plan.returning() != null) {
                returned.add(project(plan.returning(), base.withRow(m.image(), m.row())));
            }
            WriteOutcome o = rows.delete(txn, new DeleteOp(t.name(), RowImage.keyMap(t, m.image()), null, false));
            if (o.success()) {
                deleted++;
            }
        }
        if (plan.returning() != null) {
            return returned;
        }
        MapValue result = new MapValue(true, 1);
        result.put("numRowsDeleted", new LongValue(deleted));
        return List.of(result);
    }
}
