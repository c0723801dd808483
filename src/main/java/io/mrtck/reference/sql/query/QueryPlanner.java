package io.mrtck.reference.sql.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antlr.v4.runtime.ParserRuleContext;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.TableSchema;
import io.mrtck.reference.schema.TimeToLive;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.sql.SqlParser;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.StatementParser;
import io.mrtck.reference.sql.TableName;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlType;
import io.mrtck.reference.store.StoreTxn;

/**
 * Checks a query/DML parse tree against the catalog and compiles it into a {@link QueryPlan}, with
 * the real translator's checks and messages: the select list's column names (alias, last field
 * step, or {@code Column_<position>}) and their order in result rows, grouping rules, UPDATE's
 * targets and counter rules, INSERT's values.
 */
public final class QueryPlanner {
    private static final String NOT_GROUPED = "Invalid expression in SELECT or ORDER-BY clause. When a SELECT"
        + " expression includes grouping, expressions in the SELECT and ORDER-BY clauses must reference grouping"
        + " expressions, aggregate functions or external variable only.";

    private final StoreTxn txn;

    public QueryPlanner(StoreTxn txn) {
        this.txn = txn;
    }

    /** The statement checked and compiled, with its table as the catalog names it. */
    public PreparedQuery prepare(String statement, StatementContext ctx) {
        QueryPlan plan = plan(ctx);
        TableSchema t = txn.table(plan.table()).orElseThrow();
        return new PreparedQuery(statement, t.name(), t.namespace(), kind(ctx), plan);
    }

    private QueryPlan plan(StatementContext ctx) {
        if (ctx.query() != null) {
            return select(ctx.query().sfw_expr(), declared(ctx.query().prolog()));
        }
        if (ctx.insert_statement() != null) {
            return insert(ctx.insert_statement(), declared(ctx.insert_statement().prolog()));
        }
        if (ctx.update_statement() != null) {
            return UpdatePlanner.plan(this, ctx.update_statement(), declared(ctx.update_statement().prolog()));
        }
        return delete(ctx.delete_statement(), declared(ctx.delete_statement().prolog()));
    }

    /** The kind of a query or DML statement; null for any other statement. */
    public static QueryKind kind(StatementContext ctx) {
        if (ctx.query() != null) return QueryKind.SELECT;
        if (ctx.insert_statement() != null) return QueryKind.INSERT;
        if (ctx.update_statement() != null) return QueryKind.UPDATE;
        if (ctx.delete_statement() != null) return QueryKind.DELETE;
        return null;
    }

