package io.mrtck.reference.sql.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.schema.FieldDef;
import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.SqlParser.*;
import io.mrtck.reference.sql.SqlParser;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.StatementParser;
import io.mrtck.reference.sql.ddl.TypeDefReader;
import io.mrtck.reference.sql.expr.Aggregates;
import io.mrtck.reference.sql.expr.Arithmetic;
import io.mrtck.reference.sql.expr.Casting;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlFunction;
import io.mrtck.reference.sql.expr.SqlType;
import io.mrtck.reference.sql.functions.FunctionRegistry;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.JsonNullValue;
import oracle.nosql.driver.values.StringValue;

/**
 * Translates expression parse trees into typed {@link Expr}s, as the real engine's translator
 * does: names are resolved against the FROM clause (a one-step name is a column, the first step of
 * a longer path is a table alias), variables against the prolog and the enclosing filter steps,
 * functions against the {@link FunctionRegistry}, and the operators' operand types are checked.
 * Errors name the place in the statement they are about.
 */
final class ExprBuilder {
    private final Scope scope;
    /** The context variables ($, $element, $pos, $key, $value) visible here, innermost last. */
    private final Deque<Map<String, SeqType>> contextVars = new ArrayDeque<>();
    private int positional;
    private Clause clause = Clause.OTHER;
    private boolean insideAggregate;

    /** Where what is built next sits: aggregates may appear in SELECT and ORDER BY, array_collect in SELECT only. */
    enum Clause { SELECT, ORDER_BY, OTHER }

    ExprBuilder(Scope scope) {
        this.scope = scope;
    }

    Scope scope() {
        return scope;
    }

    void clause(Clause c) {
        clause = c;
    }

    static Loc loc(ParserRuleContext ctx) {
        return loc(ctx.getStart());
    }

    static Loc loc(Token t) {
        return new Loc(t.getLine(), t.getCharPositionInLine());
    }

    private static SeqType bool() {
        return SeqType.optional(SqlType.BOOLEAN);
    }

    Expr build(ExprContext ctx) {
        return or(ctx.or_expr());
    }

    /** An ON condition (the grammar gives it as an or_expr). */
    Expr condition(Or_exprContext ctx) {
        return or(ctx);
    }

    /** An expression evaluated with {@code $} bound to an item of {@code type} (the SET and ADD values of UPDATE). */
    Expr buildWithDollar(ExprContext ctx, SeqType type) {
        return withDollar(type, () -> build(ctx));
    }

    Expr withDollar(SeqType type, java.util.function.Supplier<Expr> builder) {
        Map<String, SeqType> vars = new HashMap<>();
        vars.put("$", type);
        contextVars.push(vars);
        try {
            return builder.get();
        } finally {
            contextVars.pop();
        }
    }

    /** The patch of JSON MERGE ... WITH PATCH: a constructor, a literal or a variable. */
    Expr patch(Json_patch_exprContext ctx) {
        if (ctx.map_constructor() != null) {
            return mapConstructor(ctx.map_constructor());
        }
        if (ctx.array_constructor() != null) {
            return arrayConstructor(ctx.array_constructor());
        }
        if (ctx.const_expr() != null) {
            FieldValue v = literal(ctx.const_expr());
            return new Expr.Const(v, SeqType.one(literalType(v)), loc(ctx));
        }
        return variable(ctx.var_ref());
    }

    /**
     * A condition (WHERE, the operands of AND, OR and NOT) must be able to return a boolean: an
     * operand of another type is refused as the real engine refuses it, when it is compiled.
     */
    static Expr condition(Expr e) {
        return promote(e, SqlType.BOOLEAN);
    }

