/**
 * What a QueryRequest carries, SELECT and DML (INSERT/UPSERT, UPDATE, DELETE): compiled against the catalog, then run.
 * DML lives here too: it shares the planner's WHERE, RETURNING and key-prefix compilation and the runner's scans.
 */
package io.mrtck.reference.sql.query;
