package io.mrtck.reference.sql;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

import io.mrtck.reference.RequestException;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.MapValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * Evaluates {@link Expr}s. The result is a value or Java null for "empty" (a missing
 * field); SQL NULL propagates through arithmetic and makes comparisons unknown.
 */
final class Evaluator {
    private static final long HOUR = 3_600_000L;
    private static final long DAY = 86_400_000L;

    private Evaluator() {
    }

    static FieldValue eval(Expr e, EvalContext ctx) {
        if (e instanceof Expr.Const c) {
            return c.value();
        }
        if (e instanceof Expr.BindVar v) {
            FieldValue value = ctx.bindings() == null ? null : ctx.bindings().get(v.name());
            if (value == null) {
                throw RequestException.illegalArgument("Variable " + v.name() + " has not been bound");
            }
            return value;
        }
        if (e instanceof Expr.RowRef) {
            return requireRow(ctx, "the row");
        }
        if (e instanceof Expr.Column c) {
            return requireRow(ctx, c.name()).get(c.name());
        }
        if (e instanceof Expr.Field f) {
            return field(eval(f.base(), ctx), f.name());
        }
        if (e instanceof Expr.Index i) {
            return index(eval(i.base(), ctx), eval(i.index(), ctx));
        }
        if (e instanceof Expr.Unnest u) {
            return eval(u.base(), ctx);
        }
        if (e instanceof Expr.Arith a) {
            FieldValue l = eval(a.left(), ctx);
            FieldValue r = eval(a.right(), ctx);
            if (l == null || r == null) {
                return null;
            }
            if (l.isAnyNull() || r.isAnyNull()) {
                return NullValue.getInstance();
            }
            return Arithmetic.apply(a.op(), l, r);
        }
        if (e instanceof Expr.Negate n) {
            FieldValue v = eval(n.operand(), ctx);
            return v == null || v.isAnyNull() ? v : Arithmetic.negate(v);
        }
        if (e instanceof Expr.Compare c) {
            return compare(c, ctx);
        }
        if (e instanceof Expr.And a) {
            boolean unknown = false;
            for (Expr part : a.operands()) {
                Boolean t = truth(eval(part, ctx));
                if (t == null) {
                    unknown = true;
                } else if (!t) {
                    return BooleanValue.falseInstance();
                }
            }
            return unknown ? NullValue.getInstance() : BooleanValue.trueInstance();
        }
        if (e instanceof Expr.Or o) {
            boolean unknown = false;
            for (Expr part : o.operands()) {
                Boolean t = truth(eval(part, ctx));
                if (t == null) {
                    unknown = true;
                } else if (t) {
                    return BooleanValue.trueInstance();
                }
            }
            return unknown ? NullValue.getInstance() : BooleanValue.falseInstance();
        }
        if (e instanceof Expr.Not n) {
            Boolean t = truth(eval(n.operand(), ctx));
            return t == null ? NullValue.getInstance() : BooleanValue.getInstance(!t);
        }
        if (e instanceof Expr.IsNull n) {
            // As the real engine: only SQL NULL is NULL; JSON null and "empty" are not.
            FieldValue v = eval(n.operand(), ctx);
            boolean isNull = v != null && v.isNull();
            return BooleanValue.getInstance(n.negated() != isNull);
        }
        if (e instanceof Expr.Exists x) {
            return BooleanValue.getInstance(eval(x.operand(), ctx) != null);
        }
        if (e instanceof Expr.In in) {
            FieldValue v = eval(in.operand(), ctx);
            if (v == null) {
                return BooleanValue.falseInstance();
            }
            if (v.isNull()) {
                return NullValue.getInstance();
            }
            boolean found = false;
            for (Expr candidate : in.candidates()) {
                FieldValue c = eval(candidate, ctx);
                if (c != null && !c.isNull()) {
                    Integer cmp = ValueOrder.compare(v, c);
                    if (cmp != null && cmp == 0) {
                        found = true;
                        break;
                    }
                }
            }
            return BooleanValue.getInstance(found != in.negated());
        }
        if (e instanceof Expr.Call c) {
            return call(c, ctx);
        }
        if (e instanceof Expr.Aggregate a) {
            return aggregate(a, ctx);
        }
        if (e instanceof Expr.MapCtor m) {
            MapValue map = new MapValue(true, m.keys().size());
            for (int i = 0; i < m.keys().size(); i++) {
                FieldValue v = eval(m.values().get(i), ctx);
                if (v != null) {
                    map.put(m.keys().get(i), v.isNull() ? JsonNullValue.getInstance() : v);
                }
            }
            return map;
        }
        Expr.ArrayCtor a = (Expr.ArrayCtor) e;
        ArrayValue array = new ArrayValue(a.elements().size());
        for (Expr element : a.elements()) {
            FieldValue v = eval(element, ctx);
            if (v != null) {
                array.add(v.isNull() ? JsonNullValue.getInstance() : v);
            }
        }
        return array;
    }