    private static Map<String, SeqType> declared(PrologContext ctx) {
        Map<String, SeqType> declared = new LinkedHashMap<>();
        if (ctx != null) {
            for (Var_declContext v : ctx.var_decl()) {
                declared.put(v.VARNAME().getText(), SeqType.one(ExprBuilder.type(v.type_def())));
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

    /** A FROM table with its alias: {@code t}, {@code t x}, {@code t $x} (a row variable, also alias x). */
    static Scope.Table fromTable(TableSchema t, Tab_aliasContext alias) {
        if (alias == null) {
            return new Scope.Table(t, null, null);
        }
        if (alias.VARNAME() != null) {
            String var = alias.VARNAME().getText();
            return new Scope.Table(t, var.substring(1), var);
        }
        return new Scope.Table(t, alias.id().getText(), null);
    }

    // ------------------------------------------------------------------ SELECT

    private QueryPlan select(Sfw_exprContext ctx, Map<String, SeqType> declared) {
        Scope scope = new Scope(declared);
        ExprBuilder b = new ExprBuilder(scope);
        FromBuilder from = new FromBuilder(this, scope);
        from.tables(ctx.from_clause());
        List<QueryPlan.FromVariable> variables = from.variables(b, ctx.from_clause());

        Select_listContext list = ctx.select_clause().select_list();
        b.clause(ExprBuilder.Clause.SELECT);
        List<Expr> items = new ArrayList<>();
        if (list.STAR() == null) {
            list.expr().forEach(e -> items.add(b.build(e)));
        }
        b.clause(ExprBuilder.Clause.OTHER);
        QueryPlan.From joins = from.joins(b);
        // SELECT * over several tables: one column per table, named by its alias, holding its row.
        boolean star = list.STAR() != null && joins.single();
        List<String> starNames = new ArrayList<>();
        if (list.STAR() != null && !joins.single()) {
            for (int i = 0; i < scope.tables().size(); i++) {
                Scope.Table st = scope.table(i);
                starNames.add(st.alias() != null ? st.alias() : st.schema().name());
                items.add(new Expr.RowRef(i, SeqType.one(SqlType.ANY), ExprBuilder.loc(list)));
            }
        }
        Expr where = ctx.where_clause() == null ? null : ExprBuilder.condition(b.build(ctx.where_clause().expr()));
        List<Expr> groupBy = new ArrayList<>();
        if (ctx.groupby_clause() != null) {
            ctx.groupby_clause().expr().forEach(e -> groupBy.add(b.build(e)));
        }
        List<QueryPlan.OrderKey> orderBy = new ArrayList<>();
        if (ctx.orderby_clause() != null) {
            b.clause(ExprBuilder.Clause.ORDER_BY);
            Orderby_clauseContext o = ctx.orderby_clause();
            for (int i = 0; i < o.expr().size(); i++) {
                Sort_specContext sort = o.sort_spec(i);
                boolean desc = sort.DESC() != null;
                boolean nullsFirst = sort.NULLS() != null ? sort.FIRST() != null : desc;
                orderBy.add(new QueryPlan.OrderKey(b.build(o.expr(i)), desc, nullsFirst));
            }
            b.clause(ExprBuilder.Clause.OTHER);
        }
        Expr limit = ctx.limit_clause() == null ? null : b.add(ctx.limit_clause().add_expr());
        Expr offset = ctx.offset_clause() == null ? null : b.add(ctx.offset_clause().add_expr());

        boolean distinct = list.DISTINCT() != null;
        boolean grouping = !groupBy.isEmpty() || items.stream().anyMatch(Expr::hasAggregate)
            || orderBy.stream().anyMatch(k -> Expr.hasAggregate(k.expr()));
        if (grouping) {
            if (list.STAR() != null) {
                throw StatementError.at(list, NOT_GROUPED);
            }
            for (Expr e : items) {
                checkGrouped(e, groupBy);
            }
            for (QueryPlan.OrderKey k : orderBy) {
                checkGrouped(k.expr(), groupBy);
            }
        } else if (distinct && list.STAR() == null) {
            grouping = true;
            groupBy.addAll(items);
        }
        TableSchema target = scope.table(joins.target()).schema();
        List<Expr> keyPrefix = joins.single() ? keyPrefix(target, where) : List.of();
        boolean singleShard = joins.single() && keyPrefix.size() >= target.shardKeyCount();
        boolean hiddenSortColumns = orderBy.stream().anyMatch(k -> items.stream().noneMatch(i -> Expr.sameAs(i, k.expr())));
        boolean driverBuildsRows = !singleShard && (grouping || distinct || hiddenSortColumns);
        QueryPlan.Output output = star ? new QueryPlan.Output(true, List.of(), List.of())
            : !starNames.isEmpty() ? named(items, starNames) : output(items, list, driverBuildsRows);
        return new QueryPlan.Select(target.name(), declared, joins, variables, output, where, groupBy, orderBy,
            limit, offset, grouping, keyPrefix);
    }

    /** Refuses a SELECT or ORDER BY expression that reads the row outside grouping expressions and aggregates. */
    private static void checkGrouped(Expr e, List<Expr> groupBy) {
        Expr bad = ungrouped(e, groupBy);
        if (bad != null) {
            throw StatementError.at(bad.at(), NOT_GROUPED);
        }
    }

    private static Expr ungrouped(Expr e, List<Expr> groupBy) {
        if (e instanceof Expr.Aggregate || groupBy.stream().anyMatch(g -> Expr.sameAs(g, e))) {
            return null;
        }
        if (e instanceof Expr.Column || e instanceof Expr.RowRef || e instanceof Expr.Var) {
            return e;
        }
        for (Expr c : Expr.children(e)) {
            Expr bad = ungrouped(c, groupBy);
            if (bad != null) {
                return bad;
            }
        }
        return null;
    }

    /**
     * A SELECT or RETURNING list: items named by their alias, else by their last field step or
     * column, else {@code Column_<position>}. Where the real SDK's driver builds the result rows
     * (grouping, DISTINCT, or sort keys that are not selected, over the whole table) it puts the
     * columns in a java.util.HashMap, so that is their order; otherwise it is the select order.
     */
    static QueryPlan.Output output(List<Expr> items, Select_listContext ctx, boolean hashedOrder) {
        List<QueryPlan.Projection> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            Expr e = items.get(i);
            Col_aliasContext alias = ctx.col_alias(i);
            String name;
            if (alias.id() != null) {
                name = alias.id().getText();
            } else if (e instanceof Expr.Column c) {
                name = c.name();
            } else if (e instanceof Expr.FieldStep f) {
                name = f.name();
            } else {
                name = "Column_" + (i + 1);
            }
            Integer first = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                throw StatementError.at(ctx.expr(first), "Duplicate column name in SELECT clause: " + name);
            }
            out.add(new QueryPlan.Projection(name, e));
        }
        List<String> order = new ArrayList<>();
        out.forEach(p -> order.add(p.name()));
        if (hashedOrder) {
            Map<String, Boolean> driverRow = new HashMap<>();
            order.forEach(n -> driverRow.put(n, true));
            order.clear();
            order.addAll(driverRow.keySet());
        }
        return new QueryPlan.Output(false, out, order);
    }

    private static QueryPlan.Output named(List<Expr> items, List<String> names) {
        List<QueryPlan.Projection> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(new QueryPlan.Projection(names.get(i), items.get(i)));
        }
        return new QueryPlan.Output(false, out, names);
    }

