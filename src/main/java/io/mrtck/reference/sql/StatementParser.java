package io.mrtck.reference.sql;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.tree.TerminalNode;

import io.mrtck.reference.RequestException;
import oracle.nosql.driver.values.DoubleValue;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.IntegerValue;
import oracle.nosql.driver.values.LongValue;
import oracle.nosql.driver.values.NumberValue;

/**
 * Turns statement text into a parse tree, and reads the values of its literals. The first syntax
 * error becomes ILLEGAL_ARGUMENT worded as the real parser words it:
 * {@code Error: at (1, 51) missing ')' at '<EOF>', at line 1:51\nrule stack: [parse, statement, ...]}.
 * A mismatched or extraneous token is, as in the real engine, taken for a bad name and the
 * message starts with {@link #NAME_RULES}.
 */
public final class StatementParser {
    static final String NAME_RULES = "Table, index and unquoted field names may contain only alphanumeric"
        + " values plus the character \"_\". ";

    private StatementParser() {
    }

    public static SqlParser.StatementContext parse(String text) {
        if (text == null) {
            throw RequestException.illegalArgument("A statement is required");
        }
        SqlLexer lexer = new SqlLexer(CharStreams.fromString(text));
        // The lexer cannot fail: any character it does not know becomes an UnrecognizedToken.
        lexer.removeErrorListeners();
        SqlParser parser = new SqlParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(new FirstErrorThrower());
        return parser.parse().statement();
    }

    /** The value of a quoted string ('...' or "..."), escapes resolved. */
    public static String unquote(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                sb.append(c);
                continue;
            }
            char n = body.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'u' -> {
                    String hex = body.substring(i + 1, Math.min(i + 5, body.length()));
                    if (hex.matches("[0-9a-fA-F]{4}")) {
                        sb.append((char) Integer.parseInt(hex, 16));
                        i += 4;
                    } else {
                        sb.append('u');
                    }
                }
                default -> sb.append(n);
            }
        }
        return sb.toString();
    }

    /** The text of a string rule (a quoted literal), unquoted. */
    public static String text(SqlParser.StringContext ctx) {
        return unquote(ctx.getText());
    }

    /**
     * A numeric literal, its sign included: INT is an INTEGER (a LONG, a NUMBER when larger); FLOAT a
     * DOUBLE when the double holds it exactly, else a NUMBER; 12n a NUMBER.
     */
    public static FieldValue number(SqlParser.NumberContext ctx) {
        TerminalNode digits = ctx.INT() != null ? ctx.INT() : ctx.FLOAT() != null ? ctx.FLOAT() : ctx.NUMBER();
        String text = (ctx.MINUS() != null ? "-" : "") + digits.getText();
        if (ctx.INT() != null) {
            return integer(text);
        }
        BigDecimal n = new BigDecimal(ctx.NUMBER() != null ? text.substring(0, text.length() - 1) : text);
        if (ctx.FLOAT() != null) {
            double d = n.doubleValue();
            if (Double.isFinite(d) && n.compareTo(BigDecimal.valueOf(d)) == 0) {
                return new DoubleValue(d);
            }
        }
        return new NumberValue(n);
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

    private static final class FirstErrorThrower extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            List<String> stack = new ArrayList<>(((Parser) recognizer).getRuleInvocationStack());
            Collections.reverse(stack);
            String where = "Error: at (" + line + ", " + charPositionInLine + ") ";
            String message = where + msg + ", at line " + line + ":" + charPositionInLine + "\nrule stack: " + stack;
            boolean badToken = msg.startsWith("mismatched input") || msg.startsWith("extraneous input");
            throw RequestException.illegalArgument(badToken ? NAME_RULES + message : message);
        }
    }
}
