package io.mrtck.reference.sql;

import io.mrtck.reference.schema.TableSchema;

/**
 * What a table DDL statement did.
 *
 * @param tableName the table it acted on, as declared
 * @param schema    the table after the statement; null once dropped
 * @param dropped   true for DROP TABLE
 */
public record DdlResult(String tableName, TableSchema schema, boolean dropped) {
}