    /**
     * An expression whose value must be of the target type (at most one item): one whose type
     * cannot be is refused when compiled, in the real engine's words; a NUMBER target takes any
     * numeric type.
     */
    static Expr promote(Expr e, SqlType target) {
        SqlType t = e.type().item();
        boolean fits = t.kind() == target.kind() || target.kind() == SqlType.Kind.NUMBER && t.isNumeric();
        if (fits || t.isWildcard() || t.kind() == SqlType.Kind.EMPTY) {
            return e;
        }
        String to = "\nto type :\n" + target.ddl() + "?";
        if (e instanceof Expr.Const c) {
            if (c.value().isJsonNull()) {
                return e;
            }
            throw StatementError.at(e.at(), "Cannot promote item " + Casting.display(c.value()) + "\nof type :\n"
                + t.ddl() + to);
        }
        throw StatementError.at(e.at(), "Cannot promote type :\n" + e.type() + to);
    }

    private Expr or(Or_exprContext ctx) {
        if (ctx.OR() == null) {
            return and(ctx.and_expr());
        }
        Expr left = condition(or(ctx.or_expr()));
        Expr right = condition(and(ctx.and_expr()));
        List<Expr> parts = new ArrayList<>(left instanceof Expr.Or o ? o.operands() : List.of(left));
        parts.add(right);
        return new Expr.Or(parts, bool(), loc(ctx));
    }

    private Expr and(And_exprContext ctx) {
        if (ctx.AND() == null) {
            return not(ctx.not_expr());
        }
        Expr left = condition(and(ctx.and_expr()));
        Expr right = condition(not(ctx.not_expr()));
        List<Expr> parts = new ArrayList<>(left instanceof Expr.And a ? a.operands() : List.of(left));
        parts.add(right);
        return new Expr.And(parts, bool(), loc(ctx));
    }

    private Expr not(Not_exprContext ctx) {
        Is_null_exprContext n = ctx.is_null_expr();
        Expr operand = cond(n.cond_expr());
        if (n.NULL() != null) {
            operand = new Expr.IsNull(operand, n.NOT() != null, SeqType.one(SqlType.BOOLEAN), loc(n));
        }
        return ctx.NOT() != null ? new Expr.Not(condition(operand), bool(), loc(ctx)) : operand;
    }

    private Expr cond(Cond_exprContext ctx) {
        if (ctx.comp_expr() != null) {
            return compare(ctx.comp_expr());
        }
        if (ctx.exists_expr() != null) {
            return new Expr.Exists(concat(ctx.exists_expr().concatenate_expr()), SeqType.one(SqlType.BOOLEAN),
                loc(ctx));
        }
        if (ctx.in_expr() != null) {
            return in(ctx.in_expr());
        }
        if (ctx.between_expr() != null) {
            Between_exprContext b = ctx.between_expr();
            Expr value = concat(b.concatenate_expr(0));
            Expr low = concat(b.concatenate_expr(1));
            Expr high = concat(b.concatenate_expr(2));
            return new Expr.And(List.of(
                new Expr.Compare(">=", false, value, low, bool(), loc(b)),
                new Expr.Compare("<=", false, value, high, bool(), loc(b))), bool(), loc(b));
        }
        return isOfType(ctx.is_of_type_expr());
    }

    private Expr compare(Comp_exprContext ctx) {
        Expr left = concat(ctx.concatenate_expr(0));
        if (ctx.comp_op() == null && ctx.any_op() == null) {
            return left;
        }
        Expr right = concat(ctx.concatenate_expr(1));
        if (ctx.any_op() != null) {
            String op = ctx.any_op().getText().toLowerCase(Locale.ROOT).replace("any", "");
            return new Expr.Compare(op, true, left, right, bool(), loc(ctx));
        }
        return new Expr.Compare(ctx.comp_op().getText(), false, left, right, bool(), loc(ctx));
    }

