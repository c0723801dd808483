package io.mrtck.reference.sql.ddl;

import io.mrtck.reference.ErrorCode;
import io.mrtck.reference.RequestException;
import io.mrtck.reference.sql.StatementError;

/**
 * The two ways the real engine words a DDL statement it refuses after translation: a table
 * that cannot be built ({@code Error: Error found when creating the table: …}) and a
 * statement the store refuses to apply ({@code Error: User error in query: DROP TABLE failed
 * for table t: …}). Errors found while translating carry a position instead ({@link StatementError}).
 */
final class DdlFailure {

    private DdlFailure() {
    }

    /** The table definition is not valid. */
    static RequestException creation(String cause) {
        return RequestException.illegalArgument("Error: Error found when creating the table: " + cause);
    }

    /** {@code operation} (DROP TABLE, ALTER TABLE…) failed on {@code table}. */
    static RequestException userError(ErrorCode code, String operation, String table, String cause) {
        return new RequestException(code, "Error: User error in query: " + operation + " failed for table "
            + table + ": " + cause);
    }

    /** {@code operation} (CREATE INDEX, DROP INDEX) failed on index {@code index} of {@code table}. */
    static RequestException indexError(ErrorCode code, String operation, String table, String index,
                                       String cause) {
        return userError(code, operation, table + ", index " + index, cause);
    }
}
