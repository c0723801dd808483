/**
 * The statements a SystemRequest carries: regions, namespaces, SHOW and DESCRIBE (users and roles are refused).
 * Apart from table DDL because the real proxy runs them as admin operations, with answers and failures of their own.
 */
package io.mrtck.reference.sql.system;
