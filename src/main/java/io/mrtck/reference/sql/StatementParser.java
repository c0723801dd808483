package io.mrtck.reference.sql;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

import io.mrtck.reference.RequestException;

/** Turns statement text into a parse tree; the first syntax error becomes ILLEGAL_ARGUMENT. */
final class StatementParser {

    private StatementParser() {
    }

    static SqlParser.StatementContext parse(String text) {
        if (text == null || text.isBlank()) {
            throw RequestException.illegalArgument("Empty statement");
        }
        ThrowingListener listener = new ThrowingListener();
        SqlLexer lexer = new SqlLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        lexer.addErrorListener(listener);
        SqlParser parser = new SqlParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(listener);
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        return parser.statement();
    }

    /** Text of a name token: backquoted identifiers lose their quotes. */
    static String nameText(SqlParser.NameContext ctx) {
        String t = ctx.getText();
        return t.startsWith("`") ? t.substring(1, t.length() - 1) : t;
    }

    static String identifierText(String t) {
        return t.startsWith("`") ? t.substring(1, t.length() - 1) : t;
    }

    /** The value of a quoted string literal ('...' or "..."), escapes resolved. */
    static String unquote(String literal) {
        char quote = literal.charAt(0);
        String body = literal.substring(1, literal.length() - 1);
        StringBuilder sb = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char n = body.charAt(++i);
                switch (n) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        if (i + 4 < body.length()) {
                            sb.append((char) Integer.parseInt(body.substring(i + 1, i + 5), 16));
                            i += 4;
                        } else {
                            sb.append('u');
                        }
                    }
                    default -> sb.append(n);
                }
            } else if (c == quote && quote == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                sb.append('\'');
                i++;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static final class ThrowingListener extends BaseErrorListener {
        @Override
        public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line,
                                int charPositionInLine, String msg, RecognitionException e) {
            String near = offendingSymbol instanceof Token t
                ? (t.getType() == Token.EOF ? "<end of statement>" : t.getText())
                : "";
            throw RequestException.illegalArgument("Syntax error at line " + line + ":"
                + charPositionInLine + " near '" + near + "': " + msg);
        }
    }
}
