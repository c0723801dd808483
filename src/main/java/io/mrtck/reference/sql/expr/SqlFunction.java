package io.mrtck.reference.sql.expr;

import java.util.List;

import io.mrtck.reference.sql.Loc;
import oracle.nosql.driver.values.FieldValue;

/**
 * A built-in function of the query language. {@link #check} runs at compile time: it refuses
 * arguments of a type the function cannot take, in the real engine's
 * words, and gives the result type. {@link #apply} evaluates a call.
 */
public interface SqlFunction {

    String name();

    /** Whether the function takes this many arguments (another count names no function). */
    boolean takes(int argCount);

    /** The result type of a call with these arguments; throws a positioned error for a bad call. */
    SeqType check(List<Expr> args, Loc at);

    /** The items the call returns for these argument expressions. */
    List<FieldValue> apply(List<Expr> args, EvalContext ctx, Loc at);
}
