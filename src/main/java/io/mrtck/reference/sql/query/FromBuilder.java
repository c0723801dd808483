package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SqlType;

/**
 * The FROM clause of a query: one table, NESTED TABLES (a target table with some of its ancestors
 * and descendants) or a LEFT OUTER JOIN of a parent and child tables, then variables bound to the
 * items of expressions ({@code , t.a[] AS $e} or {@code UNNEST(t.a[] AS $e)}).
 */
final class FromBuilder {
    private final QueryPlanner planner;
    private final Scope scope;
    private final List<String> names = new ArrayList<>();
    private final List<From_tableContext> declarations = new ArrayList<>();
    private final List<Integer> ancestors = new ArrayList<>();
    private final List<Integer> descendants = new ArrayList<>();
    private int target;

    FromBuilder(QueryPlanner planner, Scope scope) {
        this.planner = planner;
        this.scope = scope;
    }

    /** Puts the clause's tables in the scope, in the order they are written. */
    void tables(From_clauseContext ctx) {
        if (ctx.table_spec().size() > 1) {
            throw StatementError.notSupported("A FROM clause with more than one table (use NESTED TABLES or"
                + " LEFT OUTER JOIN)");
        }
        Table_specContext spec = ctx.table_spec(0);
        if (spec.from_table() != null) {
            add(spec.from_table());
        } else if (spec.nested_tables() != null) {
            Nested_tablesContext n = spec.nested_tables();
            target = add(n.from_table());
            if (n.ancestor_tables() != null) {
                n.ancestor_tables().from_table().forEach(f -> ancestors.add(add(f)));
            }
            if (n.descendant_tables() != null) {
                n.descendant_tables().from_table().forEach(f -> descendants.add(add(f)));
            }
        } else {
            Left_outer_join_tablesContext j = spec.left_outer_join_tables();
            add(j.from_table());
            j.left_outer_join_table().forEach(t -> descendants.add(add(t.from_table())));
        }
    }

    private int add(From_tableContext f) {
        TableSchema t = planner.table(f.aliased_table_name().table_name());
        names.add(t.name());
        declarations.add(f);
        return scope.add(QueryPlanner.fromTable(t, f.aliased_table_name().tab_alias()));
    }

    /** The FROM variables, each visible to what follows it. */
    List<QueryPlan.FromVariable> variables(ExprBuilder b, From_clauseContext ctx) {
        List<QueryPlan.FromVariable> out = new ArrayList<>();
        List<ExprContext> exprs = ctx.expr();
        int e = 0;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            if (ctx.getChild(i) instanceof ExprContext expr) {
                String name = ctx.getChild(i + 1).getText().equalsIgnoreCase("AS")
                    ? ctx.getChild(i + 2).getText() : ctx.getChild(i + 1).getText();
                out.add(variable(b, name, b.build(expr)));
                e++;
            } else if (ctx.getChild(i) instanceof Unnest_clauseContext u) {
                for (int p = 0; p < u.path_expr().size(); p++) {
                    out.add(variable(b, u.VARNAME(p).getText(), b.path(u.path_expr(p))));
                }
            }
        }
        assert e == exprs.size();
        return out;
    }

    private QueryPlan.FromVariable variable(ExprBuilder b, String name, Expr expr) {
        b.scope().addFromVariable(name, expr.type().withQuantifier(SqlType.Quantifier.ONE));
        return new QueryPlan.FromVariable(name, expr);
    }

    /** The join structure, with each table's ON condition. */
    QueryPlan.From joins(ExprBuilder b) {
        List<Expr> on = new ArrayList<>();
        for (From_tableContext f : declarations) {
            on.add(f.or_expr() == null ? null : b.condition(f.or_expr()));
        }
        if (names.size() > 1 && descendants.isEmpty() && ancestors.isEmpty()) {
            throw StatementError.notSupported("This FROM clause");
        }
        return new QueryPlan.From(List.copyOf(names), target, List.copyOf(ancestors), List.copyOf(descendants), on);
    }
}
