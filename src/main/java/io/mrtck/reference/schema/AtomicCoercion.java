package io.mrtck.reference.schema;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Base64;

import io.mrtck.reference.RequestException;
import oracle.nosql.driver.values.BinaryValue;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NumberValue;
import oracle.nosql.driver.values.StringValue;
import oracle.nosql.driver.values.TimestampValue;

/**
 * A driver's atomic value turned into the value of an atomic column type, by the real proxy's
 * rules: any numeric input, or a string that parses, is accepted into a numeric column when no
 * information is lost; a STRING column takes only strings; a BOOLEAN column strings too
 * ({@code "true"} in any case is true, anything else false); BINARY takes base64 strings;
 * TIMESTAMP strings and milliseconds. Every refusal carries the real message.
 */
final class AtomicCoercion {
    private AtomicCoercion() {
    }

    static FieldValue toInteger(FieldValue v) {
        return new IntegerValue(switch (v.getType()) {
            case INTEGER -> v.getInt();
            case LONG -> longToInt(v.getLong());
            case DOUBLE -> doubleToInt(v.getDouble());
            case NUMBER -> numberToInt(v.getNumber());
            case STRING -> parse(v.getString(), "Integer", Integer::parseInt);
            default -> throw invalidDriverType("Integer", v);
        });
    }

    static FieldValue toLong(FieldValue v) {
        return new LongValue(switch (v.getType()) {
            case INTEGER -> v.getInt();
            case LONG -> v.getLong();
            case DOUBLE -> doubleToLong(v.getDouble());
            case NUMBER -> numberToLong(v.getNumber());
            case STRING -> parse(v.getString(), "Long", Long::parseLong);
            default -> throw invalidDriverType("Long", v);
        });
    }

    /** A FLOAT column holds a 32-bit float; the SDK reads it back widened to a double. */
    static FieldValue toFloat(FieldValue v) {
        float f = switch (v.getType()) {
            case INTEGER -> exactFloat(v.getInt());
            case LONG -> exactFloat(v.getLong());
            case DOUBLE -> doubleToFloat(v.getDouble());
            case NUMBER -> numberToFloat(v.getNumber());
            case STRING -> parse(nonEmpty(v.getString(), "Float"), "Float", Float::parseFloat);
            default -> throw invalidDriverType("Float", v);
        };
        return new DoubleValue(f);
    }

    static FieldValue toDouble(FieldValue v) {
        return new DoubleValue(switch (v.getType()) {
            case INTEGER -> v.getInt();
            case LONG -> longToDouble(v.getLong());
            case DOUBLE -> v.getDouble();
            case NUMBER -> numberToDouble(v.getNumber());
            case STRING -> parse(nonEmpty(v.getString(), "Double"), "Double", Double::parseDouble);
            default -> throw invalidDriverType("Double", v);
        });
    }

    /** A double keeps its shortest decimal form (0.1 stays 0.1, not its binary expansion). */
    static FieldValue toNumber(FieldValue v) {
        return new NumberValue(switch (v.getType()) {
            case INTEGER -> BigDecimal.valueOf(v.getInt());
            case LONG -> BigDecimal.valueOf(v.getLong());
            case DOUBLE -> decimalOf(v.getDouble());
            case NUMBER -> v.getNumber();
            case STRING -> parse(nonEmpty(v.getString(), "Decimal"), "Decimal", BigDecimal::new);
            default -> throw invalidDriverType("Number", v);
        });
    }

    static FieldValue toBoolean(FieldValue v) {
        return switch (v.getType()) {
            case BOOLEAN -> v;
            case STRING -> BooleanValue.getInstance(Boolean.parseBoolean(v.getString()));
            default -> throw invalidDriverType("Boolean", v);
        };
    }

    static FieldValue toString(FieldValue v) {
        expectType(FieldValue.Type.STRING, v);
        return v;
    }

    static FieldValue toEnum(FieldType type, FieldValue v) {
        expectType(FieldValue.Type.STRING, v);
        if (!type.enumValues().contains(v.getString())) {
            throw RequestException.illegalArgument("Invalid enumeration value '" + v.getString()
                + "', must be in values: " + type.enumValues());
        }
        return new StringValue(v.getString());
    }

    static FieldValue toBinary(FieldValue v) {
        return new BinaryValue(bytes(v));
    }

    static FieldValue toFixedBinary(FieldType type, FieldValue v) {
        byte[] b = bytes(v);
        if (b.length != type.size()) {
            throw RequestException.illegalArgument("Invalid length for FixedBinary array, it must be "
                + type.size() + ", and it is " + b.length);
        }
        return new BinaryValue(b);
    }

    /** A timestamp string (ISO-8601 or a prefix of it) or milliseconds, rounded to the column's precision. */
    static FieldValue toTimestamp(FieldType type, FieldValue v) {
        FieldValue ts;
        try {
            ts = switch (v.getType()) {
                case TIMESTAMP -> v;
                case STRING -> new TimestampValue(v.getString());
                case INTEGER -> new TimestampValue(v.getInt());
                case LONG -> new TimestampValue(v.getLong());
                default -> throw invalidDriverType("Timestamp", v);
            };
        } catch (RequestException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw RequestException.illegalArgument(e.getMessage());
        }
        return roundToPrecision(ts, type.timestampPrecision());
    }

