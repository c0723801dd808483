package io.mrtck.reference.sql.functions;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.mrtck.reference.RequestException;
import io.mrtck.reference.sql.Loc;
import io.mrtck.reference.sql.StatementError;
import io.mrtck.reference.sql.expr.Casting;
import io.mrtck.reference.sql.expr.Expr;
import io.mrtck.reference.sql.expr.SeqType;
import io.mrtck.reference.sql.expr.SqlType;
import oracle.nosql.driver.values.BooleanValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.StringValue;

/**
 * The string functions. Their string arguments take any item and cast it to a string (a number
 * becomes its digits, a JSON null "null"); an argument that returns nothing makes the result empty,
 * one that returns SQL NULL or several items makes it NULL. concat (and ||) skips SQL NULLs and is
 * NULL only when every argument is NULL or empty.
 */
final class StringFunctions {
    private static final SeqType STRING_Q = SeqType.optional(SqlType.STRING);
    private static final SeqType BOOLEAN_Q = SeqType.optional(SqlType.BOOLEAN);
    private static final SeqType INTEGER_Q = SeqType.optional(SqlType.INTEGER);

    /** Characters a regex_like pattern may not use unescaped; letters it may use escaped. */
    private static final String UNSUPPORTED_OPERATORS = "^$[]{}+?|()";
    private static final String SUPPORTED_ESCAPED_LETTERS = "QEtnrfaecxu";
    private static final String REGEX_FLAGS = "dixlsucU";

    private StringFunctions() {
    }

    /**
     * The string an argument stands for: null with {@code result} set to the call's result when the
     * argument is empty (empty), NULL or several items (NULL).
     */
    private record Arg(String value, List<FieldValue> result) {
        static Arg of(List<FieldValue> items, BuiltIn.Call call, int i) {
            if (items.isEmpty()) {
                return new Arg(null, List.of());
            }
            if (items.size() > 1 || items.get(0).isNull()) {
                return new Arg(null, BuiltIn.sqlNull());
            }
            FieldValue v = items.get(0);
            String s = v.isString() ? v.getString()
                : Casting.cast(v, call.argType(i), SqlType.STRING, call.at()).getString();
            return new Arg(s, null);
        }
    }

    /** An optional numeric argument: null when absent; {@code Integer.MIN_VALUE} when NULL or empty. */
    private static Integer intArg(List<List<FieldValue>> args, int i) {
        if (args.size() <= i) {
            return null;
        }
        List<FieldValue> v = args.get(i);
        if (v.size() != 1 || v.get(0).isNull() || !v.get(0).isNumeric()) {
            return Integer.MIN_VALUE;
        }
        return Casting.toInt(v.get(0));
    }

    static void register() {
        BuiltIn.register("concat", 0, Integer.MAX_VALUE, (args, at) -> {
            if (args.isEmpty()) {
                throw StatementError.at(at, "concat function must have at least one argument.");
            }
            return STRING_Q;
        }, StringFunctions::concat);
        oneString("upper", s -> s.toUpperCase(Locale.ROOT));
        oneString("lower", s -> s.toLowerCase(Locale.ROOT));
        oneString("ltrim", s -> strip(s, " ", true, false));
        oneString("rtrim", s -> strip(s, " ", false, true));
        oneString("reverse", s -> new StringBuilder(s).reverse().toString());
        BuiltIn.register("length", 1, 1, INTEGER_Q, (args, call) -> {
            Arg s = Arg.of(args.get(0), call, 0);
            return s.value() == null ? s.result()
                : BuiltIn.one(new IntegerValue(s.value().codePointCount(0, s.value().length())));
        });
        BuiltIn.register("trim", 1, 3, STRING_Q, StringFunctions::trim);
        BuiltIn.register("substring", 2, 3, STRING_Q, StringFunctions::substring);
        BuiltIn.register("index_of", 2, 3, INTEGER_Q, (args, call) -> {
            Arg s = Arg.of(args.get(0), call, 0);
            Arg search = Arg.of(args.get(1), call, 1);
            if (s.value() == null || search.value() == null) {
                return s.value() == null ? s.result() : BuiltIn.sqlNull();
            }
            Integer from = intArg(args, 2);
            if (from != null && from == Integer.MIN_VALUE) {
                return BuiltIn.sqlNull();
            }
            int start = from == null ? 0 : Math.max(0, from);
            return BuiltIn.one(new IntegerValue(s.value().indexOf(search.value(), start)));
        });
        BuiltIn.register("replace", 2, 3, STRING_Q, (args, call) -> {
            Arg s = Arg.of(args.get(0), call, 0);
            Arg search = Arg.of(args.get(1), call, 1);
            if (s.value() == null || search.value() == null) {
                return s.value() == null ? s.result() : BuiltIn.sqlNull();
            }
            String with = "";
            if (args.size() > 2) {
                Arg r = Arg.of(args.get(2), call, 2);
                if (r.value() == null) {
                    return BuiltIn.sqlNull();
                }
                with = r.value();
            }
            return BuiltIn.one(new StringValue(s.value().replace(search.value(), with)));
        });
        test("contains", String::contains);
        test("starts_with", String::startsWith);
        test("ends_with", String::endsWith);
        FunctionRegistry.add(new BuiltIn("regex_like", 2, 3, (args, at) -> {
            checkRegex(args);
            return BOOLEAN_Q;
        }, StringFunctions::regexLike));
    }

