package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antlr.v4.runtime.ParserRuleContext;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.mr.CounterPaths;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.schema.FieldType;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.store.StoreTxn;

/**
 * Checks a query/DML parse tree against the catalog and compiles it into a
 * {@link QueryPlan}. Expressions are built in text order so that positional {@code ?}
 * markers are numbered as they appear.
 */
final class QueryPlanner {
    private final StoreTxn txn;

    QueryPlanner(StoreTxn txn) {
        this.txn = txn;
    }

    QueryPlan plan(StatementContext ctx) {
        if (ctx.query() != null) {
            return select(ctx.query().sfw_expr(), declared(ctx.query().prolog()));
        }
        if (ctx.insert_statement() != null) {
            return insert(ctx.insert_statement(), declared(ctx.insert_statement().prolog()));
        }
        if (ctx.update_statement() != null) {
            return update(ctx.update_statement(), declared(ctx.update_statement().prolog()));
        }
        return delete(ctx.delete_statement(), declared(ctx.delete_statement().prolog()));
    }

    /** The kind of a query or DML statement; null for any other statement. */
    static QueryKind kind(StatementContext ctx) {
        if (ctx.query() != null) return QueryKind.SELECT;
        if (ctx.insert_statement() != null) return QueryKind.INSERT;
        if (ctx.update_statement() != null) return QueryKind.UPDATE;
        if (ctx.delete_statement() != null) return QueryKind.DELETE;
        return null;
    }

    private static Map<String, FieldType> declared(PrologContext ctx) {
        Map<String, FieldType> declared = new LinkedHashMap<>();
        if (ctx != null) {
            for (Var_declContext v : ctx.var_decl()) {
                declared.put(v.VARNAME().getText(), TypeDefReader.variableType(v.type_def()));
            }
        }
        return declared;
    }

    TableSchema table(Table_nameContext ctx) {
        TableName tn = TableName.of(ctx);
        // The catalog keys tables by name; a namespace in the statement must be the table's.
        return txn.table(tn.name())
            .filter(t -> tn.namespace() == null || tn.namespace().equalsIgnoreCase(t.namespace()))
            .orElseThrow(() -> RequestException.tableNotFound(
                tn.namespace() == null ? tn.name() : tn.namespace() + ":" + tn.name()));
    }

    private static Scope scope(TableSchema t, Tab_aliasContext alias) {
        if (alias == null) {
            return new Scope(t, null, null);
        }
        if (alias.VARNAME() != null) {
            String var = alias.VARNAME().getText();
            // A row variable also works as a table alias without its $.
            return new Scope(t, var.substring(1), var);
        }
        return new Scope(t, alias.id().getText(), null);
    }

    /** The one table of a FROM clause; joins, NESTED TABLES and UNNEST are not supported yet. */
    private static Aliased_table_nameContext onlyTable(From_clauseContext ctx) {
        if (ctx.table_spec().size() > 1 || !ctx.expr().isEmpty() || !ctx.unnest_clause().isEmpty()) {
            throw StatementError.notSupported("A FROM clause with more than one table, expression or UNNEST");
        }
        Table_specContext spec = ctx.table_spec(0);
        if (spec.nested_tables() != null) {
            throw StatementError.notSupported("NESTED TABLES");
        }
        if (spec.left_outer_join_tables() != null) {
            throw StatementError.notSupported("LEFT OUTER JOIN");
        }
        if (spec.from_table().ON() != null) {
            throw StatementError.notSupported("ON in a FROM clause without a join");
        }
        return spec.from_table().aliased_table_name();
    }

    private QueryPlan select(Sfw_exprContext ctx, Map<String, FieldType> declared) {
        Aliased_table_nameContext from = onlyTable(ctx.from_clause());
        TableSchema t = table(from.table_name());
        ExprBuilder b = new ExprBuilder(scope(t, from.tab_alias()));
        QueryPlan.Output output = output(b, ctx.select_clause().select_list());
        Expr where = ctx.where_clause() == null ? null : b.build(ctx.where_clause().expr());
        List<Expr> groupBy = new ArrayList<>();
        if (ctx.groupby_clause() != null) {
            ctx.groupby_clause().expr().forEach(e -> groupBy.add(b.build(e)));
        }
        List<QueryPlan.OrderKey> orderBy = new ArrayList<>();
        if (ctx.orderby_clause() != null) {
            Orderby_clauseContext o = ctx.orderby_clause();
            for (int i = 0; i < o.expr().size(); i++) {
                Sort_specContext sort = o.sort_spec(i);
                boolean desc = sort.DESC() != null;
                boolean nullsFirst = sort.NULLS() != null ? sort.FIRST() != null : desc;
                orderBy.add(new QueryPlan.OrderKey(b.build(o.expr(i)), desc, nullsFirst));
            }
        }
        Expr limit = ctx.limit_clause() == null ? null : b.add(ctx.limit_clause().add_expr());
        Expr offset = ctx.offset_clause() == null ? null : b.add(ctx.offset_clause().add_expr());
        boolean aggregating = !groupBy.isEmpty()
            || output.items().stream().anyMatch(p -> Expr.hasAggregate(p.expr()));
        if (aggregating) {
            if (output.star()) {
                throw RequestException.illegalArgument("SELECT * cannot be used with GROUP BY");
            }
            for (QueryPlan.Projection p : output.items()) {
                if (!grouped(p.expr(), groupBy)) {
                    throw RequestException.illegalArgument("Expression " + p.name()
                        + " in the SELECT list is neither a grouping expression nor an aggregate");
                }
            }
        }
        if (where != null && Expr.hasAggregate(where)) {
            throw RequestException.illegalArgument("Aggregate functions are not allowed in WHERE");
        }
        return new QueryPlan.Select(t.name(), declared, output, where, groupBy, orderBy, limit, offset,
            aggregating, keyPrefix(t, where));
    }

