package io.mrtck.reference.sql.functions;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.expr.EvalContext;
import io.mrtck.reference.sql.expr.Evaluator;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlFunction;
import io.mrtck.reference.sql.expr.SqlType;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.NullValue;

/**
 * A built-in function defined by its name, its number of arguments, its result type and a body that
 * computes the result from the arguments' sequences. The function families register theirs in the
 * {@link FunctionRegistry}.
 */
final class BuiltIn implements SqlFunction {

    /** Computes a call's result from the items each argument returned. */
    interface Body {
        List<FieldValue> apply(List<List<FieldValue>> args, Call call);
    }

    /** The static result type of a call; may refuse the arguments. */
    interface Typer {
        SeqType type(List<Expr> args, Loc at);
    }

    /** What a body may need besides the argument values. */
    record Call(List<Expr> args, EvalContext ctx, Loc at) {

        SqlType argType(int i) {
            return args.get(i).type().item();
        }
    }

    private final String name;
    private final int minArgs;
    private final int maxArgs;
    private final Typer typer;
    private final Body body;

    BuiltIn(String name, int minArgs, int maxArgs, Typer typer, Body body) {
        this.name = name;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.typer = typer;
        this.body = body;
    }

    /** A function of a fixed result type. */
    BuiltIn(String name, int minArgs, int maxArgs, SeqType result, Body body) {
        this(name, minArgs, maxArgs, (args, at) -> result, body);
    }

    static void register(String name, int minArgs, int maxArgs, SeqType result, Body body) {
        FunctionRegistry.add(new BuiltIn(name, minArgs, maxArgs, result, body));
    }

    static void register(String name, int minArgs, int maxArgs, Typer typer, Body body) {
        FunctionRegistry.add(new BuiltIn(name, minArgs, maxArgs, typer, body));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean takes(int argCount) {
        return argCount >= minArgs && argCount <= maxArgs;
    }

    @Override
    public SeqType check(List<Expr> args, Loc at) {
        return typer.type(args, at);
    }

    @Override
    public List<FieldValue> apply(List<Expr> args, EvalContext ctx, Loc at) {
        List<List<FieldValue>> values = new ArrayList<>(args.size());
        for (Expr a : args) {
            values.add(Evaluator.eval(a, ctx));
        }
        return body.apply(values, new Call(args, ctx, at));
    }

    static List<FieldValue> one(FieldValue v) {
        return List.of(v);
    }

    static List<FieldValue> sqlNull() {
        return List.of(NullValue.getInstance());
    }
}
