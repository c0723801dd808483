package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.mr.CounterPaths;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TypeCode;
import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.expr.Casting;
import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Evaluator;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SqlType;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.StringValue;

/**
 * Applies the clauses of an UPDATE to a copy of a row, as the real engine does: each clause acts on
 * the items its target path finds (a path that finds nothing changes nothing), converting new
 * values to the type of the place they go to (a record field's, a map's or an array's element
 * type); a counter inside a JSON column keeps its value unless the clause moves it by a delta.
 */
final class RowUpdater {

    /** A place in the row: a field of a record or map, or an element of an array. */
    private record Slot(FieldValue container, String key, int index, SqlType type) {

        FieldValue value() {
            if (key != null) {
                return container.asMap().get(key);
            }
            return container.asArray().get(index);
        }

        /** The type a value stored here must have. */
        SqlType valueType() {
            if (type.kind() == SqlType.Kind.RECORD) {
                SqlType.Field f = type.field(key);
                return f == null ? SqlType.JSON : f.type();
            }
            if (type.kind() == SqlType.Kind.MAP || type.kind() == SqlType.Kind.ARRAY) {
                return type.element();
            }
            return SqlType.JSON;
        }
    }

    private final TableSchema table;
    private final SqlType rowType;

    RowUpdater(TableSchema table) {
        this.table = table;
        List<SqlType.Field> fields = new ArrayList<>();
        for (FieldDef f : table.fields()) {
            fields.add(new SqlType.Field(f.name(), SqlType.of(f.type())));
        }
        this.rowType = SqlType.record(fields);
    }

    /** Applies the clauses to {@code ctx}'s row (which is changed); whether any clause changed something. */
    boolean apply(List<QueryPlan.UpdateOp> ops, EvalContext ctx) {
        MapValue before = (MapValue) RowImage.copy(ctx.row());
        boolean updated = false;
        for (QueryPlan.UpdateOp op : ops) {
            List<Slot> slots = slots(op.target(), ctx);
            boolean done = switch (op.kind()) {
                case SET -> set(op, slots, ctx);
                case ADD -> add(op, slots, ctx);
                case PUT -> put(op, slots, ctx);
                case REMOVE -> remove(op, slots);
                default -> mergePatch(op, slots, ctx);
            };
            updated |= done;
            if (done && (op.kind() == QueryPlan.UpdateKind.SET || op.kind() == QueryPlan.UpdateKind.REMOVE)
                && UpdatePlanner.counterPath(table, op.target()) == null) {
                keepJsonCounters(op.target(), before, ctx.row());
            }
        }
        return updated;
    }

    // ------------------------------------------------------------------ targets

    private List<Slot> slots(Expr target, EvalContext ctx) {
        if (target instanceof Expr.Column c) {
            return List.of(new Slot(ctx.row(), c.name(), -1, rowType));
        }
        List<Slot> out = new ArrayList<>();
        if (target instanceof Expr.FieldStep f) {
            SqlType type = f.input().type().item();
            for (Slot s : slots(f.input(), ctx)) {
                fieldSlots(s.value(), f.name(), type, out);
            }
            return out;
        }
        if (target instanceof Expr.ArrayFilter a) {
            for (Slot s : slots(a.input(), ctx)) {
                FieldValue v = s.value();
                if (v == null || v.isNull() || !v.isArray()) {
                    continue;
                }
                EvalContext arrayCtx = ctx.withVar("$", v);
                for (int i = 0; i < v.asArray().size(); i++) {
                    if (a.pred() == null || selects(a.pred(),
                        arrayCtx.withVar("$element", v.asArray().get(i)).withVar("$pos", new IntegerValue(i)), i)) {
                        out.add(new Slot(v, null, i, a.input().type().item()));
                    }
                }
            }
            return out;
        }
        if (target instanceof Expr.ArraySlice a) {
            for (Slot s : slots(a.input(), ctx)) {
                FieldValue v = s.value();
                if (v == null || !v.isArray()) {
                    continue;
                }
                for (FieldValue e : Evaluator.eval(new Expr.ArraySlice(new Expr.Const(v, a.input().type(), a.at()),
                    a.low(), a.high(), a.type(), a.at()), ctx)) {
                    out.add(new Slot(v, null, indexOf(v.asArray(), e), a.input().type().item()));
                }
            }
            return out;
        }
        if (target instanceof Expr.MapFilter m && !m.keys()) {
            for (Slot s : slots(m.input(), ctx)) {
                FieldValue v = s.value();
                if (v == null || !v.isMap()) {
                    continue;
                }
                for (Map.Entry<String, FieldValue> entry : v.asMap().entrySet()) {
                    EvalContext entryCtx = ctx.withVar("$", v).withVar("$key", new StringValue(entry.getKey()))
                        .withVar("$value", entry.getValue());
                    if (m.pred() == null || Boolean.TRUE.equals(Evaluator.truth(Evaluator.eval(m.pred(), entryCtx)))) {
                        out.add(new Slot(v, entry.getKey(), -1, m.input().type().item()));
                    }
                }
            }
            return out;
        }
        throw StatementError.at(target.at(), "Invalid target expression in update clause");
    }

