package io.mrtck.reference.sql.query;

/**
 * A parsed, checked statement.
 *
 * @param statement the text as given
 * @param tableName the table it reads or writes, as declared in the catalog
 * @param namespace its namespace, or null
 * @param kind      SELECT, INSERT, UPDATE or DELETE
 * @param plan      the engine's own compiled form (opaque outside this package)
 */
public record PreparedQuery(String statement, String tableName, String namespace, QueryKind kind,
                            Object plan) {
}
