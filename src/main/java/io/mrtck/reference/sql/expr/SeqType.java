package io.mrtck.reference.sql.expr;

/**
 * The static type of an expression: the type of its items and how many it returns.
 */
public record SeqType(SqlType item, SqlType.Quantifier quantifier) {

    public static SeqType one(SqlType item) {
        return new SeqType(item, SqlType.Quantifier.ONE);
    }

    public static SeqType optional(SqlType item) {
        return new SeqType(item, SqlType.Quantifier.QSTN);
    }

    public static SeqType star(SqlType item) {
        return new SeqType(item, SqlType.Quantifier.STAR);
    }

    public SeqType withQuantifier(SqlType.Quantifier q) {
        return new SeqType(item, q);
    }

    /** As the real engine prints an expression type: item type and quantifier ("Integer?", "Any*"). */
    @Override
    public String toString() {
        return item.ddl() + quantifier.symbol();
    }
}
