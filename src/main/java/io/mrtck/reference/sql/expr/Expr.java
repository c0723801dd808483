package io.mrtck.reference.sql.expr;

import java.util.ArrayList;
import java.util.List;

import io.mrtck.reference.sql.Loc;
import oracle.nosql.driver.values.FieldValue;

/**
 * A compiled expression. Every expression returns a sequence of items (see {@link Evaluator}); its
 * static {@link #type()} and its place in the statement ({@link #at()}, for errors) are fixed at
 * compile time.
 */
public sealed interface Expr {

    SeqType type();

    Loc at();

    record Const(FieldValue value, SeqType type, Loc at) implements Expr { }

    /** An external variable: {@code $name} declared in the prolog, or a positional {@code ?} (named {@code #n}). */
    record BindVar(String name, SeqType type, Loc at) implements Expr { }

    /**
     * A variable bound inside the statement: {@code $}, {@code $element}, {@code $pos}, {@code $key},
     * {@code $value} in filter steps and seq_transform, and the variables of FROM expressions and UNNEST.
     */
    record Var(String name, SeqType type, Loc at) implements Expr { }

    /** The row of the {@code table}-th table of the FROM clause (its row variable). */
    record RowRef(int table, SeqType type, Loc at) implements Expr { }

    /** A top-level column of the {@code table}-th table of the FROM clause. */
    record Column(int table, String name, SeqType type, Loc at) implements Expr { }

    record FieldStep(Expr input, String name, SeqType type, Loc at) implements Expr { }

    /** {@code input[pred]}; {@code pred} null for {@code input[]}. */
    record ArrayFilter(Expr input, Expr pred, SeqType type, Loc at) implements Expr { }

    /** {@code input[low:high]}; either bound may be null. */
    record ArraySlice(Expr input, Expr low, Expr high, SeqType type, Loc at) implements Expr { }

    /** {@code input.keys(pred)} or {@code input.values(pred)}; {@code pred} may be null. */
    record MapFilter(Expr input, boolean keys, Expr pred, SeqType type, Loc at) implements Expr { }

    /**
     * A chain of + and - (or of *, / and div): {@code ops} holds one operator per argument, the
     * first being the neutral one ({@code "+-+"} for {@code a - b + c}, {@code "*d"} for {@code a div b}).
     */
    record Arith(boolean additive, String ops, List<Expr> args, SeqType type, Loc at) implements Expr { }

    record Negate(Expr operand, SeqType type, Loc at) implements Expr { }

    /** A value comparison ({@code any} false) or a quantified one ({@code =any}, {@code <any}...). */
    record Compare(String op, boolean any, Expr left, Expr right, SeqType type, Loc at) implements Expr { }

    record And(List<Expr> operands, SeqType type, Loc at) implements Expr { }

    record Or(List<Expr> operands, SeqType type, Loc at) implements Expr { }

    record Not(Expr operand, SeqType type, Loc at) implements Expr { }

    record IsNull(Expr operand, boolean negated, SeqType type, Loc at) implements Expr { }

    record Exists(Expr operand, SeqType type, Loc at) implements Expr { }

    /**
     * {@code (a, b) IN ((1, 2), (3, 4))}, {@code a IN (1, 2)}: the left operands against each
     * tuple of candidates; or, with {@code sequence} set, {@code a IN <path>}: against each item.
     */
    record In(List<Expr> left, List<List<Expr>> candidates, Expr sequence, SeqType type, Loc at)
        implements Expr { }

    /** {@code operand IS [NOT] OF TYPE (...)}; {@code only} per target type. */
    record IsOfType(Expr operand, List<SeqType> targets, List<Boolean> only, boolean negated, SeqType type,
                    Loc at) implements Expr { }

    record Case(List<Expr> conditions, List<Expr> results, Expr otherwise, SeqType type, Loc at)
        implements Expr { }

    record Cast(Expr operand, SeqType target, SeqType type, Loc at) implements Expr { }

    record Call(SqlFunction function, List<Expr> args, SeqType type, Loc at) implements Expr { }