    /** {@code (a, b) IN ((1, 2), ...)}, {@code a IN (1, 2)}, {@code a IN (1)} and {@code a IN <path>}. */
    private Expr in(In_exprContext ctx) {
        List<Expr> left = new ArrayList<>();
        List<List<Expr>> candidates = new ArrayList<>();
        if (ctx.in1_expr() != null) {
            ctx.in1_expr().in1_left_op().concatenate_expr().forEach(c -> left.add(concat(c)));
            for (In1_expr_listContext tuple : ctx.in1_expr().in1_expr_list()) {
                if (tuple.expr().size() != left.size()) {
                    throw StatementError.at(tuple, "The number of expressions in the IN list does not match the"
                        + " number of expressions on the left of the IN operator");
                }
                List<Expr> t = new ArrayList<>();
                tuple.expr().forEach(e -> t.add(build(e)));
                candidates.add(t);
            }
            return new Expr.In(left, candidates, null, bool(), loc(ctx));
        }
        if (ctx.in2_expr() != null) {
            left.add(concat(ctx.in2_expr().concatenate_expr()));
            ctx.in2_expr().expr().forEach(e -> candidates.add(List.of(build(e))));
            return new Expr.In(left, candidates, null, bool(), loc(ctx));
        }
        In3_exprContext in3 = ctx.in3_expr();
        in3.concatenate_expr().forEach(c -> left.add(concat(c)));
        Path_exprContext path = in3.path_expr();
        if (path.map_step().isEmpty() && path.array_step().isEmpty()
            && path.primary_expr().parenthesized_expr() != null && left.size() == 1) {
            candidates.add(List.of(build(path.primary_expr().parenthesized_expr().expr())));
            return new Expr.In(left, candidates, null, bool(), loc(ctx));
        }
        if (left.size() != 1) {
            throw StatementError.notSupported("IN with several operands on the left and a path on the right");
        }
        return new Expr.In(left, List.of(), path(path), bool(), loc(ctx));
    }

    private Expr isOfType(Is_of_type_exprContext ctx) {
        Expr operand = concat(ctx.concatenate_expr());
        List<SeqType> targets = new ArrayList<>();
        List<Boolean> only = new ArrayList<>();
        boolean nextOnly = false;
        for (int i = 0; i < ctx.getChildCount(); i++) {
            ParseTree c = ctx.getChild(i);
            if (c instanceof TerminalNode t && t.getSymbol().getType() == SqlParser.ONLY) {
                nextOnly = true;
            } else if (c instanceof Quantified_type_defContext q) {
                targets.add(seqType(q));
                only.add(nextOnly);
                nextOnly = false;
            }
        }
        return new Expr.IsOfType(operand, targets, only, ctx.NOT() != null, bool(), loc(ctx));
    }

    /** A quantified type of CAST or IS OF TYPE ({@code INTEGER*}). */
    static SeqType seqType(Quantified_type_defContext ctx) {
        SqlType.Quantifier q = ctx.STAR() != null ? SqlType.Quantifier.STAR
            : ctx.PLUS() != null ? SqlType.Quantifier.PLUS
            : ctx.QUESTION_MARK() != null ? SqlType.Quantifier.QSTN : SqlType.Quantifier.ONE;
        return new SeqType(type(ctx.type_def()), q);
    }

    /** A type of the query language, the wildcard types included. */
    static SqlType type(Type_defContext ctx) {
        if (ctx.any_def() != null) return SqlType.ANY;
        if (ctx.anyAtomic_def() != null) return SqlType.ANY_ATOMIC;
        if (ctx.anyJsonAtomic_def() != null) return SqlType.ANY_JSON_ATOMIC;
        if (ctx.anyRecord_def() != null) return SqlType.of(SqlType.Kind.ANY_RECORD);
        if (ctx.json_def() != null) return SqlType.JSON;
        if (ctx.array_def() != null) return SqlType.arrayOf(type(ctx.array_def().type_def()));
        if (ctx.map_def() != null) return SqlType.mapOf(type(ctx.map_def().type_def()));
        if (ctx.record_def() != null) {
            List<SqlType.Field> fields = new ArrayList<>();
            for (Field_defContext f : ctx.record_def().field_def()) {
                fields.add(new SqlType.Field(f.id().getText(), type(f.type_def())));
            }
            return SqlType.record(fields);
        }
        return SqlType.of(TypeDefReader.variableType(ctx));
    }

