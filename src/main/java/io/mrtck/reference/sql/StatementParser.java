package io.mrtck.reference.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

import io.mrtck.reference.RequestException;

/**
 * Turns statement text into a parse tree. The first syntax error becomes ILLEGAL_ARGUMENT worded
 * as the real parser words it:
 * {@code Error: at (1, 51) missing ')' at '<EOF>', at line 1:51\nrule stack: [parse, statement, ...]}.
 * A mismatched or extraneous token is, as in the real engine, taken for a bad name and the
 * message starts with {@link #NAME_RULES}.
 */
final class StatementParser {
    static final String NAME_RULES = "Table, index and unquoted field names may contain only alphanumeric"
        + " values plus the character \"_\". ";

    private StatementParser() {
    }

    static SqlParser.StatementContext parse(String text) {
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
    static String unquote(String literal) {
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
    static String text(SqlParser.StringContext ctx) {
        return unquote(ctx.getText());
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
