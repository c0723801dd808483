package io.mrtck.reference.sql.functions;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.expr.Aggregates;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlType;
import io.mrtck.reference.sql.expr.ValueOrder;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;

/**
 * Functions over a whole sequence: size of an array or map, seq_concat, seq_count, the
 * sequence aggregates seq_sum/seq_avg/seq_min/seq_max (as the aggregate functions, SQL NULLs
 * skipped), seq_distinct and seq_sort.
 */
final class SequenceFunctions {

    private SequenceFunctions() {
    }

    static void register() {
        BuiltIn.register("size", 1, 1, SeqType.optional(SqlType.INTEGER), (args, call) -> {
            List<FieldValue> v = args.get(0);
            if (v.isEmpty()) {
                return List.of();
            }
            FieldValue item = v.get(0);
            if (item.isNull()) {
                return BuiltIn.sqlNull();
            }
            if (item.isArray()) {
                return BuiltIn.one(new IntegerValue(item.asArray().size()));
            }
            if (item.isMap()) {
                return BuiltIn.one(new IntegerValue(item.asMap().size()));
            }
            throw StatementError.at(call.at(), "Input to the size() function has wrong type\n"
                + "Expected a complex item. Actual item type is:\n" + SqlType.ddlOf(item, call.argType(0)));
        });
        BuiltIn.register("seq_concat", 0, Integer.MAX_VALUE, (args, at) -> {
            SqlType t = SqlType.EMPTY;
            for (Expr a : args) {
                t = t.union(a.type().item());
            }
            return SeqType.star(t);
        }, (args, call) -> {
            List<FieldValue> out = new ArrayList<>();
            args.forEach(out::addAll);
            return out;
        });
        BuiltIn.register("seq_count", 1, 1, SeqType.one(SqlType.LONG),
            (args, call) -> BuiltIn.one(new LongValue(args.get(0).stream().filter(v -> !v.isNull()).count())));
        aggregate("seq_sum", Aggregates.Kind.SUM);
        aggregate("seq_avg", Aggregates.Kind.AVG);
        aggregate("seq_min", Aggregates.Kind.MIN);
        aggregate("seq_max", Aggregates.Kind.MAX);
        BuiltIn.register("seq_distinct", 1, 1, (args, at) -> SeqType.star(args.get(0).type().item()), (args, call) -> {
            List<FieldValue> out = new ArrayList<>();
            for (FieldValue v : args.get(0)) {
                if (out.stream().noneMatch(x -> ValueOrder.same(x, v))) {
                    out.add(v);
                }
            }
            return out;
        });
        BuiltIn.register("seq_sort", 1, 1, (args, at) -> SeqType.star(args.get(0).type().item()), (args, call) -> {
            List<FieldValue> out = new ArrayList<>(args.get(0));
            out.sort((a, b) -> ValueOrder.sort(a, b, false, false));
            return out;
        });
    }

    /** A sequence aggregate: the aggregate function over the items of its one argument. */
    private static void aggregate(String name, Aggregates.Kind kind) {
        BuiltIn.register(name, 1, 1, (args, at) -> Aggregates.check(kind, args.get(0), at),
            (args, call) -> BuiltIn.one(Aggregates.over(kind, args.get(0))));
    }
}
