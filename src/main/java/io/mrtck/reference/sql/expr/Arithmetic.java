package io.mrtck.reference.sql.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.StatementError;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NumberValue;

/**
 * + - * / and div on numbers, as the real engine computes them: the result type is the widest
 * operand type (INTEGER &lt; LONG &lt; FLOAT &lt; DOUBLE &lt; NUMBER; DOUBLE at least with div) and
 * the arithmetic is Java's in that type, so INTEGER and LONG overflow wraps around and integer
 * division truncates. NUMBER arithmetic rounds to the query's math context (DECIMAL32, the SDK's
 * default).
 */
public final class Arithmetic {
    static final MathContext MATH = MathContext.DECIMAL32;

    private Arithmetic() {
    }

    /**
     * The result of a chain of operations; {@code ops.charAt(i)} applies operand i ('+' '-' '*' '/'
     * or 'd' for div); {@code floats.get(i)} says whether operand i is a FLOAT.
     */
    static FieldValue apply(boolean additive, String ops, List<FieldValue> operands, List<Boolean> floats,
                            Loc at) {
        SqlType.Kind type = ops.indexOf('d') >= 0 ? SqlType.Kind.DOUBLE : SqlType.Kind.INTEGER;
        for (int i = 0; i < operands.size(); i++) {
            type = widest(type, kindOf(operands.get(i), floats.get(i)));
        }
        try {
            return switch (type) {
                case INTEGER -> new IntegerValue((int) integral(additive, ops, operands, true));
                case LONG -> new LongValue(integral(additive, ops, operands, false));
                case FLOAT -> new DoubleValue(floating(additive, ops, operands, true));
                case DOUBLE -> new DoubleValue(floating(additive, ops, operands, false));
                default -> new NumberValue(decimals(additive, ops, operands));
            };
        } catch (ArithmeticException e) {
            throw StatementError.at(at, "Arithmetic exception in query: " + e.getMessage());
        }
    }

    static SqlType.Kind kindOf(FieldValue v, boolean isFloat) {
        if (v.isInteger()) return SqlType.Kind.INTEGER;
        if (v.isLong()) return SqlType.Kind.LONG;
        if (v.isDouble()) return isFloat ? SqlType.Kind.FLOAT : SqlType.Kind.DOUBLE;
        return SqlType.Kind.NUMBER;
    }

    public static SqlType.Kind widest(SqlType.Kind a, SqlType.Kind b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }

    /** INTEGER or LONG arithmetic; INTEGER narrowed after each operation, so it wraps around as int arithmetic. */
    private static long integral(boolean additive, String ops, List<FieldValue> v, boolean narrow) {
        long r = additive ? 0 : 1;
        for (int i = 0; i < v.size(); i++) {
            long x = v.get(i).getLong();
            r = switch (ops.charAt(i)) {
                case '+' -> r + x;
                case '-' -> r - x;
                case '*' -> r * x;
                default -> r / x;
            };
            r = narrow ? (int) r : r;
        }
        return r;
    }

    /** FLOAT or DOUBLE arithmetic; FLOAT rounded to a float after each operation. */
    private static double floating(boolean additive, String ops, List<FieldValue> v, boolean narrow) {
        double r = additive ? 0 : 1;
        for (int i = 0; i < v.size(); i++) {
            double x = narrow ? (float) v.get(i).castAsDouble() : v.get(i).castAsDouble();
            r = switch (ops.charAt(i)) {
                case '+' -> r + x;
                case '-' -> r - x;
                case '*' -> r * x;
                default -> r / x;
            };
            r = narrow ? (float) r : r;
        }
        return r;
    }

    private static BigDecimal decimals(boolean additive, String ops, List<FieldValue> v) {
        BigDecimal r = null;
        for (int i = 0; i < v.size(); i++) {
            BigDecimal x = decimal(v.get(i));
            char op = ops.charAt(i);
            if (r == null) {
                r = switch (op) {
                    case '+', '*' -> x;
                    case '-' -> x.negate();
                    default -> BigDecimal.ONE.divide(x, MATH);
                };
                continue;
            }
            r = switch (op) {
                case '+' -> r.add(x, MATH);
                case '-' -> r.subtract(x, MATH);
                case '*' -> r.multiply(x, MATH);
                default -> r.divide(x, MATH);
            };
        }
        return r;
    }

    static BigDecimal decimal(FieldValue v) {
        return v.isDouble() ? BigDecimal.valueOf(v.getDouble()) : v.getNumber();
    }

    /** Unary minus: the same type, INTEGER and LONG wrapping around at their minimum. */
    public static FieldValue negate(FieldValue v) {
        if (v.isInteger()) {
            return new IntegerValue(-v.getInt());
        }
        if (v.isLong()) {
            return new LongValue(-v.getLong());
        }
        if (v.isDouble()) {
            return new DoubleValue(-v.getDouble());
        }
        if (v.isNumber()) {
            return new NumberValue(v.getNumber().negate());
        }
        throw RequestException.illegalArgument("Cannot negate a non-numeric value: " + v.toJson());
    }
}
