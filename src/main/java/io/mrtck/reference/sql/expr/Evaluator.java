package io.mrtck.reference.sql.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.mr.CounterPaths;
import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.StatementError;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.StringValue;

/**
 * Evaluates {@link Expr}s. Every expression returns a sequence of items: path steps return as
 * many items as they find (none for a missing JSON field, which is the "empty" sequence, neither
 * SQL NULL nor JSON null), a step on SQL NULL returns NULL, and the operators and functions take
 * each operand's sequence as the real engine does (a value comparison fails on more than one item,
 * a quantified one compares every pair, arithmetic on an empty operand returns empty).
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static List<FieldValue> eval(Expr e, EvalContext ctx) {
        if (e instanceof Expr.Const c) {
            return List.of(c.value());
        }
        if (e instanceof Expr.BindVar v) {
            FieldValue value = ctx.bindings() == null ? null : ctx.bindings().get(v.name());
            if (value == null) {
                throw RequestException.illegalArgument("Variable " + v.name() + " has not been bound");
            }
            return List.of(value);
        }
        if (e instanceof Expr.Var v) {
            FieldValue value = ctx.vars().get(v.name());
            return value == null ? List.of() : List.of(value);
        }
        if (e instanceof Expr.RowRef r) {
            MapValue row = r.table() < ctx.rows().size() ? ctx.rows().get(r.table()) : null;
            return row == null ? List.of(NullValue.getInstance()) : List.of(row);
        }
        if (e instanceof Expr.Column c) {
            MapValue row = c.table() < ctx.rows().size() ? ctx.rows().get(c.table()) : null;
            FieldValue v = row == null ? null : row.get(c.name());
            return List.of(v == null ? NullValue.getInstance() : v);
        }
        if (e instanceof Expr.FieldStep f) {
            List<FieldValue> out = new ArrayList<>();
            boolean record = f.input().type().item().kind() == SqlType.Kind.RECORD;
            for (FieldValue item : eval(f.input(), ctx)) {
                fieldStep(item, f.name(), record, out);
            }
            return out;
        }
        if (e instanceof Expr.ArrayFilter a) {
            return arrayFilter(a, ctx);
        }
        if (e instanceof Expr.ArraySlice s) {
            return arraySlice(s, ctx);
        }
        if (e instanceof Expr.MapFilter m) {
            return mapFilter(m, ctx);
        }
        if (e instanceof Expr.Arith a) {
            return arith(a, ctx);
        }
        if (e instanceof Expr.Negate n) {
            FieldValue v = single(n.operand(), ctx, "Operand in arithmetic negation");
            if (v == null || v.isNull()) {
                return v == null ? List.of() : List.of(v);
            }
            if (!v.isNumeric()) {
                throw StatementError.at(n.operand().at(), "Operand in arithmetic negation has illegal type\n"
                    + "Operand type :\n" + SqlType.ddlOf(v, n.operand().type().item()));
            }
            return List.of(Arithmetic.negate(v));
        }
        if (e instanceof Expr.Compare c) {
            return List.of(c.any() ? anyCompare(c, ctx) : compare(c, ctx));
        }
        if (e instanceof Expr.And a) {
            return List.of(andOr(a.operands(), ctx, false));
        }
        if (e instanceof Expr.Or o) {
            return List.of(andOr(o.operands(), ctx, true));
        }
        if (e instanceof Expr.Not n) {
            Boolean t = truth(eval(n.operand(), ctx));
            return List.of(t == null ? NullValue.getInstance() : BooleanValue.getInstance(!t));
        }
        if (e instanceof Expr.IsNull n) {
            List<FieldValue> v = eval(n.operand(), ctx);
            boolean isNull = !v.isEmpty() && v.get(0).isNull();
            return List.of(BooleanValue.getInstance(n.negated() != isNull));
        }
        if (e instanceof Expr.Exists x) {
            List<FieldValue> v = eval(x.operand(), ctx);
            // EXISTS of a NULL is NULL.
            if (v.size() == 1 && v.get(0).isNull()) {
                return List.of(NullValue.getInstance());
            }
            return List.of(BooleanValue.getInstance(!v.isEmpty()));
        }
        if (e instanceof Expr.In in) {
            return List.of(in(in, ctx));
        }
        if (e instanceof Expr.IsOfType t) {
            return List.of(isOfType(t, ctx));
        }
        if (e instanceof Expr.Case c) {
            for (int i = 0; i < c.conditions().size(); i++) {
                if (Boolean.TRUE.equals(truth(eval(c.conditions().get(i), ctx)))) {
                    return eval(c.results().get(i), ctx);
                }
            }
            return c.otherwise() == null ? List.of() : eval(c.otherwise(), ctx);
        }
        if (e instanceof Expr.Cast c) {
            return cast(c, ctx);
        }
        if (e instanceof Expr.Call c) {
            return c.function().apply(c.args(), ctx, c.at());
        }
        if (e instanceof Expr.Aggregate a) {
            return List.of(Aggregates.compute(a, ctx));
        }
        if (e instanceof Expr.MapCtor m) {
            return List.of(map(m, ctx));
        }
        if (e instanceof Expr.ArrayCtor a) {
            return array(a, ctx);
        }
        Expr.Transform t = (Expr.Transform) e;
        List<FieldValue> out = new ArrayList<>();
        for (FieldValue item : eval(t.input(), ctx)) {
            out.addAll(eval(t.mapper(), ctx.withVar("$", item)));
        }
        return out;
    }

    /** The one item an operand returns, null for none; more than one is an error naming the operand. */
    static FieldValue single(Expr e, EvalContext ctx, String what) {
        List<FieldValue> v = eval(e, ctx);
        if (v.size() > 1) {
            throw StatementError.at(e.at(), what + " returns more than one items.");
        }
        return v.isEmpty() ? null : v.get(0);
    }

    /**
     * The truth of a condition's sequence: true or false for a boolean, null (unknown) for SQL
     * NULL; an empty sequence is false.
     */
    public static Boolean truth(List<FieldValue> v) {
        if (v.isEmpty()) {
            return Boolean.FALSE;
        }
        FieldValue b = v.get(0);
        if (b.isNull()) {
            return null;
        }
        return b.isBoolean() ? b.getBoolean() : Boolean.FALSE;
    }

    /** Whether a WHERE (or ON) condition holds. */
    public static boolean holds(Expr condition, EvalContext ctx) {
        return condition == null || Boolean.TRUE.equals(truth(eval(condition, ctx)));
    }

    /** A field step on one context item: into maps and records, through arrays, past atomic items. */
    private static void fieldStep(FieldValue item, String name, boolean record, List<FieldValue> out) {
        if (item.isNull()) {
            out.add(item);
            return;
        }
        if (item.isArray()) {
            for (FieldValue element : item.asArray()) {
                if (!element.isNull()) {
                    fieldStep(element, name, record, out);
                }
            }
            return;
        }
        if (!item.isMap()) {
            return;
        }
        FieldValue v = record ? CounterPaths.fieldIgnoringCase(item.asMap(), name) : item.asMap().get(name);
        if (v != null) {
            out.add(v);
        }
    }

    private static List<FieldValue> arrayFilter(Expr.ArrayFilter a, EvalContext ctx) {
        List<FieldValue> out = new ArrayList<>();
        for (FieldValue item : eval(a.input(), ctx)) {
            if (item.isNull()) {
                out.add(item);
                continue;
            }
            ArrayValue array = asArray(item);
            if (a.pred() == null) {
                array.forEach(out::add);
                continue;
            }
            EvalContext arrayCtx = ctx.withVar("$", item);
            for (int i = 0; i < array.size(); i++) {
                EvalContext elemCtx = arrayCtx.withVar("$element", array.get(i)).withVar("$pos", new IntegerValue(i));
                List<FieldValue> p = eval(a.pred(), elemCtx);
                if (p.isEmpty() || p.get(0).isNull()) {
                    continue;
                }
                FieldValue pv = p.get(0);
                if (pv.isBoolean()) {
                    if (pv.getBoolean()) {
                        out.add(array.get(i));
                    }
                } else if (pv.isInteger() || pv.isLong()) {
                    if (pv.getLong() == i) {
                        out.add(array.get(i));
                    }
                } else {
                    throw StatementError.at(a.at(), "Predicate expression in array filter has invalid type:\n"
                        + SqlType.ddlOf(pv, a.pred().type().item()));
                }
            }
        }
        return out;
    }

    private static ArrayValue asArray(FieldValue item) {
        if (item.isArray()) {
            return item.asArray();
        }
        ArrayValue single = new ArrayValue(1);
        single.add(item);
        return single;
    }

    private static List<FieldValue> arraySlice(Expr.ArraySlice s, EvalContext ctx) {
        List<FieldValue> out = new ArrayList<>();
        for (FieldValue item : eval(s.input(), ctx)) {
            if (item.isNull()) {
                out.add(item);
                continue;
            }
            ArrayValue array = asArray(item);
            EvalContext arrayCtx = ctx.withVar("$", item);
            long low = s.low() == null ? 0 : bound(s.low(), arrayCtx, 0);
            long high = s.high() == null ? array.size() - 1L : bound(s.high(), arrayCtx, array.size() - 1L);
            for (long i = Math.max(0, low); i <= high && i < array.size(); i++) {
                out.add(array.get((int) i));
            }
        }
        return out;
    }

    private static long bound(Expr e, EvalContext ctx, long dflt) {
        FieldValue v = single(e, ctx, "Boundary expression in array slice");
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isInteger() && !v.isLong()) {
            throw StatementError.at(e.at(), "Boundary expression in array slice step does not return an integer:\n"
                + SqlType.ddlOf(v, e.type().item()));
        }
        return v.getLong();
    }

    private static List<FieldValue> mapFilter(Expr.MapFilter m, EvalContext ctx) {
        List<FieldValue> out = new ArrayList<>();
        for (FieldValue item : eval(m.input(), ctx)) {
            mapFilterItem(m, item, ctx, out);
        }
        return out;
    }

    private static void mapFilterItem(Expr.MapFilter m, FieldValue item, EvalContext ctx, List<FieldValue> out) {
        if (item.isNull()) {
            out.add(item);
            return;
        }
        if (item.isArray()) {
            for (FieldValue element : item.asArray()) {
                mapFilterItem(m, element, ctx, out);
            }
            return;
        }
        if (!item.isMap()) {
            return;
        }
        EvalContext mapCtx = ctx.withVar("$", item);
        // The real engine keeps map entries sorted by key.
        for (Map.Entry<String, FieldValue> entry : new java.util.TreeMap<>(item.asMap().getMap()).entrySet()) {
            if (m.pred() != null) {
                EvalContext entryCtx = mapCtx.withVar("$key", new StringValue(entry.getKey()))
                    .withVar("$value", entry.getValue());
                if (!Boolean.TRUE.equals(truth(eval(m.pred(), entryCtx)))) {
                    continue;
                }
            }
            out.add(m.keys() ? new StringValue(entry.getKey()) : entry.getValue());
        }
    }

    private static List<FieldValue> arith(Expr.Arith a, EvalContext ctx) {
        List<FieldValue> values = new ArrayList<>(a.args().size());
        List<Boolean> floats = new ArrayList<>(a.args().size());
        for (int i = 0; i < a.args().size(); i++) {
            Expr arg = a.args().get(i);
            FieldValue v = single(arg, ctx, "Operand in arithmetic operation");
            if (v == null) {
                return List.of();
            }
            if (v.isNull()) {
                return List.of(v);
            }
            if (!v.isNumeric()) {
                throw StatementError.at(arg.at(), "Operand in arithmetic operation has illegal type\n"
                    + "Operand : " + i + " type :\n" + SqlType.ddlOf(v, arg.type().item()));
            }
            values.add(v);
            floats.add(arg.type().item().kind() == SqlType.Kind.FLOAT);
        }
        return List.of(Arithmetic.apply(a.additive(), a.ops(), values, floats, a.at()));
    }

    private static FieldValue compare(Expr.Compare c, EvalContext ctx) {
        List<FieldValue> l = eval(c.left(), ctx);
        if (l.size() > 1) {
            throw StatementError.at(c.at(), "The left operand of comparison operator " + c.op()
                + " is a sequence with more than one items. Comparison operators cannot operate on sequences"
                + " of more than one items.");
        }
        List<FieldValue> r = eval(c.right(), ctx);
        if (r.size() > 1) {
            throw StatementError.at(c.at(), "The right operand of comparison operator " + c.op()
                + " is a sequence with more than one items. Comparison operators cannot operate on sequences"
                + " of more than one items.");
        }
        if (l.isEmpty() || r.isEmpty()) {
            if (l.isEmpty() && r.isEmpty()) {
                return BooleanValue.getInstance(Comparison.holds(c.op(), 0));
            }
            return BooleanValue.getInstance(c.op().equals("!="));
        }
        return Comparison.apply(c.op(), l.get(0), c.left().type().item(), r.get(0), c.right().type().item());
    }

    /** {@code l =any r}: true if some pair of items compares true; NULL if none does but one was NULL. */
    private static FieldValue anyCompare(Expr.Compare c, EvalContext ctx) {
        List<FieldValue> l = eval(c.left(), ctx);
        List<FieldValue> r = eval(c.right(), ctx);
        boolean sawNull = false;
        for (FieldValue x : l) {
            for (FieldValue y : r) {
                FieldValue v = Comparison.apply(c.op(), x, c.left().type().item(), y, c.right().type().item());
                if (v.isNull()) {
                    sawNull = true;
                } else if (v.getBoolean()) {
                    return BooleanValue.trueInstance();
                }
            }
        }
        return sawNull ? NullValue.getInstance() : BooleanValue.falseInstance();
    }

    private static FieldValue andOr(List<Expr> operands, EvalContext ctx, boolean or) {
        boolean unknown = false;
        for (Expr part : operands) {
            Boolean t = truth(eval(part, ctx));
            if (t == null) {
                unknown = true;
            } else if (t == or) {
                return BooleanValue.getInstance(or);
            }
        }
        return unknown ? NullValue.getInstance() : BooleanValue.getInstance(!or);
    }

    private static FieldValue in(Expr.In in, EvalContext ctx) {
        List<FieldValue> left = new ArrayList<>();
        for (Expr l : in.left()) {
            FieldValue v = single(l, ctx, "The left operand of the IN operator");
            if (v == null) {
                return BooleanValue.falseInstance();
            }
            if (v.isNull()) {
                return NullValue.getInstance();
            }
            left.add(v);
        }
        if (in.sequence() != null) {
            for (FieldValue item : eval(in.sequence(), ctx)) {
                if (matches(List.of(item), left, in, List.of(in.sequence()))) {
                    return BooleanValue.trueInstance();
                }
            }
            return BooleanValue.falseInstance();
        }
        for (List<Expr> tuple : in.candidates()) {
            List<FieldValue> values = new ArrayList<>(tuple.size());
            for (Expr c : tuple) {
                FieldValue v = single(c, ctx, "An expression in the right operand of the IN operator");
                values.add(v);
            }
            if (matches(values, left, in, tuple)) {
                return BooleanValue.trueInstance();
            }
        }
        return BooleanValue.falseInstance();
    }

    private static boolean matches(List<FieldValue> candidate, List<FieldValue> left, Expr.In in, List<Expr> exprs) {
        for (int i = 0; i < left.size(); i++) {
            FieldValue c = candidate.get(i);
            if (c == null || c.isNull()) {
                return false;
            }
            FieldValue eq = Comparison.apply("=", left.get(i), in.left().get(i).type().item(), c,
                exprs.get(Math.min(i, exprs.size() - 1)).type().item());
            if (eq.isNull() || !eq.getBoolean()) {
                return false;
            }
        }
        return true;
    }

    private static FieldValue isOfType(Expr.IsOfType t, EvalContext ctx) {
        List<FieldValue> v = eval(t.operand(), ctx);
        for (FieldValue item : v) {
            if (item.isNull()) {
                return NullValue.getInstance();
            }
        }
        boolean any = false;
        for (int i = 0; i < t.targets().size() && !any; i++) {
            any = matchesType(v, t.operand().type().item(), t.targets().get(i), t.only().get(i));
        }
        return BooleanValue.getInstance(any != t.negated());
    }

    private static boolean matchesType(List<FieldValue> v, SqlType staticType, SeqType target, boolean only) {
        SqlType.Quantifier q = target.quantifier();
        if (v.isEmpty() && !q.mayBeEmpty() || v.size() > 1 && !q.mayBeMany()) {
            return false;
        }
        for (FieldValue item : v) {
            SqlType actual = staticType == null || staticType.isWildcard() || item.isJsonNull()
                ? (item.isJsonNull() ? SqlType.ANY_JSON_ATOMIC : SqlType.ofJsonValue(item)) : staticType;
            if (actual == null) {
                return false;
            }
            boolean ok = only ? actual.equals(target.item()) : actual.isSubtypeOf(target.item());
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static List<FieldValue> cast(Expr.Cast c, EvalContext ctx) {
        List<FieldValue> v = eval(c.operand(), ctx);
        SqlType.Quantifier q = c.target().quantifier();
        String target = c.target().item().ddl() + q.symbol();
        if (v.isEmpty() && !q.mayBeEmpty()) {
            throw StatementError.at(c.at(), "The input to a cast expression returned an empty result, but the target"
                + " type requires " + (q == SqlType.Quantifier.PLUS ? "at least" : "exactly") + " one item. Target type:\n"
                + target);
        }
        if (v.size() > 1 && !q.mayBeMany()) {
            throw StatementError.at(c.at(), "The input to a cast expression returned more than one items, but the"
                + " target type requires " + (q == SqlType.Quantifier.QSTN ? "at most" : "exactly")
                + " one item. Target type:\n" + target);
        }
        List<FieldValue> out = new ArrayList<>(v.size());
        for (FieldValue item : v) {
            out.add(Casting.cast(item, c.operand().type().item(), c.target().item(), c.at()));
        }
        return out;
    }

    private static FieldValue map(Expr.MapCtor m, EvalContext ctx) {
        MapValue map = new MapValue(true, m.keys().size());
        for (int i = 0; i < m.keys().size(); i++) {
            FieldValue key = single(m.keys().get(i), ctx, "A field name expression in a map constructor");
            if (key == null || key.isNull()) {
                continue;
            }
            if (!key.isString()) {
                throw StatementError.at(m.keys().get(i).at(), "A field name expression in a map constructor"
                    + " does not return a string");
            }
            List<FieldValue> v = eval(m.values().get(i), ctx);
            if (v.isEmpty()) {
                continue;
            }
            FieldValue value = v.size() == 1 ? v.get(0) : arrayOf(v, null);
            map.put(key.getString(), value.isNull() ? JsonNullValue.getInstance() : value);
        }
        return map;
    }

    private static List<FieldValue> array(Expr.ArrayCtor a, EvalContext ctx) {
        SqlType element = a.type().item().kind() == SqlType.Kind.ARRAY ? a.type().item().element() : null;
        if (a.conditional()) {
            List<FieldValue> v = eval(a.elements().get(0), ctx);
            return v.size() <= 1 ? v : List.of(arrayOf(v, null));
        }
        List<FieldValue> items = new ArrayList<>();
        for (Expr element0 : a.elements()) {
            items.addAll(eval(element0, ctx));
        }
        return List.of(arrayOf(items, element));
    }

    /** An array of the items that are not SQL NULL, numbers promoted to the element type. */
    public static ArrayValue arrayOf(List<FieldValue> items, SqlType element) {
        ArrayValue array = new ArrayValue(items.size());
        boolean promote = element != null && element.isNumeric();
        for (FieldValue item : items) {
            if (item.isNull()) {
                continue;
            }
            array.add(promote && item.isNumeric() ? Casting.cast(item, null, element, Loc.START) : item);
        }
        return array;
    }
}
