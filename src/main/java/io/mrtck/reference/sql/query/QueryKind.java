package io.mrtck.reference.sql.query;

/** The statement kinds of a query, with the wire code the driver reads from {@code qo}. */
public enum QueryKind {
    SELECT(5), UPDATE(6), INSERT(18), DELETE(19);

    private final int wire;

    QueryKind(int wire) {
        this.wire = wire;
    }

    public int wire() {
        return wire;
    }
}
