package io.mrtck.reference.sql;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

import io.mrtck.reference.RequestException;

/**
 * Errors found while translating a parsed statement (DDL, DML or a query).
 *
 * <p>The real engine reports them at the place in the statement they are about:
 * {@code Error: at (LINE, COL) message}, LINE counted from 1 and COL from 0, for the first token
 * of the part of the statement at fault. Throw {@code StatementError.at(node, "message")} with the
 * parse-tree node the message is about, for example
 * <ul>
 *   <li>a DEFAULT that does not suit the column: the {@code default_def} node
 *       ({@code Error: at (1, 43) Fields of type: JSON cannot have default values});</li>
 *   <li>an unknown column: the {@code column_ref} node
 *       ({@code Error: at (1, 7) No table in the FROM clause has a column named nope});</li>
 *   <li>a value given for an MR_COUNTER column: the {@code insert_clause} of that value;</li>
 *   <li>a bad SET clause: the {@code set_clause}.</li>
 * </ul>
 * Which node a real message points at is read off the recorded answers: count the column of the
 * "(1, N)" in the statement text.
 *
 * <p>Syntax the grammar accepts but the reference cannot execute yet fails with
 * {@link #notSupported(String)}, so that it is refused clearly instead of misread.
 */
public final class StatementError {

    private StatementError() {
    }

    public static RequestException at(ParserRuleContext node, String message) {
        return at(node.getStart(), message);
    }

    static RequestException at(Token token, String message) {
        return at(new Loc(token.getLine(), token.getCharPositionInLine()), message);
    }

    /** An error found where a compiled expression comes from (its place is kept in the expression). */
    public static RequestException at(Loc loc, String message) {
        return RequestException.illegalArgument("Error: at (" + loc.line() + ", " + loc.col() + ") " + message);
    }

    /** {@code what} names the construct, as a user would write it ("LEFT OUTER JOIN"). */
    public static RequestException notSupported(String what) {
        return RequestException.illegalArgument(what + " is not supported by the reference region yet");
    }
}