    /** Whether every column the expression reads is under a grouping expression or an aggregate. */
    private static boolean grouped(Expr e, List<Expr> groupBy) {
        if (groupBy.contains(e) || e instanceof Expr.Aggregate) {
            return true;
        }
        if (e instanceof Expr.Column || e instanceof Expr.RowRef) {
            return false;
        }
        return Expr.children(e).stream().allMatch(c -> grouped(c, groupBy));
    }

    /**
     * A SELECT or RETURNING list: {@code *}, or items named by their alias, else by the last
     * step of their path, else Column_n. Optimizer hints change no result and are ignored.
     */
    private static QueryPlan.Output output(ExprBuilder b, Select_listContext ctx) {
        if (ctx.DISTINCT() != null) {
            throw StatementError.notSupported("SELECT DISTINCT");
        }
        if (ctx.STAR() != null) {
            return new QueryPlan.Output(true, List.of());
        }
        List<QueryPlan.Projection> out = new ArrayList<>();
        for (int i = 0; i < ctx.expr().size(); i++) {
            Expr e = b.build(ctx.expr(i));
            Col_aliasContext alias = ctx.col_alias(i);
            String name;
            if (alias.id() != null) {
                name = alias.id().getText();
            } else if (e instanceof Expr.Column c) {
                name = c.name();
            } else if (e instanceof Expr.Field f) {
                name = f.name();
            } else {
                name = "Column_" + (i + 1);
            }
            out.add(new QueryPlan.Projection(name, e));
        }
        return new QueryPlan.Output(false, out);
    }

    private static QueryPlan.Output returning(ExprBuilder b, Select_listContext ctx) {
        return ctx == null ? null : output(b, ctx);
    }

