/**
 * Table DDL, what a TableRequest carries: CREATE/DROP/ALTER TABLE and CREATE/DROP INDEX, applied to the catalog.
 * Apart because it only turns statements into table schemas; queries reuse its type reader for DECLAREd variables.
 */
package io.mrtck.reference.sql.ddl;
