package io.mrtck.reference.sql;

import java.time.Clock;
import java.util.Map;

import io.mrtck.reference.data.Rows;
import io.mrtck.reference.store.RegionStore;
import oracle.nosql.driver.values.FieldValue;

/**
 * Parses and runs the SQL subset: table DDL (TableRequest), system statements
 * (SystemRequest) and queries/DML (Prepare + Query). Errors are
 * {@link io.mrtck.reference.RequestException}s with the code the real engine returns.
 */
public final class SqlEngine {
    private final RegionStore store;
    private final Rows rows;
    private final Clock clock;

    public SqlEngine(RegionStore store, Rows rows, Clock clock) {
        this.store = store;
        this.rows = rows;
        this.clock = clock;
    }

    /**
     * CREATE/DROP/ALTER TABLE and CREATE/DROP INDEX. Any other statement is
     * ILLEGAL_ARGUMENT ("not a table DDL statement").
     */
    public DdlResult executeTableDdl(String statement) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Region, namespace and SHOW statements sent as a SystemRequest. Returns the result
     * string (null when the statement has none).
     */
    public String executeSystem(String statement) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Parses and checks a query or DML statement against the catalog. */
    public PreparedQuery prepare(String statement) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * Runs a prepared statement. {@code bindings} are keyed by variable name ({@code $i}) or
     * by position ({@code #1}); {@code continuation} is null for the first batch, else what
     * the previous batch returned; {@code limit} is the most rows to return (0 = no limit).
     */
    public QueryBatch execute(PreparedQuery query, Map<String, FieldValue> bindings,
                              byte[] continuation, int limit) {
        throw new UnsupportedOperationException("TODO");
    }
}
