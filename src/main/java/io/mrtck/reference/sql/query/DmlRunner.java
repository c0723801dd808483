package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.data.DeleteOp;
import io.mrtck.reference.data.PutOp;
import io.mrtck.reference.data.PutOption;
import io.mrtck.reference.data.Rows;
import io.mrtck.reference.data.WriteOutcome;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.expr.Casting;
import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Evaluator;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SqlType;
import io.mrtck.reference.store.StoreTxn;
import io.mrtck.reference.store.StoredRow;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;

/**
 * INSERT/UPSERT, UPDATE and DELETE, inside the one write transaction {@link QueryRunner} opens for
 * the statement. INSERT casts each value to its column's type (as CAST does: a LONG too large for an
 * INTEGER wraps around); UPDATE works on the rows of one shard and counts the rows a clause changed;
 * UPSERT counts a row as inserted only when it did not exist.
 */
final class DmlRunner {
    private final Rows rows;

    DmlRunner(Rows rows) {
        this.rows = rows;
    }

    List<MapValue> run(StoreTxn txn, QueryPlan plan, Map<String, FieldValue> binds) {
        if (plan instanceof QueryPlan.Insert i) {
            return insert(txn, i, binds);
        }
        if (plan instanceof QueryPlan.Update u) {
            return update(txn, u, binds);
        }
        return delete(txn, (QueryPlan.Delete) plan, binds);
    }

    private static MapValue count(String name, FieldValue n) {
        MapValue result = new MapValue(true, 1);
        result.put(name, n);
        return result;
    }

    private List<MapValue> insert(StoreTxn txn, QueryPlan.Insert plan, Map<String, FieldValue> binds) {
        TableSchema t = rows.table(txn, plan.table());
        long now = rows.now();
        EvalContext ctx = EvalContext.of(binds, now);
        MapValue row = new MapValue(true, plan.columns().size());
        for (int i = 0; i < plan.columns().size(); i++) {
            Expr e = plan.values().get(i);
            FieldDef col = t.field(plan.columns().get(i)).orElseThrow();
            if (e != null) {
                // DEFAULT columns are left out: the put gives them their default.
                row.put(col.name(), columnValue(col, e, ctx));
            }
        }
        for (FieldDef f : t.fields()) {
            FieldValue v = row.get(f.name());
            if (v != null && v.isNull() && !f.nullable()) {
                throw RequestException.illegalArgument("Field \"" + f.name() + "\" is not nullable");
            }
        }
        TimeToLive ttl = null;
        boolean updateTtl = false;
        if (plan.ttl() != null) {
            updateTtl = true;
            ttl = plan.ttl().tableDefault()
                ? (t.ttl() != null ? t.ttl() : new TimeToLive(0, TimeToLive.Unit.DAYS))
                : ttlOf(plan.ttl(), ctx);
        }
        List<FieldValue> key = RowImage.key(t, RowImage.complete(t, row));
        StoredRow before = txn.row(t, key).filter(r -> r.isLiveAt(now)).orElse(null);
        WriteOutcome outcome = rows.put(txn, new PutOp(t.name(), row,
            plan.upsert() ? PutOption.ALWAYS : PutOption.IF_ABSENT, null, ttl, updateTtl, false, false));
        boolean inserted = outcome.success() && before == null;
        if (plan.returning() == null) {
            return List.of(count("NumRowsInserted", new IntegerValue(inserted ? 1 : 0)));
        }
        if (!outcome.success()) {
            return List.of();
        }
        StoredRow stored = txn.row(t, key).orElse(null);
        if (stored == null) {
            return List.of();
        }
        return List.of(QueryRunner.project(plan.returning(), QueryRunner.rowContext(ctx, t, stored)));
    }

