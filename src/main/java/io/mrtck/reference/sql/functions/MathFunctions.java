package io.mrtck.reference.sql.functions;

import java.math.RoundingMode;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlType;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NumberValue;

/**
 * The math functions. abs, ceil and floor keep their argument's type; the others compute in double.
 * An argument that returns nothing makes the result empty; one that is not a number (SQL NULL
 * included) makes it NULL. round and trunc take an optional number of decimal places (at most 30
 * either way) and round half away from zero.
 */
final class MathFunctions {
    private static final SeqType DOUBLE_Q = SeqType.optional(SqlType.DOUBLE);
    private static final int MAX_PLACES = 30;

    private MathFunctions() {
    }

    static void register() {
        BuiltIn.register("e", 0, 0, SeqType.one(SqlType.DOUBLE), (args, call) -> BuiltIn.one(new DoubleValue(Math.E)));
        BuiltIn.register("pi", 0, 0, SeqType.one(SqlType.DOUBLE), (args, call) -> BuiltIn.one(new DoubleValue(Math.PI)));
        BuiltIn.register("rand", 0, 0, SeqType.one(SqlType.DOUBLE),
            (args, call) -> BuiltIn.one(new DoubleValue(ThreadLocalRandom.current().nextDouble())));
        sameType("abs", MathFunctions::abs);
        sameType("ceil", v -> rounded(v, RoundingMode.CEILING));
        sameType("floor", v -> rounded(v, RoundingMode.FLOOR));
        unary("acos", Math::acos);
        unary("asin", Math::asin);
        unary("atan", Math::atan);
        unary("cos", Math::cos);
        unary("cot", x -> 1.0d / Math.tan(x));
        unary("degrees", Math::toDegrees);
        unary("exp", Math::exp);
        unary("ln", Math::log);
        unary("log10", Math::log10);
        unary("radians", Math::toRadians);
        unary("sign", Math::signum);
        unary("sin", Math::sin);
        unary("sqrt", Math::sqrt);
        unary("tan", Math::tan);
        binary("atan2", Math::atan2);
        binary("power", Math::pow);
        binary("log", (x, base) -> Math.log(x) / Math.log(base));
        places("round", (n, multiplier) -> n < 0 ? -Math.floor(-n * multiplier + 0.5) / multiplier
            : Math.floor(n * multiplier + 0.5) / multiplier);
        places("trunc", (n, multiplier) -> n > 0 ? Math.floor(n * multiplier) / multiplier
            : Math.ceil(n * multiplier) / multiplier);
    }

    /** The single item of an argument, or null when it returned nothing. */
    private static FieldValue item(List<FieldValue> v) {
        return v.isEmpty() ? null : v.get(0);
    }

    private static void sameType(String name, java.util.function.UnaryOperator<FieldValue> f) {
        BuiltIn.register(name, 1, 1, (args, at) -> {
            SqlType t = args.get(0).type().item();
            return SeqType.optional(t.isNumeric() ? t : SqlType.ANY_ATOMIC);
        }, (args, call) -> {
            FieldValue v = item(args.get(0));
            if (v == null) {
                return List.of();
            }
            if (!v.isNumeric()) {
                return BuiltIn.sqlNull();
            }
            FieldValue r = f.apply(v);
            if (call.argType(0).kind() == SqlType.Kind.FLOAT && r.isDouble()) {
                r = new DoubleValue((float) r.getDouble());
            }
            return BuiltIn.one(r);
        });
    }

    private static FieldValue abs(FieldValue v) {
        if (v.isInteger()) return new IntegerValue(Math.abs(v.getInt()));
        if (v.isLong()) return new LongValue(Math.abs(v.getLong()));
        if (v.isDouble()) return new DoubleValue(Math.abs(v.getDouble()));
        return new NumberValue(v.getNumber().abs());
    }

    private static FieldValue rounded(FieldValue v, RoundingMode mode) {
        if (v.isInteger() || v.isLong()) {
            return v;
        }
        if (v.isDouble()) {
            return new DoubleValue(mode == RoundingMode.CEILING ? Math.ceil(v.getDouble()) : Math.floor(v.getDouble()));
        }
        return new NumberValue(v.getNumber().setScale(0, mode));
    }

    private static void unary(String name, DoubleUnaryOperator f) {
        BuiltIn.register(name, 1, 1, DOUBLE_Q, (args, call) -> {
            FieldValue v = item(args.get(0));
            if (v == null) {
                return List.of();
            }
            return v.isNumeric() ? BuiltIn.one(new DoubleValue(f.applyAsDouble(v.castAsDouble()))) : BuiltIn.sqlNull();
        });
    }

    private static void binary(String name, DoubleBinaryOperator f) {
        BuiltIn.register(name, 2, 2, DOUBLE_Q, (args, call) -> {
            FieldValue x = item(args.get(0));
            FieldValue y = item(args.get(1));
            if (x == null || y == null) {
                return List.of();
            }
            if (!x.isNumeric() || !y.isNumeric()) {
                return BuiltIn.sqlNull();
            }
            return BuiltIn.one(new DoubleValue(f.applyAsDouble(x.castAsDouble(), y.castAsDouble())));
        });
    }

    /** round and trunc: {@code f(n, 10^places)}; zero stays zero, non-finite values pass through. */
    private static void places(String name, DoubleBinaryOperator f) {
        BuiltIn.register(name, 1, 2, DOUBLE_Q, (args, call) -> {
            FieldValue n = item(args.get(0));
            FieldValue p = args.size() > 1 ? item(args.get(1)) : new IntegerValue(0);
            if (n == null || p == null) {
                return List.of();
            }
            if (!n.isNumeric() || !p.isNumeric()) {
                return BuiltIn.sqlNull();
            }
            double x = n.castAsDouble();
            double places = p.castAsDouble();
            if (x == 0) {
                return BuiltIn.one(new DoubleValue(0));
            }
            if (!Double.isFinite(x) || !Double.isFinite(places)) {
                return BuiltIn.one(new DoubleValue(x));
            }
            int d = Math.max(-MAX_PLACES, Math.min(MAX_PLACES, (int) places));
            double val = f.applyAsDouble(x, Math.pow(10, d));
            return BuiltIn.one(new DoubleValue(val == -0.0d ? 0 : val));
        });
    }
}
