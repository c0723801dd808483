/**
 * The expression language: compiled expressions (Expr), their types and their evaluation over sequences of items,
 * with the operators' rules (casts, comparisons, arithmetic, order, aggregates); functions and statements build on it.
 */
package io.mrtck.reference.sql.expr;