    /** The real type-mismatch refusal of a value that must have one wire type. */
    static void expectType(FieldValue.Type expected, FieldValue v) {
        if (v.getType() != expected) {
            throw RequestException.illegalArgument("Type mismatch on input. Expected " + expected
                + ", got " + v.getType());
        }
    }

    /**
     * A TIMESTAMP(p) column keeps p fractional-second digits: the value is rounded half up
     * to that precision (TIMESTAMP(0) turns 00:00:00.987 into 00:00:01).
     */
    static FieldValue roundToPrecision(FieldValue ts, int precision) {
        Timestamp t = ts.getTimestamp();
        if (precision >= 9 || precision < 0 || t.getNanos() == 0) {
            return ts;
        }
        long unit = 1L;
        for (int i = precision; i < 9; i++) {
            unit *= 10;
        }
        long rounded = (t.getNanos() + unit / 2) / unit * unit;
        long seconds = Math.floorDiv(t.getTime(), 1000L);
        if (rounded == 1_000_000_000L) {
            seconds++;
            rounded = 0;
        }
        if (rounded == t.getNanos()) {
            return ts;
        }
        Timestamp out = new Timestamp(seconds * 1000L);
        out.setNanos((int) rounded);
        return new TimestampValue(out);
    }

    // --- the numeric narrowings, each refusing a loss of information with the real words ---

    private static int longToInt(long l) {
        if (l != (int) l) {
            throw RequestException.illegalArgument("Int overflow: " + l);
        }
        return (int) l;
    }

    private static int doubleToInt(double d) {
        int i = (int) d;
        if (Double.compare(d, i) != 0) {
            throw RequestException.illegalArgument("Converting double to int loses information: " + d);
        }
        return i;
    }

    private static long doubleToLong(double d) {
        long l = (long) d;
        if (Double.compare(d, l) != 0) {
            throw RequestException.illegalArgument("Converting double to long loses information: " + d);
        }
        return l;
    }

    private static int numberToInt(BigDecimal n) {
        try {
            return n.intValueExact();
        } catch (ArithmeticException e) {
            throw RequestException.illegalArgument("Int overflow: " + n);
        }
    }

    private static long numberToLong(BigDecimal n) {
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            throw RequestException.illegalArgument("Long overflow: " + n);
        }
    }

    /** The real message says "long" for an int too. */
    private static float exactFloat(long l) {
        float f = l;
        if (l != (long) f) {
            throw RequestException.illegalArgument("Converting long to float loses information: " + l);
        }
        return f;
    }

    private static double longToDouble(long l) {
        double d = l;
        if (l != (long) d) {
            throw RequestException.illegalArgument("Converting long to double loses information: " + l);
        }
        return d;
    }

    /** Zero only from zero; an overflow to infinity only from infinity (or NaN). */
    private static float doubleToFloat(double d) {
        float f = (float) d;
        boolean kept = Float.compare(f, 0f) == 0 ? Double.compare(d, 0d) == 0
            : Float.isFinite(f) || Double.isInfinite(d) || Double.isNaN(d);
        if (!kept) {
            throw RequestException.illegalArgument("Converting double to float loses information: " + d);
        }
        return f;
    }

    private static float numberToFloat(BigDecimal n) {
        Long integral = integralValue(n);
        return integral != null ? exactFloat(integral) : doubleToFloat(decimalToDouble(n));
    }

    private static double numberToDouble(BigDecimal n) {
        Long integral = integralValue(n);
        return integral != null ? longToDouble(integral) : decimalToDouble(n);
    }

    /** A decimal whose double is not the same number is refused; one beyond the double range becomes infinite. */
    private static double decimalToDouble(BigDecimal n) {
        double d = n.doubleValue();
        if (!Double.isInfinite(d) && n.compareTo(BigDecimal.valueOf(d)) != 0) {
            throw RequestException.illegalArgument("Converting decimal to double loses information: " + n);
        }
        return d;
    }

    private static Long integralValue(BigDecimal n) {
        try {
            return n.longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal decimalOf(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw RequestException.illegalArgument("Infinite or NaN");
        }
        return BigDecimal.valueOf(d);
    }

    private static byte[] bytes(FieldValue v) {
        return switch (v.getType()) {
            case BINARY -> v.getBinary();
            case STRING -> base64(v.getString());
            default -> throw invalidDriverType("Binary", v);
        };
    }

    /** Only padded base64 is accepted (the JDK decoder alone would take unpadded input). */
    private static byte[] base64(String s) {
        if (s.isEmpty() || s.length() % 4 != 0) {
            throw RequestException.illegalArgument("Invalid string for binary value: " + s
                + " is not padded base64 string");
        }
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            throw RequestException.illegalArgument("Invalid string for binary value: " + e.getMessage());
        }
    }

    private static String nonEmpty(String s, String typeName) {
        if (s.isEmpty()) {
            throw RequestException.illegalArgument("Invalid string for " + typeName + ": ");
        }
        return s;
    }

    private static <T> T parse(String s, String typeName, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(s);
        } catch (NumberFormatException e) {
            throw RequestException.illegalArgument("Invalid string for " + typeName + ": " + s);
        }
    }

    private static RequestException invalidDriverType(String typeName, FieldValue v) {
        return RequestException.illegalArgument("Invalid driver type for " + typeName + ": " + v.getType());
    }
}
