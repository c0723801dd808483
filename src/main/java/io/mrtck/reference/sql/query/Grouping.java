package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Evaluator;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.ValueOrder;
import oracle.nosql.driver.values.FieldValue;

/**
 * GROUP BY (and DISTINCT): the rows fall into groups of equal grouping values (numbers of any kind
 * by value, SQL NULL and JSON null each a group of their own); a row whose grouping expression
 * returns nothing belongs to no group. Aggregates without GROUP BY make one group of all rows.
 */
final class Grouping {

    private Grouping() {
    }

    /** One context per group, its aggregates ranging over the group's rows. */
    static List<EvalContext> groups(List<Expr> keys, List<EvalContext> rows, EvalContext base) {
        if (keys.isEmpty()) {
            EvalContext first = rows.isEmpty() ? base : rows.get(0);
            return List.of(first.withGroup(rows));
        }
        List<List<FieldValue>> groupKeys = new ArrayList<>();
        List<List<EvalContext>> members = new ArrayList<>();
        for (EvalContext ctx : rows) {
            List<FieldValue> key = key(keys, ctx);
            if (key == null) {
                continue;
            }
            int at = -1;
            for (int i = 0; i < groupKeys.size() && at < 0; i++) {
                if (same(groupKeys.get(i), key)) {
                    at = i;
                }
            }
            if (at < 0) {
                groupKeys.add(key);
                members.add(new ArrayList<>());
                at = members.size() - 1;
            }
            members.get(at).add(ctx);
        }
        List<EvalContext> out = new ArrayList<>();
        for (List<EvalContext> group : members) {
            out.add(group.get(0).withGroup(group));
        }
        return out;
    }

    /** The grouping values of a row; null when one returns nothing. */
    private static List<FieldValue> key(List<Expr> keys, EvalContext ctx) {
        List<FieldValue> key = new ArrayList<>(keys.size());
        for (Expr g : keys) {
            List<FieldValue> v = Evaluator.eval(g, ctx);
            if (v.isEmpty()) {
                return null;
            }
            key.add(v.size() == 1 ? v.get(0) : Evaluator.arrayOf(v, null));
        }
        return key;
    }

    private static boolean same(List<FieldValue> a, List<FieldValue> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!ValueOrder.same(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