    /** {@code a || b || c}: the concat function. */
    private Expr concat(Concatenate_exprContext ctx) {
        Expr first = add(ctx.add_expr(0));
        if (ctx.CONCAT().isEmpty()) {
            return first;
        }
        List<Expr> args = new ArrayList<>();
        args.add(first);
        for (int i = 1; i < ctx.add_expr().size(); i++) {
            args.add(add(ctx.add_expr(i)));
        }
        return call(FunctionRegistry.find("concat"), args, loc(ctx));
    }

    Expr add(Add_exprContext ctx) {
        List<Expr> args = new ArrayList<>();
        StringBuilder ops = new StringBuilder("+");
        args.add(multiply(ctx.multiply_expr(0)));
        for (int i = 1; i < ctx.multiply_expr().size(); i++) {
            ops.append(ctx.getChild(2 * i - 1).getText());
            args.add(multiply(ctx.multiply_expr(i)));
        }
        return args.size() == 1 ? args.get(0) : arith(true, ops.toString(), args);
    }

    private Expr multiply(Multiply_exprContext ctx) {
        List<Expr> args = new ArrayList<>();
        StringBuilder ops = new StringBuilder("*");
        args.add(unary(ctx.unary_expr(0)));
        for (int i = 1; i < ctx.unary_expr().size(); i++) {
            String op = ctx.getChild(2 * i - 1).getText();
            ops.append(op.equals("*") || op.equals("/") ? op : "d");
            args.add(unary(ctx.unary_expr(i)));
        }
        return args.size() == 1 ? args.get(0) : arith(false, ops.toString(), args);
    }

    /**
     * An arithmetic chain, its operand types checked: numbers, or JSON and the wildcard types (checked
     * item by item when evaluated); a string, a boolean, a timestamp or the NULL literal is refused.
     */
    private Expr arith(boolean additive, String ops, List<Expr> args) {
        SqlType.Kind result = ops.indexOf('d') >= 0 ? SqlType.Kind.DOUBLE : SqlType.Kind.INTEGER;
        boolean dynamic = false;
        SqlType.Quantifier q = SqlType.Quantifier.ONE;
        for (int i = 0; i < args.size(); i++) {
            Expr arg = args.get(i);
            SqlType t = arg.type().item();
            if (arg.type().quantifier().mayBeEmpty()) {
                q = SqlType.Quantifier.QSTN;
            }
            if (dynamic) {
                continue;
            }
            boolean nullLiteral = arg instanceof Expr.Const c && c.value().isJsonNull();
            if (t.isNumeric() && !nullLiteral) {
                result = Arithmetic.widest(result, t.kind());
            } else if (!nullLiteral && (t.kind() == SqlType.Kind.JSON || t.kind() == SqlType.Kind.ANY_JSON_ATOMIC
                || t.kind() == SqlType.Kind.ANY_ATOMIC || t.kind() == SqlType.Kind.ANY
                || t.kind() == SqlType.Kind.EMPTY)) {
                dynamic = true;
            } else {
                throw StatementError.at(arg.at(), "Operand in arithmetic operation has illegal type\n"
                    + "Operand : " + i + " type :\n" + (nullLiteral ? "AnyJsonAtomic" : t.ddl()));
            }
        }
        SqlType type = dynamic ? SqlType.ANY_JSON_ATOMIC : SqlType.of(result);
        return new Expr.Arith(additive, ops, args, new SeqType(type, q), args.get(args.size() - 1).at());
    }

    private Expr unary(Unary_exprContext ctx) {
        if (ctx.MINUS() != null) {
            Expr operand = unary(ctx.unary_expr());
            if (operand instanceof Expr.Const c && c.value().isNumeric()) {
                return new Expr.Const(Arithmetic.negate(c.value()), c.type(), loc(ctx));
            }
            SqlType t = operand.type().item();
            if (!t.isNumeric() && !t.isWildcard() && t.kind() != SqlType.Kind.EMPTY) {
                throw StatementError.at(operand.at(), "Operand in arithmetic negation has illegal type\n"
                    + "Operand type :\n" + t.ddl());
            }
            return new Expr.Negate(operand, operand.type(), loc(ctx));
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
            return mapFilter(base, ctx.map_filter_step());
        }
        String name;
        if (f.id() != null) {
            name = f.id().getText();
        } else if (f.string() != null) {
            name = StatementParser.text(f.string());
        } else {
            throw StatementError.notSupported("A field step that computes the field name (" + ctx.getText() + ")");
        }
        return field(base, name, f);
    }

