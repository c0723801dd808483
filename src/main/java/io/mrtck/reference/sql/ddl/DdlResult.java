package io.mrtck.reference.sql.ddl;

import io.mrtck.reference.schema.TableSchema;

/**
 * What a table DDL statement did.
 *
 * @param tableName the table it acted on, as declared
 * @param schema    the table after the statement; null once dropped
 * @param dropped   true for DROP TABLE
 * @param json      the table's schema JSON after the statement; null once dropped
 */
public record DdlResult(String tableName, TableSchema schema, boolean dropped, String json) {

    public DdlResult(String tableName, TableSchema schema, boolean dropped) {
        this(tableName, schema, dropped, null);
    }

    DdlResult withJson(String schemaJson) {
        return new DdlResult(tableName, schema, dropped, schemaJson);
    }
}
