package io.mrtck.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.QueryIterableResult;
import oracle.nosql.driver.ops.QueryRequest;
import oracle.nosql.driver.values.FieldValue;
import oracle.nosql.driver.values.MapValue;

/**
 * Reads every row of a table through the SDK with its expiration time, in one query: each
 * column by name and {@code expiration_time_millis($x)} (0 for a row that does not expire).
 */
public final class TableReader {
    private final NoSQLHandle handle;
    private final TableDefinition table;
    private final int requestTimeoutMs;
    private final String expirationAlias;

    public TableReader(NoSQLHandle handle, TableDefinition table, int requestTimeoutMs) {
        this.handle = handle;
        this.table = table;
        this.requestTimeoutMs = requestTimeoutMs;
        String alias = "mrtck_expiration";
        while (table.column(alias) != null) {
            alias = alias + "_";
        }
        this.expirationAlias = alias;
    }

    /** Hands every row to {@code sink} as the region returns it (no order). */
    public void forEach(Consumer<ExportedRow> sink) {
        try (QueryRequest q = new QueryRequest().setStatement(statement()).setTimeout(requestTimeoutMs);
             QueryIterableResult result = handle.queryIterable(q)) {
            for (MapValue r : result) {
                MapValue row = new MapValue();
                for (Column c : table.columns()) {
                    FieldValue v = r.get(c.name());
                    if (v != null) {
                        row.put(c.name(), v);
                    }
                }
                long expiration = r.get(expirationAlias).getLong();
                sink.accept(new ExportedRow(row, expiration));
            }
        }
    }

    public List<ExportedRow> readAll() {
        List<ExportedRow> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    private String statement() {
        StringBuilder b = new StringBuilder("SELECT ");
        for (Column c : table.columns()) {
            b.append("$x.").append(c.name()).append(", ");
        }
        return b.append("expiration_time_millis($x) AS ").append(expirationAlias).append(" FROM ").append(table.name())
            .append(" $x").toString();
    }
}