    /** A field step; on a row variable ({@code $x.a}) it names a column. */
    private Expr field(Expr base, String name, ParserRuleContext at) {
        if (base instanceof Expr.RowRef r) {
            FieldDef col = scope.column(r.table(), name);
            if (col == null) {
                throw StatementError.at(at, "No table in the FROM clause has a column named " + name);
            }
            return new Expr.Column(r.table(), col.name(), SeqType.one(SqlType.of(col.type())), loc(at));
        }
        SeqType in = base.type();
        SqlType item = in.item();
        SqlType out;
        SqlType.Quantifier q = SqlType.Quantifier.STAR;
        switch (item.kind()) {
            case RECORD -> {
                SqlType.Field fd = item.field(name);
                if (fd == null) {
                    throw StatementError.at(at, "There is no field named " + name + " in type " + item.ddl());
                }
                out = fd.type();
                q = in.quantifier();
            }
            case MAP -> out = item.element();
            case ARRAY -> out = fieldOfElements(item.element(), name);
            case JSON, ANY_JSON_ATOMIC -> out = SqlType.JSON;
            case ANY, ANY_RECORD, ANY_ATOMIC -> out = SqlType.ANY;
            default -> out = SqlType.EMPTY;
        }
        return new Expr.FieldStep(base, name, new SeqType(out, q), loc(at));
    }

    private static SqlType fieldOfElements(SqlType element, String name) {
        return switch (element.kind()) {
            case RECORD -> element.field(name) == null ? SqlType.EMPTY : element.field(name).type();
            case MAP -> element.element();
            case ARRAY -> fieldOfElements(element.element(), name);
            case JSON -> SqlType.JSON;
            case ANY, ANY_RECORD -> SqlType.ANY;
            default -> SqlType.EMPTY;
        };
    }

    private static SqlType elementOf(SqlType t) {
        return switch (t.kind()) {
            case ARRAY -> t.element();
            case JSON, ANY_JSON_ATOMIC -> SqlType.JSON;
            case ANY, ANY_ATOMIC, ANY_RECORD, EMPTY -> SqlType.ANY;
            default -> t;
        };
    }

    private Expr mapFilter(Expr base, Map_filter_stepContext ctx) {
        boolean keys = ctx.KEYS() != null;
        SqlType item = base.type().item();
        SqlType value = item.kind() == SqlType.Kind.MAP ? item.element()
            : item.kind() == SqlType.Kind.RECORD ? SqlType.ANY : item.isJson() ? SqlType.JSON : SqlType.ANY;
        Expr pred = null;
        if (ctx.expr() != null) {
            Map<String, SeqType> vars = new HashMap<>();
            vars.put("$", base.type().withQuantifier(SqlType.Quantifier.ONE));
            vars.put("$key", SeqType.one(SqlType.STRING));
            vars.put("$value", SeqType.one(value));
            pred = withVars(vars, ctx.expr());
        }
        return new Expr.MapFilter(base, keys, pred, SeqType.star(keys ? SqlType.STRING : value), loc(ctx));
    }

    private Expr withVars(Map<String, SeqType> vars, ExprContext e) {
        contextVars.push(vars);
        try {
            return build(e);
        } finally {
            contextVars.pop();
        }
    }

