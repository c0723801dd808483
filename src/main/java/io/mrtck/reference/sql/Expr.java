package io.mrtck.reference.sql;

import java.util.List;

import oracle.nosql.driver.values.FieldValue;

/**
 * A compiled expression. Evaluation yields a FieldValue, or Java null for the empty
 * sequence (a path that leads nowhere), which differs from SQL NULL and JSON null.
 */
sealed interface Expr {

    record Const(FieldValue value) implements Expr { }

    /** A bind variable: {@code $name} or a positional {@code ?} (named {@code #n}). */
    record BindVar(String name) implements Expr { }

    /** The whole row of the table (its alias or row variable). */
    record RowRef() implements Expr { }

    /** A top-level column, by its declared name. */
    record Column(String name) implements Expr { }

    record Field(Expr base, String name) implements Expr { }

    record Index(Expr base, Expr index) implements Expr { }

    /** {@code base[]}: the elements of an array. Only meaningful inside EXISTS/projections; kept as the array. */
    record Unnest(Expr base) implements Expr { }

    record Arith(char op, Expr left, Expr right) implements Expr { }

    record Negate(Expr operand) implements Expr { }

    record Compare(String op, Expr left, Expr right) implements Expr { }

    record And(List<Expr> operands) implements Expr { }

    record Or(List<Expr> operands) implements Expr { }

    record Not(Expr operand) implements Expr { }

    record IsNull(Expr operand, boolean negated) implements Expr { }

    record Exists(Expr operand) implements Expr { }

    record In(Expr operand, List<Expr> candidates, boolean negated) implements Expr { }

    /** A row-level function such as {@code expiration_time($x)} or {@code size(a)}. */
    record Call(String function, List<Expr> args) implements Expr { }

    /** count/sum/min/max/avg over the rows of a group; {@code arg} null for count(*). */
    record Aggregate(String function, Expr arg) implements Expr { }

    record MapCtor(List<String> keys, List<Expr> values) implements Expr { }

    record ArrayCtor(List<Expr> elements) implements Expr { }

    /** The direct sub-expressions (Java 17: no pattern switch). */
    static List<Expr> children(Expr e) {
        if (e instanceof Field f) return List.of(f.base());
        if (e instanceof Index i) return List.of(i.base(), i.index());
        if (e instanceof Unnest u) return List.of(u.base());
        if (e instanceof Arith a) return List.of(a.left(), a.right());
        if (e instanceof Negate n) return List.of(n.operand());
        if (e instanceof Compare c) return List.of(c.left(), c.right());
        if (e instanceof And a) return a.operands();
        if (e instanceof Or o) return o.operands();
        if (e instanceof Not n) return List.of(n.operand());
        if (e instanceof IsNull n) return List.of(n.operand());
        if (e instanceof Exists x) return List.of(x.operand());
        if (e instanceof In in) {
            java.util.ArrayList<Expr> all = new java.util.ArrayList<>(in.candidates());
            all.add(0, in.operand());
            return all;
        }
        if (e instanceof Call c) return c.args();
        if (e instanceof MapCtor m) return m.values();
        if (e instanceof ArrayCtor a) return a.elements();
        return List.of();
    }

    /** Whether the expression (or a part of it) is an aggregate. */
    static boolean hasAggregate(Expr e) {
        return e instanceof Aggregate || children(e).stream().anyMatch(Expr::hasAggregate);
    }
}