    /** True only for boolean true; null (unknown) for SQL NULL or empty; false otherwise. */
    static Boolean truth(FieldValue v) {
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isBoolean() ? v.getBoolean() : Boolean.FALSE;
    }

    /** Whether a WHERE condition holds for the context. */
    static boolean holds(Expr condition, EvalContext ctx) {
        return condition == null || Boolean.TRUE.equals(truth(eval(condition, ctx)));
    }

    private static MapValue requireRow(EvalContext ctx, String what) {
        if (ctx.row() == null) {
            throw RequestException.illegalArgument("No row to read " + what + " from here");
        }
        return ctx.row();
    }

    static FieldValue field(FieldValue base, String name) {
        if (base == null) {
            return null;
        }
        if (base.isMap()) {
            return base.asMap().get(name);
        }
        if (base.isArray()) {
            // A field step on an array applies to its elements.
            ArrayValue out = new ArrayValue();
            for (FieldValue element : base.asArray()) {
                FieldValue v = field(element, name);
                if (v != null) {
                    out.add(v);
                }
            }
            return out.size() == 0 ? null : out.size() == 1 ? out.get(0) : out;
        }
        return null;
    }

    private static FieldValue index(FieldValue base, FieldValue index) {
        if (base == null || index == null) {
            return null;
        }
        if (!index.isInteger() && !index.isLong()) {
            if (base.isMap() && index.isString()) {
                return base.asMap().get(index.getString());
            }
            throw RequestException.illegalArgument("Array index is not an integer: " + index.toJson());
        }
        long i = index.getLong();
        if (!base.isArray()) {
            return i == 0 ? base : null;
        }
        ArrayValue array = base.asArray();
        return i >= 0 && i < array.size() ? array.get((int) i) : null;
    }