    private Expr arrayStep(Expr base, Array_stepContext ctx) {
        SqlType element = elementOf(base.type().item());
        Map<String, SeqType> vars = new HashMap<>();
        vars.put("$", base.type().withQuantifier(SqlType.Quantifier.ONE));
        Array_slice_stepContext slice = ctx.array_slice_step();
        if (slice != null) {
            Expr low = null;
            Expr high = null;
            int colon = -1;
            for (int i = 0; i < slice.getChildCount(); i++) {
                if (slice.getChild(i) instanceof TerminalNode t && t.getSymbol().getType() == SqlParser.COLON) {
                    colon = i;
                }
            }
            for (int i = 0; i < slice.getChildCount(); i++) {
                if (slice.getChild(i) instanceof ExprContext e) {
                    if (i < colon) {
                        low = withVars(vars, e);
                    } else {
                        high = withVars(vars, e);
                    }
                }
            }
            return new Expr.ArraySlice(base, low, high, SeqType.star(element), loc(ctx));
        }
        Array_filter_stepContext filter = ctx.array_filter_step();
        Expr pred = null;
        if (filter.expr() != null) {
            vars.put("$element", SeqType.one(element));
            vars.put("$pos", SeqType.one(SqlType.INTEGER));
            pred = withVars(vars, filter.expr());
        }
        return new Expr.ArrayFilter(base, pred, SeqType.star(element), loc(ctx));
    }

    private Expr primary(Primary_exprContext ctx) {
        if (ctx.const_expr() != null) {
            FieldValue v = literal(ctx.const_expr());
            return new Expr.Const(v, SeqType.one(literalType(v)), loc(ctx));
        }
        if (ctx.column_ref() != null) {
            return columnRef(ctx.column_ref());
        }
        if (ctx.var_ref() != null) {
            return variable(ctx.var_ref());
        }
        if (ctx.func_call() != null) {
            return functionCall(ctx.func_call());
        }
        if (ctx.count_star() != null) {
            placeAggregate(loc(ctx), "Aggregate functions can appear in the SELECT or ORDER BY clauses only");
            return aggregate(Aggregates.Kind.COUNT_STAR, null, false, loc(ctx));
        }
        if (ctx.count_distinct() != null) {
            placeAggregate(loc(ctx), "Aggregate functions can appear in the SELECT or ORDER BY clauses only");
            return aggregate(Aggregates.Kind.COUNT, ctx.count_distinct().expr(), true, loc(ctx));
        }
        if (ctx.collect() != null) {
            placeAggregate(loc(ctx), true, "The collect aggregate function can appear in SELECT clause only");
            return aggregate(Aggregates.Kind.ARRAY_COLLECT, ctx.collect().expr(), ctx.collect().DISTINCT() != null,
                loc(ctx));
        }
        if (ctx.parenthesized_expr() != null) {
            return build(ctx.parenthesized_expr().expr());
        }
        if (ctx.array_constructor() != null) {
            return arrayConstructor(ctx.array_constructor());
        }
        if (ctx.map_constructor() != null) {
            return mapConstructor(ctx.map_constructor());
        }
        if (ctx.case_expr() != null) {
            return caseExpr(ctx.case_expr());
        }
        if (ctx.cast_expr() != null) {
            Cast_exprContext c = ctx.cast_expr();
            Expr operand = build(c.expr());
            SeqType target = seqType(c.quantified_type_def());
            return new Expr.Cast(operand, target, target, loc(ctx));
        }
        if (ctx.extract_expr() != null) {
            Extract_exprContext x = ctx.extract_expr();
            String unit = x.id().getText().toLowerCase(Locale.ROOT);
            SqlFunction f = FunctionRegistry.extraction(unit);
            if (f == null) {
                throw StatementError.at(x.id(), "Invalid unit in EXTRACT expression: " + x.id().getText());
            }
            return call(f, List.of(build(x.expr())), loc(ctx));
        }
        Transform_exprContext t = ctx.transform_expr();
        Expr input = build(t.transform_input_expr().expr());
        Map<String, SeqType> vars = new HashMap<>();
        vars.put("$", input.type().withQuantifier(SqlType.Quantifier.ONE));
        Expr mapper = withVars(vars, t.expr());
        return new Expr.Transform(input, mapper, SeqType.star(mapper.type().item()), loc(ctx));
    }

