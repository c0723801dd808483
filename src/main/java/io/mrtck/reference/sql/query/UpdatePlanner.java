package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.antlr.v4.runtime.ParserRuleContext;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.mr.CounterPaths;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlType;

/**
 * Compiles an UPDATE: its clauses in text order (a clause keyword may be followed by several
 * targets), each target a path from a column of the table; a primary-key column cannot be a
 * target, nor can a whole column be removed; an MR counter moves only by {@code $ + n} or
 * {@code $ - n}; the WHERE must give the complete shard key.
 */
final class UpdatePlanner {

    private UpdatePlanner() {
    }

    static QueryPlan plan(QueryPlanner planner, Update_statementContext ctx, Map<String, SeqType> declared) {
        TableSchema t = planner.table(ctx.table_name());
        Scope scope = new Scope(declared).allowUndeclaredVariables();
        scope.add(QueryPlanner.fromTable(t, ctx.tab_alias()));
        ExprBuilder b = new ExprBuilder(scope);
        List<QueryPlan.UpdateOp> ops = new ArrayList<>();
        QueryPlan.TtlSpec[] ttl = {null};
        for (Update_clauseContext clause : ctx.update_clause()) {
            clause(t, b, clause, ops, ttl);
        }
        Expr where = ExprBuilder.condition(b.build(ctx.expr()));
        List<Expr> keyPrefix = QueryPlanner.keyPrefix(t, where);
        if (keyPrefix.size() < t.shardKeyCount()) {
            throw RequestException.illegalArgument("Error: A complete shard key must be specified in the WHERE clause.");
        }
        Update_returning_clauseContext ret = ctx.update_returning_clause();
        return new QueryPlan.Update(t.name(), declared, ops, ttl[0], where, keyPrefix,
            QueryPlanner.returning(b, ret == null ? null : ret.select_list()));
    }

    /** One clause keyword with its targets; a clause can hold the next clauses ({@code SET a = 1, ADD c 3}). */
    private static void clause(TableSchema t, ExprBuilder b, Update_clauseContext ctx, List<QueryPlan.UpdateOp> ops,
                               QueryPlan.TtlSpec[] ttl) {
        for (ParserRuleContext part : ctx.getRuleContexts(ParserRuleContext.class)) {
            if (part instanceof Update_clauseContext nested) {
                clause(t, b, nested, ops, ttl);
            } else if (part instanceof Ttl_clauseContext tc) {
                ttl[0] = QueryPlanner.ttl(b, tc);
            } else if (part instanceof Set_clauseContext s) {
                Expr target = target(b, s.target_expr(), t, s);
                Expr value = b.buildWithDollar(s.expr(), target.type().withQuantifier(SqlType.Quantifier.ONE));
                checkCounterDelta(t, target, value, s);
                ops.add(new QueryPlan.UpdateOp(QueryPlan.UpdateKind.SET, target, null, value, ExprBuilder.loc(s)));
            } else if (part instanceof Add_clauseContext a) {
                Expr target = target(b, a.target_expr(), t, a);
                SeqType dollar = target.type().withQuantifier(SqlType.Quantifier.ONE);
                Expr position = null;
                if (a.pos_expr() != null) {
                    position = b.withDollar(dollar, () -> b.add(a.pos_expr().add_expr()));
                }
                Expr value = b.buildWithDollar(a.expr(), dollar);
                ops.add(new QueryPlan.UpdateOp(QueryPlan.UpdateKind.ADD, target, position, value, ExprBuilder.loc(a)));
            } else if (part instanceof Put_clauseContext p) {
                Expr target = target(b, p.target_expr(), t, p);
                Expr value = b.buildWithDollar(p.expr(), target.type().withQuantifier(SqlType.Quantifier.ONE));
                ops.add(new QueryPlan.UpdateOp(QueryPlan.UpdateKind.PUT, target, null, value, ExprBuilder.loc(p)));
            } else if (part instanceof Remove_clauseContext r) {
                Expr target = target(b, r.target_expr(), t, r);
                if (target instanceof Expr.Column) {
                    throw StatementError.at(r, "Cannot remove fields from records.");
                }
                ops.add(new QueryPlan.UpdateOp(QueryPlan.UpdateKind.REMOVE, target, null, null, ExprBuilder.loc(r)));
            } else if (part instanceof Json_merge_patch_clauseContext m) {
                Expr target = target(b, m.target_expr(), t, m);
                ops.add(new QueryPlan.UpdateOp(QueryPlan.UpdateKind.MERGE_PATCH, target, null,
                    b.patch(m.json_patch_expr()), ExprBuilder.loc(m)));
            }
        }
    }

    /** An update target: a path from a column of the table, not a primary-key column. */
    private static Expr target(ExprBuilder b, Target_exprContext ctx, TableSchema t, ParserRuleContext clause) {
        Expr target = b.path(ctx.path_expr());
        Expr root = target;
        while (!(root instanceof Expr.Column)) {
            List<Expr> children = Expr.children(root);
            if (children.isEmpty() || root instanceof Expr.Call || root instanceof Expr.Arith) {
                throw StatementError.at(ctx, "The target expression of an update clause must be a path expression"
                    + " on a column of the table");
            }
            root = children.get(0);
        }
        if (t.isPrimaryKey(((Expr.Column) root).name())) {
            throw StatementError.at(clause, "Cannot update a primary key column");
        }
        return target;
    }

    /**
     * A counter (a counter column or a counter field inside a JSON column) can only move by a
     * delta: {@code $ + n} or {@code $ - n}, the target standing for {@code $}.
     */
    private static void checkCounterDelta(TableSchema t, Expr target, Expr value, Set_clauseContext clause) {
        String path = counterPath(t, target);
        if (path == null) {
            return;
        }
        boolean delta = value instanceof Expr.Arith a && a.additive() && a.args().size() == 2
            && (a.args().get(0) instanceof Expr.Var v && v.name().equals("$") || Expr.sameAs(a.args().get(0), target));
        if (!delta) {
            throw StatementError.at(clause, "Path " + path + " is an MR counter, which can only be incremented or"
                + " decremented. Use an expression of the form \"$ + <expr>\" or \"$ - <expr>\" at the right of"
                + " the SET clause.");
        }
    }

    /** The counter the target names ({@code cnt}, {@code doc.hits}), or null when it is not a counter. */
    static String counterPath(TableSchema t, Expr target) {
        String path = pathOf(target);
        if (path == null) {
            return null;
        }
        for (CounterPaths.Counter c : CounterPaths.of(t)) {
            if (c.path().equalsIgnoreCase(path)) {
                return path;
            }
        }
        return null;
    }

    /** {@code col} or {@code col.a.b} for a column and its field steps; null for anything else. */
    static String pathOf(Expr e) {
        if (e instanceof Expr.Column c) {
            return c.name();
        }
        if (e instanceof Expr.FieldStep f) {
            String base = pathOf(f.input());
            return base == null ? null : base + "." + f.name();
        }
        return null;
    }
}