    private static void oneString(String name, java.util.function.UnaryOperator<String> f) {
        BuiltIn.register(name, 1, 1, STRING_Q, (args, call) -> {
            Arg s = Arg.of(args.get(0), call, 0);
            return s.value() == null ? s.result() : BuiltIn.one(new StringValue(f.apply(s.value())));
        });
    }

    private static void test(String name, java.util.function.BiPredicate<String, String> f) {
        BuiltIn.register(name, 2, 2, BOOLEAN_Q, (args, call) -> {
            Arg s = Arg.of(args.get(0), call, 0);
            Arg search = Arg.of(args.get(1), call, 1);
            if (s.value() == null || search.value() == null) {
                return BuiltIn.sqlNull();
            }
            return BuiltIn.one(BooleanValue.getInstance(f.test(s.value(), search.value())));
        });
    }

    private static List<FieldValue> concat(List<List<FieldValue>> args, BuiltIn.Call call) {
        StringBuilder sb = new StringBuilder();
        boolean any = false;
        for (int i = 0; i < args.size(); i++) {
            for (FieldValue v : args.get(i)) {
                if (v.isNull()) {
                    continue;
                }
                any = true;
                sb.append(v.isString() ? v.getString() : Casting.asString(v, call.argType(i)));
            }
        }
        return any ? BuiltIn.one(new StringValue(sb.toString())) : BuiltIn.sqlNull();
    }

    private static List<FieldValue> substring(List<List<FieldValue>> args, BuiltIn.Call call) {
        Arg s = Arg.of(args.get(0), call, 0);
        if (s.value() == null) {
            return s.result();
        }
        Integer pos = intArg(args, 1);
        Integer length = intArg(args, 2);
        if (pos == Integer.MIN_VALUE || length != null && length == Integer.MIN_VALUE) {
            return BuiltIn.sqlNull();
        }
        if (length != null && length < 1) {
            return BuiltIn.one(new StringValue(""));
        }
        String str = s.value();
        int count = str.codePointCount(0, str.length());
        if (pos < 0 || pos >= count) {
            return BuiltIn.sqlNull();
        }
        int begin = str.offsetByCodePoints(0, pos);
        int end = length == null || pos + (long) length >= count ? str.length() : str.offsetByCodePoints(begin, length);
        return BuiltIn.one(new StringValue(str.substring(begin, end)));
    }

    /** trim(str, 'both'|'leading'|'trailing', char): the character (a space by default) cut from the ends. */
    private static List<FieldValue> trim(List<List<FieldValue>> args, BuiltIn.Call call) {
        Arg s = Arg.of(args.get(0), call, 0);
        if (s.value() == null) {
            return s.result();
        }
        String where = "both";
        String chars = " ";
        if (args.size() > 1) {
            Arg w = Arg.of(args.get(1), call, 1);
            if (w.value() == null) {
                return BuiltIn.sqlNull();
            }
            where = w.value().toLowerCase(Locale.ROOT);
        }
        if (args.size() > 2) {
            Arg c = Arg.of(args.get(2), call, 2);
            if (c.value() == null) {
                return BuiltIn.sqlNull();
            }
            chars = c.value().isEmpty() ? "" : c.value().substring(0, 1);
        }
        boolean leading = where.equals("both") || where.equals("leading");
        boolean trailing = where.equals("both") || where.equals("trailing");
        if (!leading && !trailing) {
            return BuiltIn.one(new StringValue(s.value()));
        }
        return BuiltIn.one(new StringValue(strip(s.value(), chars, leading, trailing)));
    }