    /** {@code [a, b]}: its element type is the common type of its items ([1, 10L] holds LONGs). */
    private Expr arrayConstructor(Array_constructorContext ctx) {
        List<Expr> elements = new ArrayList<>();
        ctx.expr().forEach(e -> elements.add(build(e)));
        SqlType element = SqlType.EMPTY;
        for (Expr e : elements) {
            element = element.union(e.type().item());
        }
        if (element.kind() == SqlType.Kind.EMPTY) {
            element = SqlType.JSON;
        }
        return new Expr.ArrayCtor(elements, false, SeqType.one(SqlType.arrayOf(element)), loc(ctx));
    }

    private Expr mapConstructor(Map_constructorContext ctx) {
        List<Expr> keys = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        List<ExprContext> parts = ctx.expr();
        for (int i = 0; i < parts.size(); i += 2) {
            keys.add(build(parts.get(i)));
            values.add(build(parts.get(i + 1)));
        }
        return new Expr.MapCtor(keys, values, SeqType.one(SqlType.mapOf(SqlType.JSON)), loc(ctx));
    }

    private static SqlType literalType(FieldValue v) {
        if (v.isJsonNull()) {
            return SqlType.ANY_JSON_ATOMIC;
        }
        return SqlType.ofJsonValue(v);
    }

    private Expr caseExpr(Case_exprContext ctx) {
        List<ExprContext> parts = ctx.expr();
        boolean hasElse = ctx.ELSE() != null;
        int pairs = (parts.size() - (hasElse ? 1 : 0)) / 2;
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        SqlType type = SqlType.EMPTY;
        SqlType.Quantifier q = hasElse ? null : SqlType.Quantifier.QSTN;
        for (int i = 0; i < pairs; i++) {
            conditions.add(build(parts.get(2 * i)));
            Expr r = build(parts.get(2 * i + 1));
            results.add(r);
            type = type.union(r.type().item());
            q = q == null ? r.type().quantifier() : merge(q, r.type().quantifier());
        }
        Expr otherwise = null;
        if (hasElse) {
            otherwise = build(parts.get(parts.size() - 1));
            type = type.union(otherwise.type().item());
            q = merge(q, otherwise.type().quantifier());
        }
        return new Expr.Case(conditions, results, otherwise, new SeqType(type, q), loc(ctx));
    }

    private static SqlType.Quantifier merge(SqlType.Quantifier a, SqlType.Quantifier b) {
        boolean empty = a.mayBeEmpty() || b.mayBeEmpty();
        boolean many = a.mayBeMany() || b.mayBeMany();
        return empty ? (many ? SqlType.Quantifier.STAR : SqlType.Quantifier.QSTN)
            : (many ? SqlType.Quantifier.PLUS : SqlType.Quantifier.ONE);
    }

    /** {@code a} is a column; {@code x.a} is column a of the table whose alias is x. */
    private Expr columnRef(Column_refContext ctx) {
        String first = ctx.id(0).getText();
        if (ctx.DOT() == null) {
            List<Integer> tables = scope.tablesWithColumn(first);
            if (tables.isEmpty()) {
                throw StatementError.at(ctx, "No table in the FROM clause has a column named " + first);
            }
            if (tables.size() > 1) {
                throw StatementError.at(ctx, "The reference to column " + first
                    + " is ambiguous because more than one table has a column with this name");
            }
            int table = tables.get(0);
            FieldDef col = scope.column(table, first);
            return new Expr.Column(table, col.name(), SeqType.one(SqlType.of(col.type())), loc(ctx));
        }
        int table = scope.tableNamed(first);
        if (table < 0) {
            throw StatementError.at(ctx, "No table in the FROM clause has an alias named " + first);
        }
        String second = ctx.id().size() > 1 ? ctx.id(1).getText() : StatementParser.text(ctx.string());
        FieldDef col = scope.column(table, second);
        if (col == null) {
            throw StatementError.at(ctx, "Table " + scope.table(table).schema().name() + " has no column named "
                + second);
        }
        return new Expr.Column(table, col.name(), SeqType.one(SqlType.of(col.type())), loc(ctx));
    }