    /** SET TTL n HOURS|DAYS or USING TABLE DEFAULT (insert_ttl_clause and ttl_clause alike). */
    private static QueryPlan.TtlSpec ttl(ExprBuilder b, ParserRuleContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx.getToken(SqlParser.USING, 0) != null) {
            return new QueryPlan.TtlSpec(null, null, true);
        }
        return new QueryPlan.TtlSpec(b.add(ctx.getRuleContext(Add_exprContext.class, 0)),
            ctx.getToken(SqlParser.HOURS, 0) != null ? TimeToLive.Unit.HOURS : TimeToLive.Unit.DAYS, false);
    }

    private QueryPlan insert(Insert_statementContext ctx, Map<String, FieldType> declared) {
        TableSchema t = table(ctx.table_name());
        ExprBuilder b = new ExprBuilder(new Scope(t, null, null));
        List<String> columns = new ArrayList<>();
        if (ctx.insert_label().isEmpty()) {
            t.fields().forEach(f -> columns.add(f.name()));
        } else {
            for (Insert_labelContext label : ctx.insert_label()) {
                String given = label.string() != null ? StatementParser.text(label.string()) : label.id().getText();
                String col = new Scope(t, null, null).column(given).name();
                if (columns.contains(col)) {
                    throw RequestException.illegalArgument("Column " + col + " is given twice");
                }
                columns.add(col);
            }
        }
        List<Insert_clauseContext> given = ctx.insert_clause();
        if (given.size() > columns.size()) {
            throw StatementError.at(given.get(columns.size()),
                "Insert statements contains more VALUES expressions than the number of specified columns");
        }
        if (given.size() < columns.size()) {
            throw RequestException.illegalArgument("INSERT into " + t.name() + " gives "
                + given.size() + " values for " + columns.size() + " columns");
        }
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Insert_clauseContext v = given.get(i);
            FieldDef col = t.field(columns.get(i)).orElseThrow();
            if (v.DEFAULT() != null) {
                values.add(null);
            } else if (col.mrCounter()) {
                throw StatementError.at(v, "MR_Counter column must use DEFAULT construct.");
            } else {
                values.add(b.build(v.expr()));
            }
        }
        QueryPlan.TtlSpec ttl = ttl(b, ctx.insert_ttl_clause());
        Scope rowScope = scope(t, ctx.tab_alias());
        Insert_returning_clauseContext ret = ctx.insert_returning_clause();
        return new QueryPlan.Insert(t.name(), declared, ctx.UPSERT() != null, columns, values, ttl,
            returning(new ExprBuilder(rowScope), ret == null ? null : ret.select_list()));
    }

    private QueryPlan update(Update_statementContext ctx, Map<String, FieldType> declared) {
        TableSchema t = table(ctx.table_name());
        ExprBuilder b = new ExprBuilder(scope(t, ctx.tab_alias()));
        List<QueryPlan.UpdateOp> ops = new ArrayList<>();
        QueryPlan.TtlSpec[] ttl = {null};
        for (Update_clauseContext clause : ctx.update_clause()) {
            updateClause(t, b, clause, ops, ttl);
        }
        Expr where = b.build(ctx.expr());
        List<Expr> key = keyEqualities(t, where);
        Update_returning_clauseContext ret = ctx.update_returning_clause();
        return new QueryPlan.Update(t.name(), declared, ops, ttl[0], where, key,
            returning(b, ret == null ? null : ret.select_list()));
    }

    /**
     * One clause keyword with its targets, in text order; a clause can hold the next clauses
     * ({@code SET a = 1, b = 2, ADD c 3} nests ADD under SET).
     */
    private void updateClause(TableSchema t, ExprBuilder b, Update_clauseContext ctx,
                              List<QueryPlan.UpdateOp> ops, QueryPlan.TtlSpec[] ttl) {
        for (ParserRuleContext part : ctx.getRuleContexts(ParserRuleContext.class)) {
            if (part instanceof Update_clauseContext nested) {
                updateClause(t, b, nested, ops, ttl);
            } else if (part instanceof Ttl_clauseContext tc) {
                ttl[0] = ttl(b, tc);
            } else if (part instanceof Set_clauseContext s) {
                Expr target = target(b.path(s.target_expr().path_expr()), t, s);
                Expr value = b.build(s.expr());
                checkCounterUpdate(t, target, value, s);
                ops.add(new QueryPlan.SetOp(target, value));
            } else if (part instanceof Add_clauseContext a) {
                Expr target = target(b.path(a.target_expr().path_expr()), t, a);
                checkNoCounterPatch(t, target, "ADD");
                Expr position = a.pos_expr() == null ? null : b.add(a.pos_expr().add_expr());
                ops.add(new QueryPlan.AddOp(target, position, b.build(a.expr())));
            } else if (part instanceof Put_clauseContext p) {
                Expr target = target(b.path(p.target_expr().path_expr()), t, p);
                checkNoCounterPatch(t, target, "PUT");
                ops.add(new QueryPlan.PutOp(target, b.build(p.expr())));
            } else if (part instanceof Remove_clauseContext r) {
                Expr target = target(b.path(r.target_expr().path_expr()), t, r);
                if (target instanceof Expr.Column) {
                    throw StatementError.at(r, "Cannot remove fields from records.");
                }
                checkNoCounterPatch(t, target, "REMOVE");
                ops.add(new QueryPlan.RemoveOp(target));
            } else {
                throw StatementError.notSupported("JSON MERGE ... WITH PATCH");
            }
        }
    }

    /**
     * UPDATE works on one row: its WHERE must give every primary-key column with an
     * equality to a value that does not read the row ({@code id = 1 AND k = $k}).
     */
    private static List<Expr> keyEqualities(TableSchema t, Expr where) {
        Map<String, Expr> given = keyColumnEqualities(t, where);
        List<Expr> key = new ArrayList<>();
        for (String k : t.primaryKey()) {
            Expr e = given.get(k.toLowerCase(java.util.Locale.ROOT));
            if (e == null) {
                throw RequestException.illegalArgument("The WHERE clause of an UPDATE must give the complete"
                    + " primary key of table " + t.name() + " " + t.primaryKey() + " with equalities; missing: " + k);
            }
            key.add(e);
        }
        return key;
    }

    /**
     * The longest primary-key prefix fixed by top-level equality conjuncts of the WHERE
     * ({@code a = 1 AND b = $b AND x > 3} on key (a, b, c) gives [1, $b]); empty if none.
     */
    static List<Expr> keyPrefix(TableSchema t, Expr where) {
        Map<String, Expr> given = keyColumnEqualities(t, where);
        List<Expr> prefix = new ArrayList<>();
        for (String k : t.primaryKey()) {
            Expr e = given.get(k.toLowerCase(java.util.Locale.ROOT));
            if (e == null) {
                break;
            }
            prefix.add(e);
        }
        return List.copyOf(prefix);
    }

    /** Key column (lower-case) to the row-independent expression a top-level conjunct equates it with. */
    private static Map<String, Expr> keyColumnEqualities(TableSchema t, Expr where) {
        List<Expr> conjuncts = where == null ? List.of()
            : where instanceof Expr.And a ? a.operands() : List.of(where);
        Map<String, Expr> given = new java.util.HashMap<>();
        for (Expr c : conjuncts) {
            if (c instanceof Expr.Compare cmp && cmp.op().equals("=")) {
                if (cmp.left() instanceof Expr.Column col && t.isPrimaryKey(col.name()) && !readsRow(cmp.right())) {
                    given.put(col.name().toLowerCase(Locale.ROOT), cmp.right());
                } else if (cmp.right() instanceof Expr.Column col && t.isPrimaryKey(col.name())
                    && !readsRow(cmp.left())) {
                    given.put(col.name().toLowerCase(Locale.ROOT), cmp.left());
                }
            }
        }
        return given;
    }

    private static boolean readsRow(Expr e) {
        return e instanceof Expr.Column || e instanceof Expr.RowRef
            || Expr.children(e).stream().anyMatch(QueryPlanner::readsRow);
    }

    /** An update target must be a column or a path inside one; key columns cannot change. */
    private static Expr target(Expr target, TableSchema t, ParserRuleContext clause) {
        Expr root = target;
        while (root instanceof Expr.Field || root instanceof Expr.Index) {
            root = root instanceof Expr.Field f ? f.base() : ((Expr.Index) root).base();
        }
        if (!(root instanceof Expr.Column c)) {
            throw RequestException.illegalArgument("The target of an update clause must be a column"
                + " or a path inside a column");
        }
        if (t.isPrimaryKey(c.name())) {
            throw StatementError.at(clause, "Cannot update a primary key column");
        }
        return target;
    }

    /**
     * A counter (a counter column or a counter field inside a JSON column) can only move
     * by a delta: {@code c = c + n} or {@code c = c - n}.
     */
    private static void checkCounterUpdate(TableSchema t, Expr target, Expr value, Set_clauseContext clause) {
        String path = counterPath(t, target);
        if (path == null) {
            return;
        }
        boolean delta = value instanceof Expr.Arith a
            && ((a.op() == '+' && (target.equals(a.left()) || target.equals(a.right())))
                || (a.op() == '-' && target.equals(a.left())));
        if (!delta) {
            throw StatementError.at(clause, "Path " + path + " is an MR counter, which can only be incremented or"
                + " decremented. Use an expression of the form \"$ + <expr>\" or \"$ - <expr>\" at the right of"
                + " the SET clause.");
        }
    }

    /** PUT (a JSON merge patch), ADD and REMOVE must not touch counters or what holds them. */
    private static void checkNoCounterPatch(TableSchema t, Expr target, String what) {
        String path = pathOf(target);
        if (path == null) {
            return;
        }
        for (CounterPaths.Counter c : CounterPaths.of(t)) {
            String p = c.path().toLowerCase(Locale.ROOT);
            String q = path.toLowerCase(Locale.ROOT);
            if (p.equals(q) || p.startsWith(q + ".")) {
                throw RequestException.illegalArgument(what + " on " + path + " would change MR_COUNTER "
                    + c.path() + "; counters can only be incremented or decremented");
            }
        }
    }

    /** The counter path the target names, or null when it is not a counter. */
    private static String counterPath(TableSchema t, Expr target) {
        String path = pathOf(target);
        if (path == null) {
            return null;
        }
        return CounterPaths.of(t).stream().map(CounterPaths.Counter::path)
            .filter(p -> p.equalsIgnoreCase(path)).findFirst().orElse(null);
    }

    /** {@code col} or {@code col.a.b} for column and field steps; null for anything else. */
    private static String pathOf(Expr e) {
        if (e instanceof Expr.Column c) {
            return c.name();
        }
        if (e instanceof Expr.Field f) {
            String base = pathOf(f.base());
            return base == null ? null : base + "." + f.name();
        }
        return null;
    }

    private QueryPlan delete(Delete_statementContext ctx, Map<String, FieldType> declared) {
        TableSchema t = table(ctx.table_name());
        ExprBuilder b = new ExprBuilder(scope(t, ctx.tab_alias()));
        Expr where = ctx.expr() == null ? null : b.build(ctx.expr());
        Delete_returning_clauseContext ret = ctx.delete_returning_clause();
        return new QueryPlan.Delete(t.name(), declared, where, returning(b, ret == null ? null : ret.select_list()),
            keyPrefix(t, where));
    }
}
