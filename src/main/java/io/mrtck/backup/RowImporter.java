package io.mrtck.backup;

import io.mrtck.reference.Mutant;
import oracle.nosql.driver.NoSQLHandle;
import oracle.nosql.driver.ops.GetRequest;
import oracle.nosql.driver.ops.PutRequest;
import oracle.nosql.driver.ops.PutResult;
import oracle.nosql.driver.values.MapValue;

/**
 * Writes exported rows into one table of one region through the SDK: a put (if absent, unless
 * told to overwrite) with the TTL the {@link ExpirationPolicy} gives, its MR counters at 0, then the
 * counters raised to their exported values ({@link CounterRestorer}).
 */
public final class RowImporter {
    /** What happened to one row. */
    public enum Outcome {
        WRITTEN,
        /** Put-if-absent met a row with that key, and left it as it was. */
        ALREADY_PRESENT,
        /** Expired at the import's reference time: not written. */
        SKIPPED_EXPIRED
    }

    private final NoSQLHandle handle;
    private final TableDefinition table;
    private final boolean overwrite;
    private final int requestTimeoutMs;
    private final ExpirationPolicy expirations;
    private final CounterRestorer counters;

    public RowImporter(NoSQLHandle handle, TableDefinition table, boolean overwrite, int requestTimeoutMs,
                       ExpirationPolicy expirations) {
        this.handle = handle;
        this.table = table;
        this.overwrite = overwrite;
        this.requestTimeoutMs = requestTimeoutMs;
        this.expirations = expirations;
        this.counters = new CounterRestorer(handle, table, requestTimeoutMs);
    }

    /**
     * @param maybeOurs the row may have been written by an earlier, interrupted run of this same
     *                  import: if present, its counters are completed rather than left alone
     */
    public Outcome write(ExportedRow row, boolean maybeOurs) {
        ExpirationPolicy.Decision d = expirations.decide(row.expiration());
        if (d.skip()) {
            return Outcome.SKIPPED_EXPIRED;
        }
        MapValue value = row.value();
        for (CounterField c : table.counters()) {
            value = c.withZero(value);
        }
        PutRequest put = new PutRequest().setTableName(table.name()).setValue(value).setTimeout(requestTimeoutMs);
        if (!overwrite) {
            put.setOption(PutRequest.Option.IfAbsent);
        }
        if (d.ttl() != null) {
            put.setTTL(d.ttl());
        }
        PutResult result = handle.put(put);
        boolean written = result.getVersion() != null;
        if (counters.hasCounters() && !ToolDefects.on(Mutant.COUNTERS_RESET_ON_IMPORT) && (written || maybeOurs)) {
            MapValue key = table.key(row.value());
            // a fresh insert holds 0 everywhere; otherwise what the row holds decides what is missing
            MapValue current = written && !overwrite ? null
                : handle.get(new GetRequest().setTableName(table.name()).setKey(key).setTimeout(requestTimeoutMs)).getValue();
            counters.restore(key, row.value(), current);
        }
        return written ? Outcome.WRITTEN : Outcome.ALREADY_PRESENT;
    }
}
