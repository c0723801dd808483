package io.mrtck.reference.sql;

import java.math.BigDecimal;
import java.math.MathContext;

import io.mrtck.reference.RequestException;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NumberValue;

/**
 * + - * / on numeric values with the usual promotion INTEGER → LONG → DOUBLE, NUMBER
 * absorbing everything. INTEGER overflow widens to LONG; integer division truncates,
 * as the real engine's arithmetic on integers does.
 */
final class Arithmetic {

    private Arithmetic() {
    }

    static FieldValue apply(char op, FieldValue a, FieldValue b) {
        if (!a.isNumeric() || !b.isNumeric()) {
            throw RequestException.illegalArgument("Arithmetic operation " + op
                + " on a non-numeric value: " + a.toJson() + " " + op + " " + b.toJson());
        }
        if (a.isNumber() || b.isNumber()) {
            BigDecimal x = a.getNumber();
            BigDecimal y = b.getNumber();
            return new NumberValue(switch (op) {
                case '+' -> x.add(y);
                case '-' -> x.subtract(y);
                case '*' -> x.multiply(y);
                default -> {
                    divisorNotZero(y.signum() == 0);
                    yield x.divide(y, MathContext.DECIMAL128);
                }
            });
        }
        if (a.isDouble() || b.isDouble()) {
            double x = a.castAsDouble();
            double y = b.castAsDouble();
            return new DoubleValue(switch (op) {
                case '+' -> x + y;
                case '-' -> x - y;
                case '*' -> x * y;
                default -> x / y;
            });
        }
        long x = a.getLong();
        long y = b.getLong();
        long r;
        try {
            r = switch (op) {
                case '+' -> Math.addExact(x, y);
                case '-' -> Math.subtractExact(x, y);
                case '*' -> Math.multiplyExact(x, y);
                default -> {
                    divisorNotZero(y == 0);
                    yield x / y;
                }
            };
        } catch (ArithmeticException overflow) {
            throw RequestException.illegalArgument("Arithmetic overflow: " + x + " " + op + " " + y);
        }
        if (a.isInteger() && b.isInteger() && r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE) {
            return new IntegerValue((int) r);
        }
        return new LongValue(r);
    }

    static FieldValue negate(FieldValue v) {
        if (v.isInteger()) {
            return v.getInt() == Integer.MIN_VALUE ? new LongValue(-(long) v.getInt()) : new IntegerValue(-v.getInt());
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

    private static void divisorNotZero(boolean zero) {
        if (zero) {
            throw RequestException.illegalArgument("Division by zero");
        }
    }
}
