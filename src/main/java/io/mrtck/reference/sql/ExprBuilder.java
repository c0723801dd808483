package io.mrtck.reference.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.sql.SqlParser.*;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;

/**
 * Compiles expression parse trees into {@link Expr}s, resolving column names against the
 * scope (unknown columns fail here, at prepare time) and numbering positional {@code ?}.
 */
final class ExprBuilder {
    static final Set<String> AGGREGATES = Set.of("count", "sum", "min", "max", "avg");
    static final Set<String> FUNCTIONS = Set.of(
        "expiration_time", "expiration_time_millis", "modification_time",
        "modification_time_millis", "remaining_hours", "remaining_days", "size", "upper",
        "lower", "length", "concat", "current_time_millis", "current_time", "row_metadata");

    private final Scope scope;
    private int positional;

    ExprBuilder(Scope scope) {
        this.scope = scope;
    }

    Expr build(ExprContext ctx) {
        return or(ctx.orExpr());
    }

    private Expr or(OrExprContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (AndExprContext a : ctx.andExpr()) {
            parts.add(and(a));
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.Or(parts);
    }

    private Expr and(AndExprContext ctx) {
        List<Expr> parts = new ArrayList<>();
        for (NotExprContext n : ctx.notExpr()) {
            parts.add(not(n));
        }
        return parts.size() == 1 ? parts.get(0) : new Expr.And(parts);
    }

    private Expr not(NotExprContext ctx) {
        if (ctx.NOT() != null) {
            return new Expr.Not(not(ctx.notExpr()));
        }
        return cond(ctx.condExpr());
    }

    private Expr cond(CondExprContext ctx) {
        if (ctx instanceof ExistsCondContext e) {
            return new Expr.Exists(add(e.addExpr()));
        }
        if (ctx instanceof CompareCondContext c) {
            Expr left = add(c.addExpr(0));
            String op = c.compOp().getText();
            Expr right = add(c.addExpr(1));
            return new Expr.Compare(op.equals("<>") ? "!=" : op, left, right);
        }
        if (ctx instanceof IsNullCondContext n) {
            return new Expr.IsNull(add(n.addExpr()), n.NOT() != null);
        }
        if (ctx instanceof InCondContext in) {
            Expr operand = add(in.addExpr());
            List<Expr> candidates = new ArrayList<>();
            for (ExprContext e : in.expr()) {
                candidates.add(build(e));
            }
            return new Expr.In(operand, candidates, in.NOT() != null);
        }
        return add(((PlainCondContext) ctx).addExpr());
    }

    Expr add(AddExprContext ctx) {
        Expr result = mul(ctx.mulExpr(0));
        for (int i = 1; i < ctx.mulExpr().size(); i++) {
            char op = ctx.getChild(2 * i - 1).getText().charAt(0);
            result = new Expr.Arith(op, result, mul(ctx.mulExpr(i)));
        }
        return result;
    }

    private Expr mul(MulExprContext ctx) {
        Expr result = unary(ctx.unaryExpr(0));
        for (int i = 1; i < ctx.unaryExpr().size(); i++) {
            char op = ctx.getChild(2 * i - 1).getText().charAt(0);
            result = new Expr.Arith(op, result, unary(ctx.unaryExpr(i)));
        }
        return result;
    }

    private Expr unary(UnaryExprContext ctx) {
        if (ctx.MINUS() != null) {
            Expr operand = unary(ctx.unaryExpr());
            if (operand instanceof Expr.Const c && c.value().isNumeric()) {
                return new Expr.Const(Arithmetic.negate(c.value()));
            }
            return new Expr.Negate(operand);
        }
        if (ctx.PLUS() != null) {
            return unary(ctx.unaryExpr());
        }
        return path(ctx.pathExpr());
    }

    Expr path(PathExprContext ctx) {
        Expr base = primary(ctx.primary());
        for (StepContext step : ctx.step()) {
            if (step instanceof FieldStepContext f) {
                base = field(base, StatementParser.nameText(f.name()));
            } else if (step instanceof QuotedFieldStepContext q) {
                base = field(base, StatementParser.unquote(q.STR().getText()));
            } else if (step instanceof IndexStepContext i) {
                base = new Expr.Index(base, build(i.expr()));
            } else {
                base = new Expr.Unnest(base);
            }
        }
        return base;
    }

    private Expr field(Expr base, String name) {
        if (base instanceof Expr.RowRef) {
            return new Expr.Column(scope.column(name).name());
        }
        return new Expr.Field(base, name);
    }

    private Expr primary(PrimaryContext ctx) {
        if (ctx instanceof LiteralPrimaryContext l) {
            return new Expr.Const(literal(l.literal()));
        }
        if (ctx instanceof VarPrimaryContext v) {
            String var = v.VAR().getText();
            return scope != null && scope.isRowVar(var) ? new Expr.RowRef() : new Expr.BindVar(var);
        }
        if (ctx instanceof PositionalPrimaryContext) {
            return new Expr.BindVar("#" + (++positional));
        }
        if (ctx instanceof CountStarPrimaryContext c) {
            String fn = StatementParser.nameText(c.name()).toLowerCase(Locale.ROOT);
            if (!fn.equals("count")) {
                throw RequestException.illegalArgument("Only count accepts *: " + ctx.getText());
            }
            return new Expr.Aggregate("count", null);
        }
        if (ctx instanceof CallPrimaryContext c) {
            String fn = StatementParser.nameText(c.name()).toLowerCase(Locale.ROOT);
            if (c.DISTINCT() != null) {
                throw RequestException.illegalArgument("DISTINCT in " + fn + "() is not supported");
            }
            List<Expr> args = new ArrayList<>();
            for (ExprContext e : c.expr()) {
                args.add(build(e));
            }
            if (AGGREGATES.contains(fn)) {
                if (args.size() != 1) {
                    throw RequestException.illegalArgument("Function " + fn + " takes one argument");
                }
                return new Expr.Aggregate(fn, args.get(0));
            }
            if (!FUNCTIONS.contains(fn)) {
                throw RequestException.illegalArgument("Unknown function: " + fn);
            }
            return new Expr.Call(fn, args);
        }
        if (ctx instanceof NamePrimaryContext n) {
            String name = StatementParser.nameText(n.name());
            if (scope == null) {
                throw RequestException.illegalArgument("Unknown column: " + name);
            }
            if (scope.isRowName(name) && scope.table().field(name).isEmpty()) {
                return new Expr.RowRef();
            }
            return new Expr.Column(scope.column(name).name());
        }
        if (ctx instanceof ParenPrimaryContext p) {
            return build(p.expr());
        }
        if (ctx instanceof MapPrimaryContext m) {
            List<String> keys = new ArrayList<>();
            List<Expr> values = new ArrayList<>();
            for (MapEntryContext e : m.mapEntry()) {
                keys.add(e.STR() != null ? StatementParser.unquote(e.STR().getText())
                    : StatementParser.nameText(e.name()));
                values.add(build(e.expr()));
            }
            return new Expr.MapCtor(keys, values);
        }
        ArrayPrimaryContext a = (ArrayPrimaryContext) ctx;
        List<Expr> elements = new ArrayList<>();
        for (ExprContext e : a.expr()) {
            elements.add(build(e));
        }
        return new Expr.ArrayCtor(elements);
    }

    static FieldValue literal(LiteralContext ctx) {
        if (ctx instanceof IntLiteralContext i) {
            return integer(i.getText());
        }
        if (ctx instanceof DecLiteralContext d) {
            return new DoubleValue(Double.parseDouble(d.getText()));
        }
        if (ctx instanceof StringLiteralContext s) {
            return new StringValue(StatementParser.unquote(s.getText()));
        }
        if (ctx instanceof TrueLiteralContext) {
            return BooleanValue.trueInstance();
        }
        if (ctx instanceof FalseLiteralContext) {
            return BooleanValue.falseInstance();
        }
        if (ctx instanceof NegativeLiteralContext n) {
            String digits = n.getText().substring(1);
            FieldValue v = n.INT() != null ? integer(digits) : new DoubleValue(Double.parseDouble(digits));
            return Arithmetic.negate(v);
        }
        // The NULL literal is JSON null, as in the real engine; it reads as SQL NULL in typed columns.
        return JsonNullValue.getInstance();
    }

    private static FieldValue integer(String text) {
        BigDecimal n = new BigDecimal(text);
        try {
            long l = n.longValueExact();
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE
                ? new IntegerValue((int) l) : new LongValue(l);
        } catch (ArithmeticException tooBig) {
            return new NumberValue(n);
        }
    }
}