    /** An aggregate over the rows of a group; {@code arg} null for count(*). */
    record Aggregate(Aggregates.Kind function, Expr arg, boolean distinct, SeqType type, Loc at)
        implements Expr { }

    record MapCtor(List<Expr> keys, List<Expr> values, SeqType type, Loc at) implements Expr { }

    /**
     * {@code [a, b]}: the items of all arguments in one array of {@code type}'s element type. A
     * conditional constructor wraps a SELECT or SET expression: it builds an array only when its
     * argument returns more than one item.
     */
    record ArrayCtor(List<Expr> elements, boolean conditional, SeqType type, Loc at) implements Expr { }

    /** {@code seq_transform(input, mapper)}: {@code mapper} evaluated with {@code $} bound to each item. */
    record Transform(Expr input, Expr mapper, SeqType type, Loc at) implements Expr { }

    /** The direct sub-expressions. */
    static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        if (e instanceof FieldStep f) {
            out.add(f.input());
        } else if (e instanceof ArrayFilter a) {
            out.add(a.input());
            addIf(out, a.pred());
        } else if (e instanceof ArraySlice s) {
            out.add(s.input());
            addIf(out, s.low());
            addIf(out, s.high());
        } else if (e instanceof MapFilter m) {
            out.add(m.input());
            addIf(out, m.pred());
        } else if (e instanceof Arith a) {
            out.addAll(a.args());
        } else if (e instanceof Negate n) {
            out.add(n.operand());
        } else if (e instanceof Compare c) {
            out.add(c.left());
            out.add(c.right());
        } else if (e instanceof And a) {
            out.addAll(a.operands());
        } else if (e instanceof Or o) {
            out.addAll(o.operands());
        } else if (e instanceof Not n) {
            out.add(n.operand());
        } else if (e instanceof IsNull n) {
            out.add(n.operand());
        } else if (e instanceof Exists x) {
            out.add(x.operand());
        } else if (e instanceof In in) {
            out.addAll(in.left());
            in.candidates().forEach(out::addAll);
            addIf(out, in.sequence());
        } else if (e instanceof IsOfType t) {
            out.add(t.operand());
        } else if (e instanceof Case c) {
            out.addAll(c.conditions());
            out.addAll(c.results());
            addIf(out, c.otherwise());
        } else if (e instanceof Cast c) {
            out.add(c.operand());
        } else if (e instanceof Call c) {
            out.addAll(c.args());
        } else if (e instanceof Aggregate a) {
            addIf(out, a.arg());
        } else if (e instanceof MapCtor m) {
            out.addAll(m.keys());
            out.addAll(m.values());
        } else if (e instanceof ArrayCtor a) {
            out.addAll(a.elements());
        } else if (e instanceof Transform t) {
            out.add(t.input());
            out.add(t.mapper());
        }
        return out;
    }

    private static void addIf(List<Expr> out, Expr e) {
        if (e != null) {
            out.add(e);
        }
    }

    /** The first aggregate in the expression (outside nested aggregates), or null. */
    static Aggregate firstAggregate(Expr e) {
        if (e instanceof Aggregate a) {
            return a;
        }
        for (Expr c : children(e)) {
            Aggregate a = firstAggregate(c);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    static boolean hasAggregate(Expr e) {
        return firstAggregate(e) != null;
    }

    /** Whether the expression reads a row (a column or a row variable). */
    static boolean readsRow(Expr e) {
        return e instanceof Column || e instanceof RowRef || children(e).stream().anyMatch(Expr::readsRow);
    }

    /** Whether two expressions compute the same thing (locations aside), as GROUP BY and ORDER BY match them. */
    static boolean sameAs(Object a, Object b) {
        if (a instanceof Loc && b instanceof Loc) {
            return true;
        }
        if (a instanceof Record x && b instanceof Record y) {
            if (x.getClass() != y.getClass()) {
                return false;
            }
            for (java.lang.reflect.RecordComponent c : x.getClass().getRecordComponents()) {
                try {
                    if (!sameAs(c.getAccessor().invoke(x), c.getAccessor().invoke(y))) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!sameAs(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return java.util.Objects.equals(a, b);
    }
}