    /** RETURNING of one-table DML: the row, or the listed expressions in their order. */
    static QueryPlan.Output returning(ExprBuilder b, Select_listContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx.STAR() != null) {
            return new QueryPlan.Output(true, List.of(), List.of());
        }
        List<Expr> items = new ArrayList<>();
        ctx.expr().forEach(e -> items.add(b.build(e)));
        return output(items, ctx, false);
    }

    /** SET TTL n HOURS|DAYS or USING TABLE DEFAULT (insert_ttl_clause and ttl_clause alike). */
    static QueryPlan.TtlSpec ttl(ExprBuilder b, ParserRuleContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx.getToken(SqlParser.USING, 0) != null) {
            return new QueryPlan.TtlSpec(null, null, true);
        }
        Expr amount = ExprBuilder.promote(b.add(ctx.getRuleContext(Add_exprContext.class, 0)),
            SqlType.NUMBER);
        return new QueryPlan.TtlSpec(amount,
            ctx.getToken(SqlParser.HOURS, 0) != null ? TimeToLive.Unit.HOURS : TimeToLive.Unit.DAYS, false);
    }

    /**
     * The longest primary-key prefix of the first table fixed by top-level equality conjuncts of
     * the WHERE ({@code a = 1 AND b = $b AND x > 3} on key (a, b, c) gives [1, $b]); empty if none.
     */
    static List<Expr> keyPrefix(TableSchema t, Expr where) {
        List<Expr> conjuncts = where == null ? List.of()
            : where instanceof Expr.And a ? a.operands() : List.of(where);
        Map<String, Expr> given = new HashMap<>();
        for (Expr c : conjuncts) {
            if (c instanceof Expr.Compare cmp && !cmp.any() && cmp.op().equals("=")) {
                if (cmp.left() instanceof Expr.Column col && col.table() == 0 && t.isPrimaryKey(col.name())
                    && !Expr.readsRow(cmp.right())) {
                    given.put(col.name().toLowerCase(Locale.ROOT), cmp.right());
                } else if (cmp.right() instanceof Expr.Column col && col.table() == 0 && t.isPrimaryKey(col.name())
                    && !Expr.readsRow(cmp.left())) {
                    given.put(col.name().toLowerCase(Locale.ROOT), cmp.left());
                }
            }
        }
        List<Expr> prefix = new ArrayList<>();
        for (String k : t.primaryKey()) {
            Expr e = given.get(k.toLowerCase(Locale.ROOT));
            if (e == null) {
                break;
            }
            prefix.add(e);
        }
        return List.copyOf(prefix);
    }

    // ------------------------------------------------------------------ INSERT / DELETE

    /**
     * INSERT as the real engine compiles it: each VALUES expression is matched to its column as it
     * comes (too many is an error at the extra one), then the count and the primary key are checked
     * for the statement as a whole; the columns left out take their defaults.
     */
    private QueryPlan insert(Insert_statementContext ctx, Map<String, SeqType> declared) {
        TableSchema t = table(ctx.table_name());
        ExprBuilder values = new ExprBuilder(new Scope(declared).allowUndeclaredVariables());
        boolean labelled = !ctx.insert_label().isEmpty();
        List<String> columns = new ArrayList<>();
        if (labelled) {
            for (Insert_labelContext label : ctx.insert_label()) {
                String given = label.string() != null ? StatementParser.text(label.string()) : label.id().getText();
                columns.add(t.field(given).map(io.mrtck.reference.schema.FieldDef::name).orElseThrow(
                    () -> StatementError.at(label, "Table " + t.name() + " does not have a column named " + given)));
            }
        } else {
            t.fields().forEach(f -> columns.add(f.name()));
        }
        List<Insert_clauseContext> given = ctx.insert_clause();
        List<Expr> exprs = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Insert_clauseContext v = given.get(i);
            Expr e = v.DEFAULT() != null ? null : values.build(v.expr());
            if (i >= t.fields().size()) {
                throw StatementError.at(v, "Insert statements contains more VALUES expressions than the number of"
                    + " table columns");
            }
            if (i >= columns.size()) {
                throw StatementError.at(v, "Insert statements contains more VALUES expressions than the number of"
                    + " specified columns");
            }
            io.mrtck.reference.schema.FieldDef col = t.field(columns.get(i)).orElseThrow();
            if (e != null && col.mrCounter()) {
                throw StatementError.at(v, "MR_Counter column must use DEFAULT construct.");
            }
            if (e == null && t.isPrimaryKey(col.name())) {
                throw StatementError.at(v, "There is no default value for primary-key column " + col.name());
            }
            exprs.add(e);
        }
        if (!labelled && given.size() < t.primaryKey().size()) {
            throw StatementError.at(ctx, "The number of VALUES expressions is less than the number of primary key"
                + " table columns");
        }
        if (given.size() != columns.size()) {
            throw StatementError.at(ctx, labelled
                ? "The number of VALUES expressions is not equal to the number of specified table columns"
                : "The number of VALUES expressions is not equal to the number of table columns");
        }
        for (String k : t.primaryKey()) {
            if (columns.stream().noneMatch(k::equalsIgnoreCase)) {
                throw StatementError.at(ctx, "No value specified for primary key column " + k);
            }
        }
        List<String> valued = columns;
        QueryPlan.TtlSpec ttl = ttl(values, ctx.insert_ttl_clause());
        Scope rowScope = new Scope(declared).allowUndeclaredVariables();
        rowScope.add(fromTable(t, ctx.tab_alias()));
        Insert_returning_clauseContext ret = ctx.insert_returning_clause();
        return new QueryPlan.Insert(t.name(), declared, ctx.UPSERT() != null, valued,
            exprs, ttl, returning(new ExprBuilder(rowScope), ret == null ? null : ret.select_list()));
    }

    private QueryPlan delete(Delete_statementContext ctx, Map<String, SeqType> declared) {
        TableSchema t = table(ctx.table_name());
        Scope scope = new Scope(declared);
        scope.add(fromTable(t, ctx.tab_alias()));
        ExprBuilder b = new ExprBuilder(scope);
        Expr where = ctx.expr() == null ? null : ExprBuilder.condition(b.build(ctx.expr()));
        Delete_returning_clauseContext ret = ctx.delete_returning_clause();
        return new QueryPlan.Delete(t.name(), declared, where, returning(b, ret == null ? null : ret.select_list()),
            keyPrefix(t, where));
    }
}