    private static FieldValue compare(Expr.Compare c, EvalContext ctx) {
        FieldValue l = eval(c.left(), ctx);
        FieldValue r = eval(c.right(), ctx);
        if (l == null || r == null) {
            return BooleanValue.falseInstance();
        }
        if (l.isNull() || r.isNull()) {
            return NullValue.getInstance();
        }
        Integer cmp = ValueOrder.compare(l, r);
        if (cmp == null) {
            return BooleanValue.falseInstance();
        }
        boolean result = switch (c.op()) {
            case "=" -> cmp == 0;
            case "!=" -> cmp != 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
        return BooleanValue.getInstance(result);
    }

    private static FieldValue call(Expr.Call c, EvalContext ctx) {
        String fn = c.function();
        switch (fn) {
            case "current_time_millis":
                return new LongValue(ctx.now());
            case "current_time":
                return new TimestampValue(ctx.now());
            case "expiration_time", "expiration_time_millis", "modification_time",
                 "modification_time_millis", "remaining_hours", "remaining_days", "row_metadata":
                return rowFunction(c, ctx);
            default:
                break;
        }
        List<FieldValue> args = c.args().stream().map(a -> eval(a, ctx)).toList();
        if (fn.equals("concat")) {
            StringBuilder sb = new StringBuilder();
            for (FieldValue a : args) {
                if (a != null && !a.isAnyNull()) {
                    sb.append(a.isString() ? a.getString() : a.toJson());
                }
            }
            return new StringValue(sb.toString());
        }
        if (args.size() != 1) {
            throw RequestException.illegalArgument("Function " + fn + " takes one argument");
        }
        FieldValue a = args.get(0);
        if (a == null || a.isAnyNull()) {
            return a == null ? null : NullValue.getInstance();
        }
        return switch (fn) {
            case "size" -> a.isArray() ? new IntegerValue(a.asArray().size())
                : a.isMap() ? new IntegerValue(a.asMap().size()) : NullValue.getInstance();
            case "upper" -> a.isString() ? new StringValue(a.getString().toUpperCase(Locale.ROOT)) : NullValue.getInstance();
            case "lower" -> a.isString() ? new StringValue(a.getString().toLowerCase(Locale.ROOT)) : NullValue.getInstance();
            case "length" -> a.isString() ? new IntegerValue(a.getString().codePointCount(0, a.getString().length())) : NullValue.getInstance();
            default -> throw RequestException.illegalArgument("Unknown function: " + fn);
        };
    }

    private static FieldValue rowFunction(Expr.Call c, EvalContext ctx) {
        if (c.args().size() != 1 || !(c.args().get(0) instanceof Expr.RowRef)) {
            throw RequestException.illegalArgument("Function " + c.function()
                + " expects the table's row variable or alias as its argument");
        }
        if (ctx.meta() == null) {
            return NullValue.getInstance();
        }
        long exp = ctx.meta().expirationTime();
        long mod = ctx.meta().modificationTime();
        return switch (c.function()) {
            case "expiration_time" -> new TimestampValue(exp);
            case "expiration_time_millis" -> new LongValue(exp);
            case "modification_time" -> new TimestampValue(mod);
            case "modification_time_millis" -> new LongValue(mod);
            case "remaining_hours" -> new IntegerValue(exp == 0 ? -1 : (int) Math.max(0, (exp - ctx.now()) / HOUR));
            case "remaining_days" -> new IntegerValue(exp == 0 ? -1 : (int) Math.max(0, (exp - ctx.now()) / DAY));
            default -> NullValue.getInstance();
        };
    }

    private static FieldValue aggregate(Expr.Aggregate a, EvalContext ctx) {
        if (ctx.group() == null) {
            throw RequestException.illegalArgument("Aggregate function " + a.function()
                + " is not allowed here");
        }
        if (a.arg() == null) {
            return new LongValue(ctx.group().size());
        }
        long count = 0;
        FieldValue sum = null;
        FieldValue best = null;
        for (EvalContext row : ctx.group()) {
            FieldValue v = eval(a.arg(), row);
            if (v == null || v.isAnyNull()) {
                continue;
            }
            switch (a.function()) {
                case "count" -> count++;
                case "sum", "avg" -> {
                    if (v.isNumeric()) {
                        sum = sum == null ? v : Arithmetic.apply('+', sum, v);
                        count++;
                    }
                }
                case "min" -> {
                    if (best == null || ValueOrder.TOTAL.compare(v, best) < 0) {
                        best = v;
                    }
                }
                default -> {
                    if (best == null || ValueOrder.TOTAL.compare(v, best) > 0) {
                        best = v;
                    }
                }
            }
        }
        return switch (a.function()) {
            case "count" -> new LongValue(count);
            case "sum" -> sum == null ? NullValue.getInstance() : sum;
            case "avg" -> sum == null ? NullValue.getInstance()
                : sum.isNumber() ? new NumberValue(sum.getNumber().divide(BigDecimal.valueOf(count), MathContext.DECIMAL128))
                : new DoubleValue(sum.castAsDouble() / count);
            default -> best == null ? NullValue.getInstance() : best;
        };
    }
}