    /** The row type of a FROM table: a record of its columns. */
    private SqlType rowType(int table) {
        List<SqlType.Field> fields = new ArrayList<>();
        for (FieldDef f : scope.table(table).schema().fields()) {
            fields.add(new SqlType.Field(f.name(), SqlType.of(f.type())));
        }
        return SqlType.record(fields);
    }

    private Expr variable(Var_refContext ctx) {
        if (ctx.QUESTION_MARK() != null) {
            return new Expr.BindVar("#" + (++positional), SeqType.one(SqlType.ANY), loc(ctx));
        }
        String var = ctx.DOLLAR() != null ? "$" : ctx.VARNAME().getText();
        for (Map<String, SeqType> vars : contextVars) {
            SeqType t = vars.get(var);
            if (t != null) {
                return new Expr.Var(var, t, loc(ctx));
            }
        }
        SeqType fromVar = scope.fromVariable(var);
        if (fromVar != null) {
            return new Expr.Var(var, fromVar, loc(ctx));
        }
        int table = scope.tableOfVariable(var);
        if (table >= 0) {
            return new Expr.RowRef(table, SeqType.one(rowType(table)), loc(ctx));
        }
        SeqType declared = scope.declared(var);
        if (declared != null) {
            return new Expr.BindVar(var, declared, loc(ctx));
        }
        throw StatementError.at(ctx, " Unknown variable " + var);
    }

    /**
     * A function call: an unknown name is refused before its arguments are looked at, a known name
     * called with a number of arguments it does not take after; both messages name the function as written.
     */
    private Expr functionCall(Func_callContext ctx) {
        String written = ctx.id().getText();
        String name = written.toLowerCase(Locale.ROOT);
        Aggregates.Kind aggregate = Aggregates.Kind.byName(name);
        SqlFunction f = FunctionRegistry.find(name);
        if (aggregate == null && f == null) {
            throw RequestException.illegalArgument("Error: Could not find function with name " + written);
        }
        if (aggregate != null) {
            placeAggregate(loc(ctx), "Aggregate functions can appear in SELECT or ORDER BY clauses only");
            if (ctx.expr().size() == 1) {
                return aggregate(aggregate, ctx.expr(0), false, loc(ctx));
            }
        }
        List<Expr> args = new ArrayList<>();
        ctx.expr().forEach(e -> args.add(build(e)));
        if (f == null || !f.takes(args.size())) {
            throw StatementError.at(loc(ctx), "Could not find function with name " + written + " and arity "
                + args.size());
        }
        return call(f, args, loc(ctx));
    }

    private static Expr call(SqlFunction f, List<Expr> args, Loc at) {
        return new Expr.Call(f, args, f.check(args, at), at);
    }

    /** Refuses an aggregate nested in another or placed where it cannot be (the message varies by form). */
    private void placeAggregate(Loc at, String misplaced) {
        placeAggregate(at, false, misplaced);
    }

    private void placeAggregate(Loc at, boolean selectOnly, String misplaced) {
        if (insideAggregate) {
            throw StatementError.at(at, "Aggregate functions cannot be nested");
        }
        if (clause == Clause.OTHER || selectOnly && clause != Clause.SELECT) {
            throw StatementError.at(at, misplaced);
        }
    }

    private Expr aggregate(Aggregates.Kind kind, ExprContext argCtx, boolean distinct, Loc at) {
        Expr arg = null;
        if (argCtx != null) {
            insideAggregate = true;
            try {
                arg = build(argCtx);
            } finally {
                insideAggregate = false;
            }
        }
        return new Expr.Aggregate(kind, arg, distinct, Aggregates.check(kind, arg, at), at);
    }

    static FieldValue literal(Const_exprContext ctx) {
        if (ctx.number() != null) {
            return StatementParser.number(ctx.number());
        }
        if (ctx.string() != null) {
            return new StringValue(StatementParser.text(ctx.string()));
        }
        if (ctx.TRUE() != null || ctx.FALSE() != null) {
            return BooleanValue.getInstance(ctx.TRUE() != null);
        }
        // The NULL literal is a JSON null, as in the real engine; stored into a typed column it is SQL NULL.
        return JsonNullValue.getInstance();
    }
}