    /** The TTL of a SET TTL clause; a negative amount, which the real engine accepts, is no TTL. */
    private static TimeToLive ttlOf(QueryPlan.TtlSpec spec, EvalContext ctx) {
        List<FieldValue> v = Evaluator.eval(spec.amount(), ctx);
        if (v.size() != 1 || !v.get(0).isNumeric()) {
            throw StatementError.at(spec.amount().at(), "The TTL expression must return a single integer");
        }
        return new TimeToLive(Math.max(0, Casting.toLong(v.get(0))), spec.unit());
    }

    /** An INSERT value for a column: cast to the column's type; a JSON null is SQL NULL outside JSON. */
    private static FieldValue columnValue(FieldDef col, Expr e, EvalContext ctx) {
        List<FieldValue> v = Evaluator.eval(e, ctx);
        FieldValue value = QueryRunner.projected(v);
        boolean json = col.type().code() == TypeCode.JSON;
        if (value.isJsonNull() && !json) {
            return NullValue.getInstance();
        }
        if (value.isNull()) {
            return json && !v.isEmpty() ? JsonNullValue.getInstance() : NullValue.getInstance();
        }
        return Casting.cast(value, e.type().item(), SqlType.of(col.type()), e.at());
    }

    private List<MapValue> update(StoreTxn txn, QueryPlan.Update plan, Map<String, FieldValue> binds) {
        TableSchema t = rows.table(txn, plan.table());
        long now = rows.now();
        EvalContext base = EvalContext.of(binds, now);
        RowUpdater updater = new RowUpdater(t);
        List<MapValue> returned = new ArrayList<>();
        int updated = 0;
        for (Match m : matches(txn, t, plan.where(), plan.keyPrefix(), base, now)) {
            MapValue newRow = (MapValue) RowImage.copy(m.image());
            EvalContext ctx = base.withRow(newRow, m.row());
            boolean changed = updater.apply(plan.ops(), ctx);
            long expiration = m.row().expirationTime();
            if (plan.ttl() != null) {
                TimeToLive ttl = plan.ttl().tableDefault() ? t.ttl()
                    : ttlOf(plan.ttl(), ctx);
                expiration = ttl == null ? 0 : ttl.expirationFrom(now);
                changed = true;
            }
            if (!changed) {
                continue;
            }
            rows.replace(txn, t, newRow, expiration);
            updated++;
            if (plan.returning() != null) {
                StoredRow stored = txn.row(t, m.key()).orElse(null);
                if (stored != null) {
                    returned.add(QueryRunner.project(plan.returning(), QueryRunner.rowContext(base, t, stored)));
                }
            }
        }
        if (plan.returning() != null) {
            return returned;
        }
        return List.of(count("NumRowsUpdated", new IntegerValue(updated)));
    }

    private List<MapValue> delete(StoreTxn txn, QueryPlan.Delete plan, Map<String, FieldValue> binds) {
        TableSchema t = rows.table(txn, plan.table());
        long now = rows.now();
        EvalContext base = EvalContext.of(binds, now);
        List<MapValue> returned = new ArrayList<>();
        long deleted = 0;
        for (Match m : matches(txn, t, plan.where(), plan.keyPrefix(), base, now)) {
            if (plan.returning() != null) {
                returned.add(QueryRunner.project(plan.returning(), base.withRow(m.image(), m.row())));
            }
            WriteOutcome o = rows.delete(txn, new DeleteOp(t.name(), RowImage.keyMap(t, m.image()), null, false));
            if (o.success()) {
                deleted++;
            }
        }
        if (plan.returning() != null) {
            return returned;
        }
        return List.of(count("numRowsDeleted", new LongValue(deleted)));
    }

    /** A matching row: its key and what is stored. */
    private record Match(List<FieldValue> key, StoredRow row, MapValue image) { }

    /** Live rows under the key prefix that satisfy {@code where}, collected before any of them is changed. */
    private List<Match> matches(StoreTxn txn, TableSchema t, Expr where, List<Expr> keyPrefix, EvalContext base,
                                long now) {
        List<Match> out = new ArrayList<>();
        txn.scan(t, QueryRunner.keyPrefix(t, keyPrefix, base), null, (key, row) -> {
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
}
