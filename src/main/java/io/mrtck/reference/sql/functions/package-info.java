/**
 * The built-in functions of the query language, a class per family (string, math, timestamp, sequence, row).
 * Apart because they are a library on top of the expression language; the compiler finds them in FunctionRegistry.
 */
package io.mrtck.reference.sql.functions;
