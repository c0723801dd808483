package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    QueryPlan plan(QueryContext ctx) {
        Map<String, FieldType> declared = new LinkedHashMap<>();
        if (ctx.declare() != null) {
            DeclareContext d = ctx.declare();
            for (int i = 0; i < d.VAR().size(); i++) {
                declared.put(d.VAR(i).getText(), TypeDefReader.type(d.typeDef(i)));
            }
        }
        if (ctx.select() != null) return select(ctx.select(), declared);
        if (ctx.insert() != null) return insert(ctx.insert(), declared);
        if (ctx.update() != null) return update(ctx.update(), declared);
        return delete(ctx.delete(), declared);
    }

    static QueryKind kind(QueryContext ctx) {
        if (ctx.select() != null) return QueryKind.SELECT;
        if (ctx.insert() != null) return QueryKind.INSERT;
        if (ctx.update() != null) return QueryKind.UPDATE;
        return QueryKind.DELETE;
    }

    TableSchema table(TableNameContext ctx) {
        TableName tn = TableName.of(ctx);
        // The catalog keys tables by name; a namespace in the statement must be the table's.
        return txn.table(tn.name())
            .filter(t -> tn.namespace() == null || tn.namespace().equalsIgnoreCase(t.namespace()))
            .orElseThrow(() -> RequestException.tableNotFound(
                tn.namespace() == null ? tn.name() : tn.namespace() + ":" + tn.name()));
    }

    private static Scope scope(TableSchema t, TableAliasContext alias) {
        if (alias == null) {
            return new Scope(t, null, null);
        }
        if (alias.VAR() != null) {
            String var = alias.VAR().getText();
            // A row variable also works as a table alias without its $.
            return new Scope(t, var.substring(1), var);
        }
        String name = alias.name() != null ? StatementParser.nameText(alias.name())
            : StatementParser.identifierText(alias.getText());
        return new Scope(t, name, null);
    }

    private QueryPlan select(SelectContext ctx, Map<String, FieldType> declared) {
        TableSchema t = table(ctx.tableName());
        ExprBuilder b = new ExprBuilder(scope(t, ctx.tableAlias()));
        QueryPlan.Output output;
        if (ctx.selectList() instanceof SelectStarContext) {
            output = new QueryPlan.Output(true, List.of());
        } else {
            output = items(b, ((SelectItemsContext) ctx.selectList()).selectItem());
        }
        Expr where = ctx.WHERE() == null ? null : b.build(ctx.expr(0));
        int next = ctx.WHERE() == null ? 0 : 1;
        List<Expr> groupBy = new ArrayList<>();
        if (ctx.GROUP() != null) {
            int count = ctx.expr().size() - next - (ctx.LIMIT() != null ? 1 : 0) - (ctx.OFFSET() != null ? 1 : 0);
            for (int i = 0; i < count; i++) {
                groupBy.add(b.build(ctx.expr(next + i)));
            }
            next += count;
        }
        List<QueryPlan.OrderKey> orderBy = new ArrayList<>();
        for (OrderItemContext o : ctx.orderItem()) {
            boolean desc = o.DESC() != null;
            boolean nullsFirst = o.NULLS() != null ? o.FIRST() != null : desc;
            orderBy.add(new QueryPlan.OrderKey(b.build(o.expr()), desc, nullsFirst));
        }
        Expr limit = ctx.LIMIT() == null ? null : b.build(ctx.expr(next++));
        Expr offset = ctx.OFFSET() == null ? null : b.build(ctx.expr(next));
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

    /** SELECT/RETURNING items with the result naming rules (alias, last path step, Column_n). */
    private static QueryPlan.Output items(ExprBuilder b, List<SelectItemContext> items) {
        List<QueryPlan.Projection> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            SelectItemContext item = items.get(i);
            Expr e = b.build(item.expr());
            String name;
            if (item.name() != null) {
                name = StatementParser.nameText(item.name());
            } else if (item.ID() != null || item.BQ_ID() != null) {
                name = StatementParser.identifierText(item.getChild(item.getChildCount() - 1).getText());
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

    private static QueryPlan.Output returning(ExprBuilder b, ReturningContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx instanceof ReturnStarContext) {
            return new QueryPlan.Output(true, List.of());
        }
        return items(b, ((ReturnItemsContext) ctx).selectItem());
    }

    private static QueryPlan.TtlSpec ttl(ExprBuilder b, TtlValueContext ctx) {
        if (ctx == null) {
            return null;
        }
        if (ctx instanceof TtlTableDefaultContext) {
            return new QueryPlan.TtlSpec(null, null, true);
        }
        TtlAmountContext a = (TtlAmountContext) ctx;
        return new QueryPlan.TtlSpec(b.add(a.addExpr()),
            a.HOURS() != null ? TimeToLive.Unit.HOURS : TimeToLive.Unit.DAYS, false);
    }

    private QueryPlan insert(InsertContext ctx, Map<String, FieldType> declared) {
        TableSchema t = table(ctx.tableName());
        ExprBuilder b = new ExprBuilder(new Scope(t, null, null));
        List<String> columns = new ArrayList<>();
        if (ctx.name().isEmpty()) {
            t.fields().forEach(f -> columns.add(f.name()));
        } else {
            for (NameContext n : ctx.name()) {
                String col = new Scope(t, null, null).column(StatementParser.nameText(n)).name();
                if (columns.contains(col)) {
                    throw RequestException.illegalArgument("Column " + col + " is given twice");
                }
                columns.add(col);
            }
        }
        if (ctx.insertValue().size() != columns.size()) {
            throw RequestException.illegalArgument("INSERT into " + t.name() + " gives "
                + ctx.insertValue().size() + " values for " + columns.size() + " columns");
        }
        List<Expr> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            InsertValueContext v = ctx.insertValue(i);
            FieldDef col = t.field(columns.get(i)).orElseThrow();
            if (v.DEFAULT() != null) {
                values.add(null);
            } else if (col.mrCounter()) {
                throw RequestException.illegalArgument("MR_Counter column must use DEFAULT construct.");
            } else {
                values.add(b.build(v.expr()));
            }
        }
        QueryPlan.TtlSpec ttl = ttl(b, ctx.ttlValue());
        Scope rowScope = scope(t, ctx.tableAlias());
        return new QueryPlan.Insert(t.name(), declared, ctx.UPSERT() != null, columns, values, ttl,
            returning(new ExprBuilder(rowScope), ctx.returning()));
    }

    private QueryPlan update(UpdateContext ctx, Map<String, FieldType> declared) {
        TableSchema t = table(ctx.tableName());
        ExprBuilder b = new ExprBuilder(scope(t, ctx.tableAlias()));
        List<QueryPlan.UpdateOp> ops = new ArrayList<>();
        QueryPlan.TtlSpec ttl = null;
        for (UpdateOpContext op : ctx.updateOp()) {
            if (op instanceof SetTtlOpContext s) {
                ttl = ttl(b, s.ttlValue());
            } else if (op instanceof SetOpContext s) {
                Expr target = target(b.path(s.pathExpr()), t);
                Expr value = b.build(s.expr());
                checkCounterUpdate(t, target, value);
                ops.add(new QueryPlan.SetOp(target, value));
            } else if (op instanceof AddOpContext a) {
                Expr target = target(b.path(a.pathExpr()), t);
                checkNoCounterPatch(t, target, "ADD");
                Expr first = b.add(a.addExpr(0));
                ops.add(a.addExpr().size() > 1
                    ? new QueryPlan.AddOp(target, first, b.add(a.addExpr(1)))
                    : new QueryPlan.AddOp(target, null, first));
            } else if (op instanceof PutOpContext p) {
                Expr target = target(b.path(p.pathExpr()), t);
                checkNoCounterPatch(t, target, "PUT");
                ops.add(new QueryPlan.PutOp(target, b.add(p.addExpr())));
            } else {
                Expr target = target(b.path(((RemoveOpContext) op).pathExpr()), t);
                if (target instanceof Expr.Column c) {
                    throw RequestException.illegalArgument("Cannot remove top-level column " + c.name()
                        + "; REMOVE applies to fields and elements inside a column");
                }
                checkNoCounterPatch(t, target, "REMOVE");
                ops.add(new QueryPlan.RemoveOp(target));
            }
        }
        Expr where = ctx.expr() == null ? null : b.build(ctx.expr());
        List<Expr> key = keyEqualities(t, where);
        return new QueryPlan.Update(t.name(), declared, ops, ttl, where, key, returning(b, ctx.returning()));
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
    private static Expr target(Expr target, TableSchema t) {
        Expr root = target;
        while (root instanceof Expr.Field || root instanceof Expr.Index) {
            root = root instanceof Expr.Field f ? f.base() : ((Expr.Index) root).base();
        }
        if (!(root instanceof Expr.Column c)) {
            throw RequestException.illegalArgument("The target of an update clause must be a column"
                + " or a path inside a column");
        }
        if (t.isPrimaryKey(c.name())) {
            throw RequestException.illegalArgument("Cannot update primary key column " + c.name());
        }
        return target;
    }

    /**
     * A counter (a counter column or a counter field inside a JSON column) can only move
     * by a delta: {@code c = c + n} or {@code c = c - n}.
     */
    private static void checkCounterUpdate(TableSchema t, Expr target, Expr value) {
        String path = counterPath(t, target);
        if (path == null) {
            return;
        }
        boolean delta = value instanceof Expr.Arith a
            && ((a.op() == '+' && (target.equals(a.left()) || target.equals(a.right())))
                || (a.op() == '-' && target.equals(a.left())));
        if (!delta) {
            throw RequestException.illegalArgument("MR_Counter " + path
                + " can only be updated by incrementing or decrementing it: "
                + path + " = " + path + " + n or " + path + " = " + path + " - n");
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

    private QueryPlan delete(DeleteContext ctx, Map<String, FieldType> declared) {
        TableSchema t = table(ctx.tableName());
        ExprBuilder b = new ExprBuilder(scope(t, ctx.tableAlias()));
        Expr where = ctx.expr() == null ? null : b.build(ctx.expr());
        return new QueryPlan.Delete(t.name(), declared, where, returning(b, ctx.returning()),
            keyPrefix(t, where));
    }
}
