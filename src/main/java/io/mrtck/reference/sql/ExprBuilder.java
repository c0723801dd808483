package io.mrtck.reference.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.sql.SqlParser.*;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;

/**
 * Compiles expression parse trees into {@link Expr}s, resolving column names against the
 * scope (unknown columns fail here, at prepare time) and numbering positional {@code ?}.
 * Expressions the grammar accepts but the evaluator cannot compute yet are refused with
 * {@link StatementError#notSupported}.
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
        return or(ctx.or_expr());
    }

    private Expr or(Or_exprContext ctx) {
        return ctx.OR() == null ? and(ctx.and_expr()) : joined(or(ctx.or_expr()), and(ctx.and_expr()), true);
    }

    private Expr and(And_exprContext ctx) {
        return ctx.AND() == null ? not(ctx.not_expr()) : joined(and(ctx.and_expr()), not(ctx.not_expr()), false);
    }

    /** left OR (AND) right, a chain such as {@code a OR b OR c} as one flat operand list. */
    private static Expr joined(Expr left, Expr right, boolean or) {
        List<Expr> parts = new ArrayList<>();
        if (or && left instanceof Expr.Or o) {
            parts.addAll(o.operands());
        } else if (!or && left instanceof Expr.And a) {
            parts.addAll(a.operands());
        } else {
            parts.add(left);
        }
        parts.add(right);
        return or ? new Expr.Or(parts) : new Expr.And(parts);
    }

    private Expr not(Not_exprContext ctx) {
        Is_null_exprContext n = ctx.is_null_expr();
        Expr operand = cond(n.cond_expr());
        if (n.NULL() != null) {
            operand = new Expr.IsNull(operand, n.NOT() != null);
        }
        return ctx.NOT() != null ? new Expr.Not(operand) : operand;
    }

    private Expr cond(Cond_exprContext ctx) {
        if (ctx.comp_expr() != null) {
            return compare(ctx.comp_expr());
        }
        if (ctx.exists_expr() != null) {
            return new Expr.Exists(concat(ctx.exists_expr().concatenate_expr()));
        }
        if (ctx.in_expr() != null) {
            return in(ctx.in_expr());
        }
        throw StatementError.notSupported(ctx.between_expr() != null ? "BETWEEN" : "IS OF TYPE");
    }

    private Expr compare(Comp_exprContext ctx) {
        Expr left = concat(ctx.concatenate_expr(0));
        if (ctx.comp_op() == null && ctx.any_op() == null) {
            return left;
        }
        if (ctx.any_op() != null) {
            throw StatementError.notSupported("A quantified comparison (" + ctx.any_op().getText() + ")");
        }
        return new Expr.Compare(ctx.comp_op().getText(), left, concat(ctx.concatenate_expr(1)));
    }

    /** {@code x IN (a, b)}, and {@code x IN (a)}, which the grammar reads as a path. */
    private Expr in(In_exprContext ctx) {
        List<Expr> candidates = new ArrayList<>();
        if (ctx.in2_expr() != null) {
            Expr operand = concat(ctx.in2_expr().concatenate_expr());
            ctx.in2_expr().expr().forEach(e -> candidates.add(build(e)));
            return new Expr.In(operand, candidates, false);
        }
        In3_exprContext in3 = ctx.in3_expr();
        Path_exprContext path = in3 == null ? null : in3.path_expr();
        if (in3 != null && in3.LP() == null && path.map_step().isEmpty() && path.array_step().isEmpty()
            && path.primary_expr().parenthesized_expr() != null) {
            Expr operand = concat(in3.concatenate_expr(0));
            candidates.add(build(path.primary_expr().parenthesized_expr().expr()));
            return new Expr.In(operand, candidates, false);
        }
        throw StatementError.notSupported("This form of IN");
    }

    private Expr concat(Concatenate_exprContext ctx) {
        if (ctx.CONCAT().size() > 0) {
            throw StatementError.notSupported("The || operator");
        }
        return add(ctx.add_expr(0));
    }

    Expr add(Add_exprContext ctx) {
        Expr result = multiply(ctx.multiply_expr(0));
        for (int i = 1; i < ctx.multiply_expr().size(); i++) {
            char op = ctx.getChild(2 * i - 1).getText().charAt(0);
            result = new Expr.Arith(op, result, multiply(ctx.multiply_expr(i)));
        }
        return result;
    }

    private Expr multiply(Multiply_exprContext ctx) {
        if (!ctx.RDIV().isEmpty()) {
            throw StatementError.notSupported("The div operator");
        }
        Expr result = unary(ctx.unary_expr(0));
        for (int i = 1; i < ctx.unary_expr().size(); i++) {
            char op = ctx.getChild(2 * i - 1).getText().charAt(0);
            result = new Expr.Arith(op, result, unary(ctx.unary_expr(i)));
        }
        return result;
    }

    private Expr unary(Unary_exprContext ctx) {
        if (ctx.MINUS() != null) {
            Expr operand = unary(ctx.unary_expr());
            if (operand instanceof Expr.Const c && c.value().isNumeric()) {
                return new Expr.Const(Arithmetic.negate(c.value()));
            }
            return new Expr.Negate(operand);
        }
        if (ctx.PLUS() != null) {
            return unary(ctx.unary_expr());
        }
        return path(ctx.path_expr());
    }

    Expr path(Path_exprContext ctx) {
        Expr base = primary(ctx.primary_expr());
        for (int i = 1; i < ctx.getChildCount(); i++) {
            ParseTree step = ctx.getChild(i);
            base = step instanceof Map_stepContext m ? mapStep(base, m) : arrayStep(base, (Array_stepContext) step);
        }
        return base;
    }

    private Expr mapStep(Expr base, Map_stepContext ctx) {
        Map_field_stepContext f = ctx.map_field_step();
        if (f == null) {
            throw StatementError.notSupported("." + ctx.map_filter_step().getChild(0).getText().toLowerCase(Locale.ROOT)
                + "()");
        }
        if (f.id() != null) {
            return field(base, f.id().getText(), f);
        }
        if (f.string() != null) {
            return field(base, StatementParser.text(f.string()), f);
        }
        throw StatementError.notSupported("A field step that computes the field name (" + ctx.getText() + ")");
    }

    /** {@code a[]} (all elements) and {@code a[i]}; filters ({@code $element}, {@code $pos}) and slices are not yet. */
    private Expr arrayStep(Expr base, Array_stepContext ctx) {
        Array_filter_stepContext filter = ctx.array_filter_step();
        if (filter == null) {
            throw StatementError.notSupported("An array slice (" + ctx.getText() + ")");
        }
        if (filter.expr() == null) {
            return new Expr.Unnest(base);
        }
        if (usesContextVariable(filter.expr())) {
            throw StatementError.notSupported("An array filter step (" + ctx.getText() + ")");
        }
        return new Expr.Index(base, build(filter.expr()));
    }

    private static boolean usesContextVariable(ParseTree tree) {
        if (tree instanceof Var_refContext v) {
            String name = v.getText().toLowerCase(Locale.ROOT);
            return name.equals("$") || name.equals("$element") || name.equals("$pos");
        }
        for (int i = 0; i < tree.getChildCount(); i++) {
            if (usesContextVariable(tree.getChild(i))) {
                return true;
            }
        }
        return false;
    }

    /** A field step; on the row itself ({@code $x.a}) it names a column. */
    private Expr field(Expr base, String name, ParserRuleContext at) {
        if (base instanceof Expr.RowRef) {
            return new Expr.Column(column(name, at).name());
        }
        return new Expr.Field(base, name);
    }

    private Expr primary(Primary_exprContext ctx) {
        if (ctx.const_expr() != null) {
            return new Expr.Const(literal(ctx.const_expr()));
        }
        if (ctx.column_ref() != null) {
            return columnRef(ctx.column_ref());
        }
        if (ctx.var_ref() != null) {
            return variable(ctx.var_ref());
        }
        if (ctx.func_call() != null) {
            return call(ctx.func_call());
        }
        if (ctx.count_star() != null) {
            return new Expr.Aggregate("count", null);
        }
        if (ctx.parenthesized_expr() != null) {
            return build(ctx.parenthesized_expr().expr());
        }
        if (ctx.array_constructor() != null) {
            List<Expr> elements = new ArrayList<>();
            ctx.array_constructor().expr().forEach(e -> elements.add(build(e)));
            return new Expr.ArrayCtor(elements);
        }
        if (ctx.map_constructor() != null) {
            return map(ctx.map_constructor());
        }
        throw StatementError.notSupported(unsupportedPrimary(ctx));
    }

    private static String unsupportedPrimary(Primary_exprContext ctx) {
        if (ctx.case_expr() != null) return "CASE";
        if (ctx.cast_expr() != null) return "CAST";
        if (ctx.extract_expr() != null) return "EXTRACT";
        if (ctx.count_distinct() != null) return "count(DISTINCT ...)";
        if (ctx.collect() != null) return "array_collect";
        return "seq_transform";
    }

    /** {@code a} is a column; {@code x.a} is column a of the table whose alias is x. */
    private Expr columnRef(Column_refContext ctx) {
        String first = ctx.id(0).getText();
        if (ctx.DOT() == null) {
            if (scope != null && scope.isRowName(first) && scope.table().field(first).isEmpty()) {
                return new Expr.RowRef();
            }
            return new Expr.Column(column(first, ctx).name());
        }
        if (scope == null || !scope.isRowName(first)) {
            throw StatementError.at(ctx, "No table in the FROM clause has an alias named " + first);
        }
        String second = ctx.id().size() > 1 ? ctx.id(1).getText() : StatementParser.text(ctx.string());
        return new Expr.Column(column(second, ctx).name());
    }

    private FieldDef column(String name, ParserRuleContext at) {
        return (scope == null ? Optional.<FieldDef>empty() : scope.table().field(name)).orElseThrow(
            () -> StatementError.at(at, "No table in the FROM clause has a column named " + name));
    }

    private Expr variable(Var_refContext ctx) {
        if (ctx.QUESTION_MARK() != null) {
            return new Expr.BindVar("#" + (++positional));
        }
        if (ctx.DOLLAR() != null) {
            throw StatementError.notSupported("The context variable $");
        }
        String var = ctx.VARNAME().getText();
        return scope != null && scope.isRowVar(var) ? new Expr.RowRef() : new Expr.BindVar(var);
    }

    private Expr call(Func_callContext ctx) {
        String fn = ctx.id().getText().toLowerCase(Locale.ROOT);
        List<Expr> args = new ArrayList<>();
        ctx.expr().forEach(e -> args.add(build(e)));
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

    /** A map constructor whose keys are string constants ({"a": 1}). */
    private Expr map(Map_constructorContext ctx) {
        List<String> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        List<ExprContext> parts = ctx.expr();
        for (int i = 0; i < parts.size(); i += 2) {
            Expr key = build(parts.get(i));
            if (!(key instanceof Expr.Const c) || !c.value().isString()) {
                throw StatementError.notSupported("A map constructor key that is not a string constant ("
                    + parts.get(i).getText() + ")");
            }
            keys.add(c.value().getString());
            values.add(build(parts.get(i + 1)));
        }
        return new Expr.MapCtor(keys, values);
    }

    static FieldValue literal(Const_exprContext ctx) {
        if (ctx.number() != null) {
            return number(ctx.number());
        }
        if (ctx.string() != null) {
            return new StringValue(StatementParser.text(ctx.string()));
        }
        if (ctx.TRUE() != null || ctx.FALSE() != null) {
            return BooleanValue.getInstance(ctx.TRUE() != null);
        }
        // The NULL literal is JSON null, as in the real engine; it reads as SQL NULL in typed columns.
        return JsonNullValue.getInstance();
    }

    /** INT is an INTEGER (a LONG, a NUMBER when larger), FLOAT a DOUBLE, 12n a NUMBER. */
    static FieldValue number(NumberContext ctx) {
        FieldValue v;
        TerminalNode digits = ctx.INT() != null ? ctx.INT() : ctx.FLOAT() != null ? ctx.FLOAT() : ctx.NUMBER();
        String text = digits.getText();
        if (ctx.INT() != null) {
            v = integer(text);
        } else if (ctx.FLOAT() != null) {
            v = new DoubleValue(Double.parseDouble(text));
        } else {
            v = new NumberValue(new BigDecimal(text.substring(0, text.length() - 1)));
        }
        return ctx.MINUS() != null ? Arithmetic.negate(v) : v;
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
