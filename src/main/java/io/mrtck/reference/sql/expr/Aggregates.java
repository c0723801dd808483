package io.mrtck.reference.sql.expr;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.StatementError;
import oracle.nosql.driver.values.ArrayValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NullValue;
import oracle.nosql.driver.values.NumberValue;

/**
 * The aggregate functions over the rows of a group: count(*), count, sum, avg, min, max and
 * array_collect (with DISTINCT for count and array_collect). sum and avg add the numeric items and
 * skip the others (sum of integers is a LONG); min and max compare atomic items in the sort order
 * and skip NULLs, JSON nulls and non-atomic items; an aggregate of nothing is NULL (count: 0).
 */
public final class Aggregates {

    public enum Kind {
        COUNT_STAR("count"), COUNT("count"), SUM("sum"), AVG("avg"), MIN("min"), MAX("max"),
        ARRAY_COLLECT("array_collect");

        private final String sqlName;

        Kind(String sqlName) {
            this.sqlName = sqlName;
        }

        String sqlName() {
            return sqlName;
        }

        public static Kind byName(String name) {
            return switch (name) {
                case "count" -> COUNT;
                case "sum" -> SUM;
                case "avg" -> AVG;
                case "min" -> MIN;
                case "max" -> MAX;
                default -> null;
            };
        }
    }

    private Aggregates() {
    }

    /** The static type of an aggregate over an argument of this type; a non-numeric sum or avg is refused. */
    public static SeqType check(Kind kind, Expr arg, Loc at) {
        switch (kind) {
            case COUNT_STAR:
            case COUNT:
                return SeqType.one(SqlType.LONG);
            case SUM:
            case AVG: {
                SqlType t = arg.type().item();
                boolean ok = t.isNumeric() || t.kind() == SqlType.Kind.ANY || t.kind() == SqlType.Kind.ANY_ATOMIC
                    || t.kind() == SqlType.Kind.ANY_JSON_ATOMIC || t.kind() == SqlType.Kind.JSON
                    || t.kind() == SqlType.Kind.EMPTY;
                if (!ok) {
                    throw StatementError.at(at, "Invalid input type for the " + kind.sqlName()
                        + " aggregate function:\n" + t.ddl());
                }
                if (kind == Kind.AVG) {
                    return SeqType.optional(t.kind() == SqlType.Kind.NUMBER ? SqlType.NUMBER : SqlType.DOUBLE);
                }
                return SeqType.optional(switch (t.kind()) {
                    case INTEGER, LONG -> SqlType.LONG;
                    case FLOAT, DOUBLE -> SqlType.DOUBLE;
                    case NUMBER -> SqlType.NUMBER;
                    default -> SqlType.ANY_ATOMIC;
                });
            }
            case ARRAY_COLLECT:
                return SeqType.one(SqlType.arrayOf(arg.type().item().isSubtypeOf(SqlType.JSON) ? SqlType.JSON
                    : arg.type().item().kind() == SqlType.Kind.EMPTY ? SqlType.JSON : SqlType.ANY));
            default:
                return SeqType.optional(arg.type().item());
        }
    }

    /** The aggregate over the group of {@code ctx}. */
    static FieldValue compute(Expr.Aggregate a, EvalContext ctx) {
        List<EvalContext> group = ctx.group() == null ? List.of(ctx) : ctx.group();
        if (a.function() == Kind.COUNT_STAR) {
            return new LongValue(group.size());
        }
        List<FieldValue> items = new ArrayList<>();
        for (EvalContext row : group) {
            for (FieldValue v : Evaluator.eval(a.arg(), row)) {
                if (v.isNull()) {
                    continue;
                }
                if (a.distinct() && items.stream().anyMatch(x -> ValueOrder.same(x, v))) {
                    continue;
                }
                items.add(v);
            }
        }
        return over(a.function(), items);
    }

    /** The aggregate of some items (SQL NULLs are skipped); also the sequence aggregates seq_sum and friends. */
    public static FieldValue over(Kind kind, List<FieldValue> values) {
        List<FieldValue> items = values.stream().filter(v -> !v.isNull()).toList();
        return switch (kind) {
            case COUNT, COUNT_STAR -> new LongValue(items.size());
            case SUM -> sum(items);
            case AVG -> avg(items);
            case MIN, MAX -> extreme(items, kind == Kind.MAX);
            default -> {
                ArrayValue out = new ArrayValue(items.size());
                items.forEach(out::add);
                yield out;
            }
        };
    }

    private static FieldValue sum(List<FieldValue> items) {
        SqlType.Kind type = null;
        long l = 0;
        double d = 0;
        BigDecimal n = BigDecimal.ZERO;
        for (FieldValue v : items) {
            if (!v.isNumeric()) {
                continue;
            }
            SqlType.Kind k = v.isInteger() || v.isLong() ? SqlType.Kind.LONG : v.isDouble() ? SqlType.Kind.DOUBLE
                : SqlType.Kind.NUMBER;
            type = type == null ? k : Arithmetic.widest(type, k);
            l += v.isInteger() || v.isLong() ? v.getLong() : 0;
            d += v.castAsDouble();
            n = n.add(Arithmetic.decimal(v), Arithmetic.MATH);
        }
        if (type == null) {
            return NullValue.getInstance();
        }
        return switch (type) {
            case LONG -> new LongValue(l);
            case DOUBLE -> new DoubleValue(d);
            default -> new NumberValue(n);
        };
    }

    private static FieldValue avg(List<FieldValue> items) {
        List<FieldValue> numbers = items.stream().filter(FieldValue::isNumeric).toList();
        if (numbers.isEmpty()) {
            return NullValue.getInstance();
        }
        FieldValue total = sum(numbers);
        if (total.isNumber()) {
            return new NumberValue(total.getNumber().divide(BigDecimal.valueOf(numbers.size()), Arithmetic.MATH));
        }
        return new DoubleValue(total.castAsDouble() / numbers.size());
    }

    private static FieldValue extreme(List<FieldValue> items, boolean max) {
        FieldValue best = null;
        for (FieldValue v : items) {
            if (v.isJsonNull() || v.isMap() || v.isArray()) {
                continue;
            }
            if (best == null || (ValueOrder.compare(v, best) > 0) == max && ValueOrder.compare(v, best) != 0) {
                best = v;
            }
        }
        return best == null ? NullValue.getInstance() : best;
    }
}