    private static String strip(String s, String chars, boolean leading, boolean trailing) {
        if (chars.isEmpty()) {
            return s;
        }
        int begin = 0;
        int end = s.length();
        while (leading && begin < end && chars.indexOf(s.charAt(begin)) >= 0) {
            begin++;
        }
        while (trailing && end > begin && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(begin, end);
    }

    /** A constant pattern is checked when the statement is compiled: only a subset of Java regexes is allowed. */
    private static void checkRegex(List<Expr> args) {
        if (!(args.get(1) instanceof Expr.Const p) || !p.value().isString()) {
            return;
        }
        String flags = args.size() > 2 && args.get(2) instanceof Expr.Const f && f.value().isString()
            ? f.value().getString() : null;
        if (args.size() > 2 && flags == null) {
            return;
        }
        pattern(p.value().getString(), flags, args.get(1).at());
    }

    private static Pattern pattern(String pattern, String flags, Loc at) {
        verifyPattern(pattern);
        int f = 0;
        if (flags != null) {
            for (char c : flags.toCharArray()) {
                int bit = switch (c) {
                    case 'd' -> Pattern.UNIX_LINES;
                    case 'i' -> Pattern.CASE_INSENSITIVE;
                    case 'x' -> Pattern.COMMENTS;
                    case 'l' -> Pattern.LITERAL;
                    case 's' -> Pattern.DOTALL;
                    case 'u' -> Pattern.UNICODE_CASE;
                    case 'c' -> Pattern.CANON_EQ;
                    case 'U' -> Pattern.UNICODE_CHARACTER_CLASS;
                    default -> {
                        if (Character.isWhitespace(c)) {
                            yield 0;
                        }
                        throw RequestException.illegalArgument("The flags parameter [" + flags + "]  specified"
                            + " for the regex_like function is invalid. Valid flag parameter values are ["
                            + REGEX_FLAGS + "].");
                    }
                };
                f |= bit;
            }
        }
        try {
            return Pattern.compile(pattern, f);
        } catch (PatternSyntaxException e) {
            throw StatementError.at(at, "The pattern [" + pattern + "] specified for the regex_like function is"
                + " invalid.");
        }
    }

    /** Unescaped anchors, classes, groups, alternations and repetitions other than * are refused. */
    private static void verifyPattern(String pattern) {
        boolean escaped = false;
        for (int pos = 0; pos < pattern.length(); pos++) {
            char c = pattern.charAt(pos);
            if (c == '\\') {
                escaped = !escaped;
                continue;
            }
            if (escaped) {
                if (Character.isLetter(c) && SUPPORTED_ESCAPED_LETTERS.indexOf(c) < 0) {
                    throw unsupported(pattern);
                }
                if (c == 'Q') {
                    int end = pattern.indexOf("\\E", pos + 1);
                    pos = end < 0 ? pattern.length() : end + 1;
                }
                escaped = false;
            } else if (UNSUPPORTED_OPERATORS.indexOf(c) >= 0) {
                throw unsupported(pattern);
            }
        }
    }

    private static RequestException unsupported(String pattern) {
        return RequestException.illegalArgument("The pattern parameter [" + pattern + "] contains an"
            + " unsupported regular expression.");
    }

    private static List<FieldValue> regexLike(List<List<FieldValue>> args, BuiltIn.Call call) {
        Arg s = Arg.of(args.get(0), call, 0);
        if (s.value() == null) {
            return s.result().isEmpty() ? BuiltIn.one(BooleanValue.falseInstance()) : s.result();
        }
        Arg p = Arg.of(args.get(1), call, 1);
        if (p.value() == null) {
            return BuiltIn.sqlNull();
        }
        String flags = null;
        if (args.size() > 2) {
            Arg f = Arg.of(args.get(2), call, 2);
            if (f.value() == null) {
                return BuiltIn.sqlNull();
            }
            flags = f.value();
        }
        Pattern pattern = pattern(p.value(), flags, call.args().get(1).at());
        return BuiltIn.one(BooleanValue.getInstance(pattern.matcher(s.value()).matches()));
    }
}