    private static int indexOf(ArrayValue array, FieldValue element) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i) == element) {
                return i;
            }
        }
        return -1;
    }

    private static boolean selects(Expr pred, EvalContext ctx, int position) {
        List<FieldValue> p = Evaluator.eval(pred, ctx);
        if (p.isEmpty() || p.get(0).isNull()) {
            return false;
        }
        FieldValue v = p.get(0);
        if (v.isBoolean()) {
            return v.getBoolean();
        }
        return (v.isInteger() || v.isLong()) && v.getLong() == position;
    }

    private static void fieldSlots(FieldValue v, String name, SqlType type, List<Slot> out) {
        if (v == null || v.isNull()) {
            return;
        }
        if (v.isArray()) {
            SqlType element = type.kind() == SqlType.Kind.ARRAY ? type.element() : SqlType.JSON;
            for (FieldValue e : v.asArray()) {
                fieldSlots(e, name, element, out);
            }
            return;
        }
        if (!v.isMap()) {
            return;
        }
        String key = name;
        if (type.kind() == SqlType.Kind.RECORD) {
            for (String k : v.asMap().getMap().keySet()) {
                if (k.equalsIgnoreCase(name)) {
                    key = k;
                }
            }
        }
        if (v.asMap().get(key) != null) {
            out.add(new Slot(v, key, -1, type));
        }
    }

    // ------------------------------------------------------------------ clauses

    private boolean set(QueryPlan.UpdateOp op, List<Slot> slots, EvalContext ctx) {
        boolean updated = false;
        for (Slot s : slots) {
            List<FieldValue> v = Evaluator.eval(op.value(), ctx.withVar("$", s.value()));
            if (v.isEmpty()) {
                continue;
            }
            FieldValue value = v.size() == 1 ? v.get(0) : Evaluator.arrayOf(v, null);
            store(s, converted(value, op.value().type().item(), s, op.at()), op.at(), "SET");
            updated = true;
        }
        return updated;
    }

    /** A value converted to the type of its place: a record field takes SQL NULL for JSON null. */
    private static FieldValue converted(FieldValue value, SqlType from, Slot s, Loc at) {
        SqlType target = s.valueType();
        if (value.isJsonNull() && (target.kind() != SqlType.Kind.JSON || s.type().kind() == SqlType.Kind.RECORD)) {
            value = NullValue.getInstance();
        }
        if (value.isNull() && target.kind() == SqlType.Kind.JSON && s.type().kind() != SqlType.Kind.RECORD) {
            return JsonNullValue.getInstance();
        }
        return Casting.cast(value, from, target, at);
    }

    private void store(Slot s, FieldValue value, Loc at, String what) {
        if (value.isNull() && s.type() == rowType) {
            FieldDef col = table.field(s.key()).orElseThrow();
            if (!col.nullable()) {
                throw StatementError.at(at, what + " operation failed. Cause: Field \"" + col.name()
                    + "\" is not nullable");
            }
        }
        if (s.key() != null) {
            s.container().asMap().put(s.key(), value);
        } else {
            s.container().asArray().set(s.index(), value);
        }
    }

    private boolean add(QueryPlan.UpdateOp op, List<Slot> slots, EvalContext ctx) {
        boolean updated = false;
        for (Slot s : slots) {
            FieldValue target = s.value();
            if (target == null || !target.isArray()) {
                continue;
            }
            ArrayValue array = target.asArray();
            SqlType element = op.target().type().item().kind() == SqlType.Kind.ARRAY
                ? op.target().type().item().element() : SqlType.JSON;
            EvalContext arrayCtx = ctx.withVar("$", target);
            int pos = -1;
            if (op.position() != null) {
                List<FieldValue> p = Evaluator.eval(op.position(), arrayCtx);
                if (!p.isEmpty()) {
                    if (!p.get(0).isNumeric()) {
                        throw StatementError.at(op.at(), "ADD operation failed. Cause: The position expression does"
                            + " not return a numeric item");
                    }
                    if (p.size() > 1) {
                        throw StatementError.at(op.at(), "ADD operation failed. Cause: The position expression"
                            + " returns more than one items");
                    }
                    pos = Math.max(0, Casting.toInt(p.get(0)));
                    if (pos >= array.size()) {
                        pos = -1;
                    }
                }
            }
            List<FieldValue> values = new ArrayList<>();
            for (FieldValue v : Evaluator.eval(op.value(), arrayCtx)) {
                values.add(element.kind() == SqlType.Kind.JSON && v.isNull() ? JsonNullValue.getInstance()
                    : Casting.cast(v, op.value().type().item(), element, op.at()));
            }
            if (values.isEmpty()) {
                continue;
            }
            for (FieldValue v : values) {
                if (pos < 0) {
                    array.add(v);
                } else {
                    array.add(pos++, v);
                }
            }
            updated = true;
        }
        return updated;
    }

    private boolean put(QueryPlan.UpdateOp op, List<Slot> slots, EvalContext ctx) {
        boolean updated = false;
        SqlType targetType = op.target().type().item();
        if (targetType.kind() == SqlType.Kind.RECORD) {
            return false;
        }
        SqlType element = targetType.kind() == SqlType.Kind.MAP ? targetType.element() : SqlType.JSON;
        for (Slot s : slots) {
            FieldValue target = s.value();
            if (target == null || !target.isMap()) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            List<FieldValue> values = new ArrayList<>();
            for (FieldValue v : Evaluator.eval(op.value(), ctx.withVar("$", target))) {
                if (!v.isMap()) {
                    continue;
                }
                for (Map.Entry<String, FieldValue> e : v.asMap().entrySet()) {
                    keys.add(e.getKey());
                    values.add(element.kind() == SqlType.Kind.JSON && e.getValue().isNull()
                        ? JsonNullValue.getInstance() : Casting.cast(e.getValue(), null, element, op.at()));
                }
            }
            for (int i = 0; i < keys.size(); i++) {
                refuseCounterField(op.target(), keys.get(i), values.get(i));
                target.asMap().put(keys.get(i), values.get(i));
            }
            updated |= !keys.isEmpty();
        }
        return updated;
    }

    /** A PUT that would store a plain value where a JSON column keeps a counter. */
    private void refuseCounterField(Expr target, String key, FieldValue value) {
        String path = UpdatePlanner.pathOf(target);
        if (path == null) {
            return;
        }
        String full = path + "." + key;
        for (CounterPaths.Counter c : CounterPaths.of(table)) {
            if (c.path().equalsIgnoreCase(full) && full.contains(".")) {
                String field = full.substring(full.indexOf('.') + 1);
                throw RequestException.illegalArgument("Only MR_Counter value is allowed for JSON MR_Counter fields."
                    + " Field: " + field + ", isJsonMRCounter = true, valDef = " + SqlType.ddlOf(value, null)
                    .toUpperCase(java.util.Locale.ROOT) + ", valDef is MR counter = false");
            }
        }
    }

    private static boolean remove(QueryPlan.UpdateOp op, List<Slot> slots) {
        List<Slot> positions = new ArrayList<>();
        for (Slot s : slots) {
            if (s.type().kind() == SqlType.Kind.RECORD) {
                throw StatementError.at(op.at(), "Cannot remove fields from records.\nField " + s.key()
                    + "\nRecord:\n" + s.container().toJson());
            }
            if (s.key() != null) {
                s.container().asMap().remove(s.key());
            } else {
                positions.add(s);
            }
        }
        positions.sort(Comparator.comparingInt(Slot::index).reversed());
        for (Slot s : positions) {
            s.container().asArray().remove(s.index());
        }
        return !slots.isEmpty();
    }

    private boolean mergePatch(QueryPlan.UpdateOp op, List<Slot> slots, EvalContext ctx) {
        boolean updated = false;
        for (Slot s : slots) {
            FieldValue target = s.value();
            if (!target.isNull() && !op.target().type().item().isJson()) {
                throw StatementError.at(op.target().at(), "Target Item of json merge patch is not a json value");
            }
            List<FieldValue> p = Evaluator.eval(op.value(), ctx.withVar("$", target));
            FieldValue patch = p.isEmpty() ? JsonNullValue.getInstance() : p.get(0);
            String path = UpdatePlanner.pathOf(op.target());
            FieldValue merged = merge(target, patch, path, op);
            if (merged != target) {
                store(s, merged, op.at(), "SET");
            }
            updated = true;
        }
        return updated;
    }

    private FieldValue merge(FieldValue target, FieldValue patch, String path, QueryPlan.UpdateOp op) {
        if (path != null && CounterPaths.of(table).stream().anyMatch(c -> c.path().equalsIgnoreCase(path))) {
            throw StatementError.at(op.target().at(), "Cannot update MRCounter via json merge patch");
        }
        if (!patch.isMap()) {
            return patch.isNull() ? JsonNullValue.getInstance() : patch;
        }
        MapValue map = target != null && target.isMap() ? target.asMap() : new MapValue(true, patch.asMap().size());
        for (Map.Entry<String, FieldValue> e : patch.asMap().entrySet()) {
            if (e.getValue().isJsonNull() || e.getValue().isNull()) {
                map.remove(e.getKey());
            } else {
                String sub = path == null ? null : path + "." + e.getKey();
                map.put(e.getKey(), merge(map.get(e.getKey()), e.getValue(), sub, op));
            }
        }
        return map;
    }

    /** A SET or REMOVE on (or inside) a JSON column with counters leaves the counters as they were. */
    private void keepJsonCounters(Expr target, MapValue before, MapValue row) {
        String path = UpdatePlanner.pathOf(target);
        if (path == null) {
            Expr root = target;
            while (!(root instanceof Expr.Column)) {
                root = Expr.children(root).get(0);
            }
            path = ((Expr.Column) root).name();
        }
        String prefix = path.toLowerCase(java.util.Locale.ROOT);
        for (FieldDef f : table.fields()) {
            if (f.type().code() != TypeCode.JSON || f.type().jsonCounters().isEmpty()) {
                continue;
            }
            for (CounterPaths.Counter c : CounterPaths.of(table)) {
                String counter = c.path().toLowerCase(java.util.Locale.ROOT);
                boolean affected = counter.startsWith(prefix + ".") || prefix.startsWith(counter + ".")
                    || prefix.equals(f.name().toLowerCase(java.util.Locale.ROOT)) && counter.startsWith(prefix + ".");
                FieldValue old = CounterPaths.read(before, c.path());
                if (affected && old != null && row.get(f.name()) != null && row.get(f.name()).isMap()) {
                    insertPath(row, c.path(), old);
                }
            }
        }
    }

    private static void insertPath(MapValue row, String path, FieldValue value) {
        String[] steps = path.split("\\.");
        MapValue m = row;
        for (int i = 0; i < steps.length - 1; i++) {
            FieldValue next = m.get(steps[i]);
            if (next == null || !next.isMap()) {
                MapValue created = new MapValue(true, 1);
                m.put(steps[i], created);
                next = created;
            }
            m = next.asMap();
        }
        m.put(steps[steps.length - 1], value);
    }
}
