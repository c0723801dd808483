/**
 * SqlEngine, the entry point, and the parser layer all statement packages read: the parser generated from Sql.g4,
 * StatementParser, errors at a place in the text (StatementError, Loc), StatementKind and TableName.
 */
package io.mrtck.reference.sql;
